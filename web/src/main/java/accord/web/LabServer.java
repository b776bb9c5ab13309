package accord.web;

import accord.lang.Diagnostic;
import accord.lang.ModelException;
import accord.lang.Span;
import accord.solve.EvalFailure;
import accord.solve.SolveFailure;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code accord serve}: the lab page at / and the JSON API under /api, on Javalin. Every route is
 * in {@link #routes}, one place; every response carries the security headers; off loopback every
 * request must carry the token. CORS stays closed: no response allows another origin, and a
 * request from one is refused.
 */
public final class LabServer implements AutoCloseable {

  /**
   * How the server listens and how much it takes; where it keeps its sweeps ({@code store}, a run
   * store file, or null for memory only) and the software {@code version} it marks them with.
   */
  public record Options(String host, int port, String token, int threads, int queued, long maxBody,
      java.nio.file.Path store, String version) {

    public Options(String host, int port, String token, int threads, int queued, long maxBody) {
      this(host, port, token, threads, queued, maxBody, null, "accord");
    }

    public static Options defaults() {
      return new Options("127.0.0.1", 7070, null, Math.max(1, Runtime.getRuntime().availableProcessors()), 64,
          64 * 1024);
    }

    public Options at(String host, int port, String token) {
      return new Options(host, port, token, threads, queued, maxBody, store, version);
    }

    /** The same, the sweeps kept in the run store {@code store} (null: none). */
    public Options keeping(java.nio.file.Path store, String version) {
      return new Options(host, port, token, threads, queued, maxBody, store, version);
    }
  }

  /** One route of the server: what the OpenAPI description must document (those under /api). */
  public record Route(String method, String path, Handler handler) {
  }

  /** The lab's assets: the only files the server sends, each by name from the jar. */
  static final Map<String, String> ASSETS = Map.of(
      "lab.js", "text/javascript; charset=utf-8",
      "lab.css", "text/css; charset=utf-8",
      "echarts.min.js", "text/javascript; charset=utf-8",
      "ECHARTS-LICENSE.txt", "text/plain; charset=utf-8");

  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
      + "frame-ancestors 'none'";

  /** The scenario the lab opens with (lab.js opens the same). */
  static final String FIRST_SCENARIO = "us-china-tariffs";

  /** Set on a request whose refusal was written: the error pages leave it as it is. */
  private static final String ANSWERED = "accord.answered";

  private final Options options;
  private final Lab lab;
  private final Javalin app;
  private final byte[] token;
  private List<String> resumed = List.of();

  private LabServer(Options options, Lab lab) {
    this.options = options;
    this.lab = lab;
    this.token = options.token() == null ? null : sha256(options.token());
    List<Route> routes = routes(lab);
    this.app = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.startup.showOldJavalinVersionWarning = false;
      cfg.startup.startupWatcherEnabled = false;
      cfg.jetty.host = options.host();
      cfg.jetty.port = options.port();
      cfg.http.maxRequestSize = options.maxBody();
      cfg.routes.before(this::guard);
      for (Route r : routes) {
        switch (r.method()) {
          case "GET" -> cfg.routes.get(r.path(), r.handler());
          case "POST" -> cfg.routes.post(r.path(), r.handler());
          case "DELETE" -> cfg.routes.delete(r.path(), r.handler());
          default -> throw new IllegalStateException(r.method());
        }
      }
      cfg.routes.exception(Exception.class, this::failure);
      cfg.routes.error(404, "*", ctx -> {
        if (ctx.attribute(ANSWERED) == null) {
          problem(ctx, 404, List.of(Diagnostic.error("E716", Span.NONE, "no route " + ctx.method() + " "
              + ctx.path()).withHint("GET /api/openapi.json lists the API; the lab is at /")));
        }
      });
      cfg.routes.error(405, "*", ctx -> {
        if (ctx.attribute(ANSWERED) == null) {
          problem(ctx, 405, List.of(Diagnostic.error("E716", Span.NONE, ctx.method() + " " + ctx.path()
              + " is not allowed").withHint("GET /api/openapi.json lists the API")));
        }
      });
    });
  }

  /** The server's routes, in one place. */
  static List<Route> routes(Lab lab) {
    Api api = new Api(lab);
    WorldViews world = new WorldViews(lab);
    UncertaintyApi uncertainty = new UncertaintyApi(lab);
    List<Route> out = new ArrayList<>();
    out.add(new Route("GET", "/", LabServer::page));
    out.add(new Route("GET", "/lab/{file}", LabServer::asset));
    out.add(new Route("GET", "/favicon.ico", ctx -> ctx.status(204)));   // none: a browser asks anyway
    out.add(new Route("GET", "/api/openapi.json", LabServer::openapi));
    out.add(new Route("GET", "/api/models", api::models));
    out.add(new Route("GET", "/api/scenarios", api::scenarios));
    out.add(new Route("GET", "/api/scenarios/{name}", api::scenario));
    out.add(new Route("POST", "/api/runs", api::run));
    out.add(new Route("GET", "/api/runs/{id}/series", api::series));
    out.add(new Route("GET", "/api/runs/{id}/csv", api::csv));
    out.add(new Route("GET", "/api/runs/{id}/report", api::report));
    out.add(new Route("GET", "/api/runs/{id}/matrix", world::matrix));
    out.add(new Route("GET", "/api/runs/{id}/flows", world::flows));
    out.add(new Route("GET", "/api/runs/{id}/capital", world::capital));
    out.add(new Route("POST", "/api/compare", api::compare));
    out.add(new Route("GET", "/api/backtest", world::backtest));
    out.add(new Route("POST", "/api/sweeps", uncertainty::startSweep));
    out.add(new Route("GET", "/api/sweeps/{id}", uncertainty::sweep));
    out.add(new Route("DELETE", "/api/sweeps/{id}", uncertainty::cancelSweep));
    out.add(new Route("POST", "/api/explain", uncertainty::explain));
    return out;
  }

  /** The routes, without handlers: for the OpenAPI test. */
  public static List<Route> routes() {
    return routes((Lab) null).stream().map(r -> new Route(r.method(), r.path(), null)).toList();
  }

  /** Starts a server; {@link IllegalArgumentException} (E718) for an address off loopback without a token. */
  public static LabServer start(Options options, java.nio.file.Path home) {
    check(options);
    LabServer s = new LabServer(options, new Lab(new Library(home), options.threads(), options.queued(),
        options.store(), options.version()));
    try {
      // first: a store that cannot be used stops the server before it listens
      s.resumed = s.lab.resumeSweeps();
    } catch (RuntimeException e) {
      s.lab.close();
      throw e;
    }
    s.app.start();
    s.lab.warm(FIRST_SCENARIO);
    return s;
  }

  /** E718: a server off loopback needs a token, of at least 16 characters. */
  static void check(Options o) {
    if (o.token() != null && o.token().length() < 16) {
      throw new ModelException(Diagnostic.error("E718", Span.NONE, "--token is " + o.token().length()
          + " characters; it needs at least 16").withHint("make one with: openssl rand -hex 16"));
    }
    if (o.token() == null && !loopback(o.host())) {
      throw new ModelException(Diagnostic.error("E718", Span.NONE, "--host " + o.host() + " is not a loopback "
          + "address, and without --token anyone who reaches it could run the server").withHint("give --token "
          + "(every request must then carry it: Authorization: Bearer TOKEN), or keep the default 127.0.0.1"));
    }
  }

  static boolean loopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  public int port() {
    return app.port();
  }

  /** The sweeps a server before this one left unfinished in the store, taken up at start (their ids). */
  public List<String> resumed() {
    return resumed;
  }

  @Override
  public void close() {
    app.stop();
    lab.close();
  }

  // ---- every request ---------------------------------------------------------------------------

  /** Security headers on every response; then the host, origin, token and size checks. */
  private void guard(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    ctx.header("Cross-Origin-Resource-Policy", "same-origin");
    ctx.header("Cache-Control", "no-store");
    String host = ctx.header("Host");
    if (token == null && !localName(host)) {
      // a loopback server answers loopback names only: a page of another site that a DNS name leads here is refused
      throw new ApiError(403, "E715", "Host '" + host + "' is not a loopback name", "open the lab at http://127.0.0.1:"
          + options.port() + "/");
    }
    String origin = ctx.header("Origin");
    if (origin != null && !origin.equals("http://" + host)) {
      throw new ApiError(403, "E715", "requests from another origin (" + origin + ") are refused",
          "the lab and its API are one origin; CORS is closed");
    }
    if (token != null && !authorized(ctx.header("Authorization"))) {
      ctx.header("WWW-Authenticate", "Basic realm=\"accord lab\", charset=\"UTF-8\"");
      throw new ApiError(401, "E712", "this server needs its token", "send Authorization: Bearer TOKEN (a browser "
          + "asks for it: any user name, the token as password)");
    }
    long length = ctx.req().getContentLengthLong();
    if (length > options.maxBody()) {
      throw new ApiError(413, "E713", "the body is " + length + " bytes; at most " + options.maxBody(),
          "a request names a scenario and a few values: it is small");
    }
  }

  private static boolean localName(String host) {
    if (host == null) {
      return false;
    }
    String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.replaceFirst(":\\d+$", "");
    return Set.of("127.0.0.1", "localhost", "[::1]").contains(name);
  }

  /** Bearer TOKEN, or Basic with the token as password (what a browser sends), compared in constant time. */
  private boolean authorized(String header) {
    if (header == null) {
      return false;
    }
    String given = null;
    if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      given = header.substring(7).strip();
    } else if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String pair = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        given = pair.substring(pair.indexOf(':') + 1);
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    // digests of equal length, so the comparison takes as long whatever was sent
    return given != null && MessageDigest.isEqual(sha256(given), token);
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- failures ----------------------------------------------------------------------------------

  private void failure(Exception e, Context ctx) {
    if (e instanceof ApiError a) {
      problem(ctx, a.status(), a.diagnostics());
    } else if (e instanceof ModelException m) {
      problem(ctx, 400, m.diagnostics());
    } else if (e instanceof EvalFailure f) {
      problem(ctx, 422, List.of(f.diagnostic()));
    } else if (e instanceof SolveFailure f) {
      problem(ctx, 422, List.of(f.diagnostic()));
    } else if (e instanceof HttpResponseException h) {
      String code = h.getStatus() == 413 ? "E713" : "E716";
      problem(ctx, h.getStatus(), List.of(Diagnostic.error(code, Span.NONE, h.getMessage())));
    } else {
      org.slf4j.LoggerFactory.getLogger(LabServer.class).error("internal error on " + ctx.path(), e);
      problem(ctx, 500, List.of(Diagnostic.error("E900", Span.NONE, "internal error: " + e)
          .withHint("please report it, with the request that caused it")));
    }
  }

  /** The JSON of a refusal: each diagnostic as data, and the text the command line prints for them. */
  private void problem(Context ctx, int status, List<Diagnostic> ds) {
    List<Object> items = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (Diagnostic d : ds) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", d.code());
      m.put("severity", d.severity().name().toLowerCase(java.util.Locale.ROOT));
      m.put("message", lab.library().relative(d.message()));
      m.put("hint", lab.library().relative(d.hint()));
      m.put("where", d.span().line() > 0 ? lab.library().relative(d.span().where()) : null);
      items.add(m);
      text.append(lab.library().relative(d.render()));
    }
    ctx.status(status);
    ctx.attribute(ANSWERED, Boolean.TRUE);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("diagnostics", items);
    body.put("text", text.toString());
    Json.write(ctx, body);
  }

  // ---- the page ----------------------------------------------------------------------------------

  private static void page(Context ctx) {
    Query.allow(ctx, "the lab page");
    ctx.contentType("text/html; charset=utf-8");
    ctx.result(resource("index.html"));
  }

  private static void asset(Context ctx) {
    String file = ctx.pathParam("file");
    String type = ASSETS.get(file);
    if (type == null) {
      throw new ApiError(404, "E716", "no file /lab/" + file, "the lab's files are: " + String.join(", ",
          ASSETS.keySet().stream().sorted().toList()));
    }
    ctx.header("Cache-Control", "max-age=3600");
    ctx.contentType(type);
    ctx.result(resource(file));
  }

  private static void openapi(Context ctx) {
    Query.allow(ctx, "the OpenAPI description");
    ctx.contentType("application/json; charset=utf-8");
    ctx.result(resource("../openapi.json"));
  }

  static byte[] resource(String name) {
    String path = name.startsWith("../") ? "/accord/web/" + name.substring(3) : "/accord/web/lab/" + name;
    try (InputStream in = LabServer.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
