package accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import accord.explore.Experiment;
import accord.explore.Fans;
import accord.explore.LocalEngine;
import accord.explore.Output;
import accord.explore.Priors;
import accord.scenario.ScenarioFile;
import accord.solve.SolverSettings;
import accord.store.RunStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed with SIGKILL in the middle of a sweep leaves its run store readable with the
 * draws it had committed; a server started again on that store takes the sweep up under the same
 * id, reads those draws back, runs the rest, and ends with the fans of a sweep never interrupted.
 */
class SweepResumeTest {

  static final int DRAWS = 300;
  static final long SEED = 5;
  static final int QUARTERS = 2;

  @Test
  void aSweepOfAKilledServerResumesOnTheNextAndEndsWithTheSameFans(@TempDir Path dir) throws Exception {
    Path store = dir.resolve("runs.duckdb");
    String id;
    long doneAtKill;
    Process first = server(dir, store, "first");
    try {
      int port = port(dir, "first", first);
      HttpResponse<String> started = post(port, "/api/sweeps", "{\"scenario\": \"us-china-tariffs\", \"draws\": "
          + DRAWS + ", \"seed\": " + SEED + ", \"quarters\": " + QUARTERS + "}");
      assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
      id = TestServer.json(started).get("id").asText();
      assertThat(TestServer.json(started).get("stored").asLong()).isPositive();
      // past the first batch the store commits (64 draws), well before the end
      JsonNode job = get(port, "/api/sweeps/" + id);
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
      while (job.get("done").asLong() < 100 && job.get("status").asText().matches("waiting|running")
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
        job = get(port, "/api/sweeps/" + id);
      }
      doneAtKill = job.get("done").asLong();
      assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("running");
    } finally {
      first.destroyForcibly();   // SIGKILL: no shutdown hook, no close
      first.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(doneAtKill).isBetween(100L, DRAWS - 1L);

    Process second = server(dir, store, "second");
    JsonNode job;
    try {
      int port = port(dir, "second", second);
      assertThat(Files.readAllLines(dir.resolve("second")).get(1)).isEqualTo(id);
      job = get(port, "/api/sweeps/" + id);
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
      while (job.get("status").asText().matches("waiting|running") && System.nanoTime() < deadline) {
        Thread.sleep(200);
        job = get(port, "/api/sweeps/" + id + "?region=CHN");
      }
    } finally {
      second.destroy();
      second.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("done");
    assertThat(job.get("done").asLong()).isEqualTo(DRAWS);
    long resumed = job.get("resumed").asLong();
    assertThat(resumed).as("draws read back from the store").isGreaterThanOrEqualTo(64).isLessThanOrEqualTo(doneAtKill);
    System.out.printf("sweep resume: killed at %d of %d draws, %d read back from the store, the rest run%n", doneAtKill,
        DRAWS, resumed);

    // the fans of the same sweep never interrupted, to the last bit
    ScenarioFile f = ScenarioFile.load(TestServer.HOME.resolve("models/world/scenarios/us-china-tariffs.yaml"),
        QUARTERS + 1);
    Experiment e = Experiment.of(f, Priors.load(TestServer.HOME.resolve("models/world/data/priors.csv"), f.model()),
        SEED, Output.headline(f.model()), SolverSettings.DEFAULT);
    Fans whole = new Fans(e);
    LocalEngine.run(e::draw, DRAWS, 2, whole, LocalEngine.Progress.NONE);
    for (JsonNode fan : job.get("fans")) {
      int o = whole.output(fan.get("output").asText(), "CHN");
      for (int q = 0; q < QUARTERS; q++) {
        double[] expected = whole.fan(o, q + 2);
        String[] keys = {"p5", "p25", "p50", "p75", "p95"};
        for (int k = 0; k < keys.length; k++) {
          assertThat(fan.get(keys[k]).get(q).asDouble()).as(fan.get("output").asText() + " " + keys[k] + " q" + q)
              .isEqualTo(expected[k]);
        }
      }
    }
    // the store: readable, the job done with every draw
    try (RunStore s = RunStore.open(store)) {
      RunStore.Job j = s.jobs().stream().filter(x -> ("s" + x.id()).equals(id)).findFirst().orElseThrow();
      assertThat(j.status()).isEqualTo("done");
      assertThat(j.draws()).isEqualTo(DRAWS);
      assertThat(j.settings()).contains("\"lab\": \"us-china-tariffs\"");
    }
  }

  private static Process server(Path dir, Path store, String name) throws Exception {
    // its temporary files (DuckDB's native library, 70 MB, which a killed JVM cannot delete) in dir
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.io.tmpdir=" + dir, "-cp", System.getProperty("java.class.path"), ServerProcess.class.getName(), TestServer.HOME.toString(),
        store.toString(), dir.resolve(name).toString()).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile()).start();
  }

  private static int port(Path dir, String name, Process p) throws Exception {
    Path ready = dir.resolve(name);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (!Files.exists(ready) && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(Files.exists(ready)).as("the server started: %s", Files.readString(dir.resolve(name + ".log"))).isTrue();
    return Integer.parseInt(Files.readAllLines(ready).get(0));
  }

  private static JsonNode get(int port, String path) throws Exception {
    return TestServer.JSON.readTree(TestServer.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + path)).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
  }

  private static HttpResponse<String> post(int port, String path, String body) throws Exception {
    return TestServer.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
