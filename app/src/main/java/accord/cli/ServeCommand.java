package accord.cli;

import accord.web.LabServer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code accord serve}: the web lab and its JSON API, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Start the web lab and its HTTP API (http://127.0.0.1:7070/ by default).",
        "The lab runs the library's scenarios with their levers as sliders and draws them against the baseline; "
            + "the API is under /api, described at /api/openapi.json. It listens on loopback unless --host says "
            + "otherwise, and then only with --token, which every request must carry (Authorization: Bearer TOKEN)."})
final class ServeCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--port", paramLabel = "7070", defaultValue = "7070", description = "the port (0: any free one)")
  int port;

  @Option(names = "--host", paramLabel = "127.0.0.1", defaultValue = "127.0.0.1",
      description = "the address to listen on (default loopback; any other needs --token)")
  String host;

  @Option(names = "--token", paramLabel = "TOKEN", description = "a secret of 16 characters or more that every "
      + "request must carry; required off loopback")
  String token;

  @Option(names = "--store", paramLabel = "runs.duckdb", description = "the run store that keeps the lab's sweeps, "
      + "draw by draw (default: ACCORD_STORE, else ~/.local/share/accord/runs.duckdb, as accord sweep); a sweep a "
      + "stopped or killed server left unfinished there resumes when the server starts again")
  java.nio.file.Path store;

  @Option(names = "--no-store", description = "keep the lab's sweeps in memory only")
  boolean noStore;

  @Option(names = "--debug", description = "show stack traces of internal errors")
  boolean debug;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    if (noStore && store != null) {
      throw new Errors.UserError("E410", "--store and --no-store contradict each other", "give one of them");
    }
    if (port < 0 || port > 65535) {
      throw new Errors.UserError("E410", "--port " + port + " is not a port", "give 1 to 65535, or 0 for any free one");
    }
    LabServer server;
    try {
      java.nio.file.Path kept = noStore ? null : store != null ? store : accord.store.RunStore.defaultFile();
      server = LabServer.start(LabServer.Options.defaults().at(host, port, token).keeping(kept, Accord.VERSION),
          Home.root());
    } catch (RuntimeException e) {
      if (e instanceof accord.lang.ModelException) {
        throw e;
      }
      throw new Errors.UserError("E719", "cannot listen on " + host + ":" + port + ": " + rootMessage(e),
          "is another server on that port? choose another with --port, or --port 0 for any free one");
    }
    String shown = host.contains(":") ? "[" + host + "]" : host;
    out.println("accord lab: http://" + shown + ":" + server.port() + "/   (API: /api, described at /api/openapi.json)");
    if (!server.resumed().isEmpty()) {
      out.println("sweeps resumed from the run store: " + String.join(", ", server.resumed()));
    }
    out.println(token == null ? "listening on loopback only; Ctrl-C stops it"
        : "every request must carry the token (Authorization: Bearer TOKEN; a browser asks for it as a password)");
    out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    Thread.currentThread().join();
    return 0;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return String.valueOf(t.getMessage());
  }
}
