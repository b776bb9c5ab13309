package accord.web;

import static accord.web.TestServer.body;
import static accord.web.TestServer.code;
import static accord.web.TestServer.get;
import static accord.web.TestServer.json;
import static accord.web.TestServer.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import accord.lang.ModelException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad requests get a 4xx with the diagnostics the command line prints; the limits, the headers,
 * the closed CORS and the token.
 */
class RefusalTest {

  static LabServer server;

  @BeforeAll
  static void start() {
    server = TestServer.shared();
  }

  private static void refused(HttpResponse<String> r, int status, String code, String... words) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(code(r)).as(r.body()).isEqualTo(code);
    assertThat(json(r).get("text").asText()).contains("error[" + code + "]");
    if (words.length > 0) {
      assertThat(json(r).get("text").asText()).contains(words);
    }
  }

  @Test
  void aValueOutsideItsRangeIsRefusedAtItsLineAsTheCommandLineSaysIt() throws Exception {
    HttpResponse<String> r = post(server, "/api/runs", body(Map.of("scenario", "us-china-tariffs",
        "overrides", Map.of("tariff[1].retaliation", 11.0))));
    refused(r, 400, "E325", "models/world/scenarios/us-china-tariffs.yaml:15:", "'retaliation' is 11, outside -1 to 10",
        "= help:", "retaliation: 11}");
    assertThat(json(r).get("diagnostics").get(0).get("where").asText())
        .startsWith("models/world/scenarios/us-china-tariffs.yaml:15:");
    // a whole number where the reader wants one, and the model's own range behind the vocabulary's
    refused(post(server, "/api/runs", body(Map.of("scenario", "tariffs-2025", "overrides",
        Map.of("tariff[1].rate", -0.5)))), 400, "E323", "below zero");
  }

  @Test
  void requestsThatAreNotWhatTheApiTakes() throws Exception {
    refused(post(server, "/api/runs", body(Map.of("scenario", "no-such"))), 404, "E700", "the scenarios are:");
    refused(post(server, "/api/runs", body(Map.of("scenario", "tarifs-2025"))), 404, "E700",
        "did you mean 'tariffs-2025'?");
    refused(post(server, "/api/runs", "{\"scenario\": "), 400, "E701");
    refused(post(server, "/api/runs", "[1]"), 400, "E703");
    refused(post(server, "/api/runs", "{\"scenario\": \"tariffs-2025\", \"overides\": {}}"), 400, "E702",
        "did you mean 'overrides'?", "the fields are: scenario, overrides, periods");
    refused(post(server, "/api/runs", "{\"scenario\": 3}"), 400, "E703", "'scenario' in a run request must be text");
    refused(post(server, "/api/runs", "{\"scenario\": \"tariffs-2025\", \"periods\": 2.5}"), 400, "E703");
    // the example in the hint has the field's own type
    refused(post(server, "/api/sweeps", "{\"scenario\": \"us-china-tariffs\", \"draws\": \"ten\"}"), 400, "E703",
        "for example \"draws\": 40");
    refused(post(server, "/api/runs", body(Map.of("scenario", "tariffs-2025", "overrides", Map.of("nope.rate", 1)))),
        400, "E704", "its levers are:");
    refused(post(server, "/api/runs", "{\"scenario\": \"tariffs-2025\", \"overrides\": {\"tariff[1].rate\": \"x\"}}"),
        400, "E705");
    refused(post(server, "/api/runs", body(Map.of("scenario", "tariffs-2025", "periods", 100_000))), 400, "E707",
        "outside 2..200");
    refused(get(server, "/api/runs/r999999/series?vars=GDP"), 404, "E708");
    refused(get(server, "/api/scenarios?x=1"), 400, "E702", "takes no query parameters");
    refused(get(server, "/api/nothing"), 404, "E716", "openapi.json");
    HttpResponse<String> climb = get(server, "/lab/..%2F..%2Fpom.xml");
    assertThat(climb.statusCode()).isIn(400, 404);
    assertThat(climb.body()).doesNotContain("<project");
    refused(get(server, "/lab/pom.xml"), 404, "E716", "the lab's files are");
    // no request names a file: a path is not a scenario's name
    refused(post(server, "/api/runs", body(Map.of("scenario", "../../pom.xml"))), 404, "E700");
    refused(post(server, "/api/runs", body(Map.of("scenario", "/etc/passwd"))), 404, "E700");
  }

  @Test
  void queryParametersOfARun() throws Exception {
    String id = TestServer.run(server, "us-china-tariffs", Map.of());
    refused(get(server, "/api/runs/" + id + "/matrix?region=XXX"), 400, "E412", "the regions are: USA");
    refused(get(server, "/api/runs/" + id + "/matrix?quarter=2040Q1"), 400, "E412");
    refused(get(server, "/api/runs/" + id + "/series?vars=NOPE"), 400, "E404");
    refused(get(server, "/api/runs/" + id + "/series?vars=EXV"), 400, "E706", "1000 series");
    refused(get(server, "/api/runs/" + id + "/csv?format=tall"), 400, "E703", "wide");
    refused(get(server, "/api/runs/" + id + "/csv?vras=GDP"), 400, "E702", "did you mean 'vars'?");
  }

  /** A decomposition request that names an output, a quarter or a field the API does not have; all before any run. */
  @Test
  void explainRefusesBadOutputsQuartersAndFields() throws Exception {
    refused(post(server, "/api/explain", body(Map.of("scenario", "tariffs-2025", "output", "TBX[USA]"))), 400, "E642",
        "no output 'TBX[USA]'", "did you mean");
    refused(post(server, "/api/explain", body(Map.of("scenario", "tariffs-2025", "output", "TB"))), 400, "E642",
        "name one element, such as TB[USA]");
    refused(post(server, "/api/explain", body(Map.of("scenario", "tariffs-2025", "output", "real GDP[XXX]"))), 400,
        "E412", "XXX is not a region");
    refused(post(server, "/api/explain", body(Map.of("scenario", "tariffs-2025", "at", "2040Q1"))), 400, "E412",
        "at 2040Q1 is not a quarter of this run");
    refused(post(server, "/api/explain", body(Map.of("scenario", "tariffs-2025", "at", "soon"))), 400, "E412");
    refused(post(server, "/api/explain", body(Map.of("scenario", "tariffs-2025", "quarter", "2026Q1"))), 400, "E702",
        "the fields are: scenario, overrides, output, at");
    refused(post(server, "/api/explain", "{\"scenario\": \"tariffs-2025\", \"output\": 3}"), 400, "E703");
    refused(post(server, "/api/explain", body(Map.of("scenario", "tariffs-2025", "overrides", Map.of("nope.rate", 1)))),
        400, "E704");
    refused(post(server, "/api/explain", body(Map.of("scenario", "no-such"))), 404, "E700");
    // a textbook model has no channels; a scenario with odds is several runs
    refused(post(server, "/api/explain", body(Map.of("scenario", "lp-baseline", "output", "Y"))), 400, "E640");
    refused(post(server, "/api/explain", body(Map.of("scenario", "negotiation-odds"))), 400, "E641");
    String run = TestServer.run(server, "us-china-tariffs", Map.of());
    refused(get(server, "/api/runs/" + run + "/capital?quarter=1999Q1"), 400, "E412");
    refused(get(server, "/api/runs/" + run + "/capital?region=USA"), 400, "E702");
  }

  @Test
  void contentTypeSizeOriginAndHostAreChecked() throws Exception {
    HttpResponse<String> plain = TestServer.HTTP.send(HttpRequest.newBuilder(URI.create(TestServer.base(server)
        + "/api/runs")).header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    refused(plain, 415, "E714");
    String big = "{\"scenario\": \"tariffs-2025\", \"x\": \"" + "a".repeat(100_000) + "\"}";
    refused(post(server, "/api/runs", big), 413, "E713");
    refused(post(server, "/api/runs", "{}", "Origin", "http://evil.example"), 403, "E715", "CORS is closed");
    // a page of another site that reaches the loopback server through a DNS name (rebinding)
    try (java.net.Socket raw = new java.net.Socket("127.0.0.1", server.port())) {
      raw.getOutputStream().write(("GET /api/scenarios HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String answer = new String(raw.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 403").contains("E715");
    }
  }

  @Test
  void everyResponseCarriesTheSecurityHeadersAndNoCors() throws Exception {
    for (String path : List.of("/", "/lab/lab.js", "/api/scenarios", "/api/nothing")) {
      HttpResponse<String> r = get(server, path, "Origin", TestServer.base(server));
      String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
      assertThat(csp).as(path).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
          .doesNotContain("unsafe-inline", "unsafe-eval");
      assertThat(r.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
      assertThat(r.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
      assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).as(path).isEmpty();
    }
    String page = get(server, "/").body();
    // no inline script or style in the page: every script and style is a file of the jar
    assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain("<style", "style=\"", "onclick")
        .doesNotContainPattern("(src|href)=\"(https?:)?//");
  }

  @Test
  void aFullServerRefusesWith429() throws Exception {
    LabServer.Options o = new LabServer.Options("127.0.0.1", 0, null, 1, 0, 64 * 1024);
    try (LabServer small = LabServer.start(o, TestServer.HOME)) {
      ExecutorService clients = Executors.newFixedThreadPool(4);
      try {
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          answers.add(clients.submit(() -> post(small, "/api/runs", body(Map.of("scenario", "sim-gov", "periods", 200)))));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<HttpResponse<String>> f : answers) {
          HttpResponse<String> r = f.get();
          statuses.add(r.statusCode());
          if (r.statusCode() == 429) {
            assertThat(code(r)).isEqualTo("E709");
          }
        }
        assertThat(statuses).contains(201, 429).containsOnly(201, 429);
      } finally {
        clients.shutdownNow();
      }
    }
  }

  /** A --store that is not a run store (a text file) stops the server before it listens: E681, not a 503 per sweep. */
  @Test
  void aStoreThatIsNotARunStoreIsRefusedAtStart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path text = java.nio.file.Files.writeString(dir.resolve("notes.duckdb"), "not a database\n");
    assertThatThrownBy(() -> LabServer.start(LabServer.Options.defaults().at("127.0.0.1", 0, null)
        .keeping(text, "test"), TestServer.HOME)).isInstanceOf(ModelException.class)
        .satisfies(e -> assertThat(((ModelException) e).diagnostics().get(0).code()).isEqualTo("E681"));
    assertThat(java.nio.file.Files.readString(text)).isEqualTo("not a database\n");
  }

  @Test
  void offLoopbackNeedsATokenAndWithOneEveryRequestCarriesIt() throws Exception {
    assertThatThrownBy(() -> LabServer.start(LabServer.Options.defaults().at("0.0.0.0", 0, null), TestServer.HOME))
        .isInstanceOf(ModelException.class).hasMessageContaining("--token");
    assertThatThrownBy(() -> LabServer.check(LabServer.Options.defaults().at("127.0.0.1", 0, "short")))
        .isInstanceOf(ModelException.class).hasMessageContaining("at least 16");
    String token = "0123456789abcdef0123";
    try (LabServer guarded = LabServer.start(LabServer.Options.defaults().at("127.0.0.1", 0, token), TestServer.HOME)) {
      refused(get(guarded, "/api/scenarios"), 401, "E712");
      refused(get(guarded, "/"), 401, "E712");
      refused(get(guarded, "/api/scenarios", "Authorization", "Bearer " + token + "x"), 401, "E712");
      assertThat(get(guarded, "/api/scenarios", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
      String basic = java.util.Base64.getEncoder().encodeToString(("lab:" + token).getBytes());
      assertThat(get(guarded, "/", "Authorization", "Basic " + basic).statusCode()).isEqualTo(200);
      assertThat(get(guarded, "/api/scenarios").headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
    }
  }
}
