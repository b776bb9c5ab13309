package accord.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import accord.lang.ModelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run store keeps jobs whole, answers SQL, exports Parquet, and survives a kill -9 mid-sweep. */
class RunStoreTest {

  static final RunStore.JobSpec SPEC = new RunStore.JobSpec("sweep", "tariffs-2025", "name: t\nevents: []\n",
      "abc123", 20250901L, "accord 0.1.0", "{\"draws\":500}", 500);

  static final List<String> PARAMETERS = List.of("sigM", "lam");
  static final List<RunStore.Column> COLUMNS = columns();

  /** Four outputs over three quarters. */
  static List<RunStore.Column> columns() {
    List<RunStore.Column> out = new ArrayList<>();
    for (String o : List.of("TB[USA]", "GDP[USA]", "CA[CHN]", "e[CHN]")) {
      for (String q : List.of("2025Q4", "2026Q4", "2027Q4")) {
        out.add(new RunStore.Column(o, q));
      }
    }
    return out;
  }

  /** Draw i: its values tell it apart; every 97th from the 5th fails. */
  static RunStore.Draw draw(long job, int i) {
    double[] values = new double[COLUMNS.size()];
    for (int k = 0; k < values.length; k++) {
      values[k] = i + COLUMNS.get(k).output().length() / 100.0;
    }
    boolean ok = i % 97 != 5;
    return new RunStore.Draw(job, i, ok, i % 2 == 0 ? "base" : "worst", new double[] {2 + i / 1000.0, 10},
        ok ? values : new double[0], ok ? null : "E220: did not converge in block 7");
  }

  @Test
  void jobsDrawsAndSummariesAreKeptAndQueried(@TempDir Path dir) {
    Path file = dir.resolve("runs.duckdb");
    long job;
    try (RunStore s = RunStore.open(file)) {
      job = s.start(SPEC, PARAMETERS, COLUMNS);
      for (int i = 0; i < 150; i++) {
        s.add(draw(job, i));
      }
      s.summaries(job, List.of(new RunStore.Summary("fan", "TB[USA]", "2027Q4", "p50", -812.5)));
      s.finish(job, "done");
    }
    try (RunStore s = RunStore.open(file)) {
      RunStore.Job j = s.jobs().get(0);
      assertThat(j.id()).isEqualTo(job);
      assertThat(j.status()).isEqualTo("done");
      assertThat(j.draws()).isEqualTo(150);
      assertThat(j.failed()).isEqualTo(2);   // draws 5 and 102
      assertThat(j.seed()).isEqualTo(20250901L);
      RunStore.Table t = s.query("SELECT count(*) AS n, min(value) AS lo FROM outputs WHERE output = 'TB[USA]'");
      assertThat(t.columns()).containsExactly("n", "lo");
      assertThat(t.rows().get(0).get(0)).isEqualTo(String.valueOf(148 * 3));
      assertThat(s.query("SELECT value FROM summaries WHERE statistic = 'p50'").rows().get(0)).containsExactly("-812.5");
      assertThat(s.resumable(SPEC)).as("a finished job is not resumed").isEmpty();
      Path parquet = dir.resolve("out.parquet");
      assertThat(s.exportParquet("SELECT * FROM outputs WHERE job = " + job, parquet)).isEqualTo(148 * 12);
      assertThat(s.query("SELECT count(*) FROM read_parquet('" + parquet + "')").rows().get(0)).containsExactly("1776");
      assertThatThrownBy(() -> s.query("SELECT nothing FROM nowhere")).satisfies(e -> assertThat(code(e)).isEqualTo("E682"));
      assertThatThrownBy(() -> s.exportParquet("SELECT 1", dir.resolve("missing/folder/x.parquet")))
          .satisfies(e -> assertThat(code(e)).isEqualTo("E683"));
      assertThat(dir.resolve("missing")).doesNotExist();
    }
  }

  @Test
  void aFileThatIsNotAStoreIsRefusedWithItsName(@TempDir Path dir) throws Exception {
    Path notDb = dir.resolve("notes.duckdb");
    Files.writeString(notDb, "these are notes, not a database\n".repeat(200));
    assertThatThrownBy(() -> RunStore.open(notDb)).satisfies(e -> assertThat(code(e)).isEqualTo("E681")).hasMessageContaining(notDb.toString());
  }

  /**
   * A writer process killed with SIGKILL in the middle of a sweep leaves a store that opens, whose
   * finished draws are whole (every output of each), and from which the sweep resumes. While the
   * writer runs, a second process is refused with E680.
   */
  @Test
  void aSweepKilledMidwayLeavesEveryFinishedDrawAndResumes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("runs.duckdb");
    Path started = dir.resolve("started");
    // its temporary files (DuckDB's native library, 70 MB, which a killed JVM cannot delete) in dir
    Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.io.tmpdir=" + dir, "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(),
        file.toString(), started.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("writer.log").toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.exists(started) && System.nanoTime() < deadline && writer.isAlive()) {
        Thread.sleep(20);
      }
      assertThat(Files.exists(started)).as("the writer started: %s", Files.exists(dir.resolve("writer.log"))
          ? Files.readString(dir.resolve("writer.log")) : "").isTrue();
      Thread.sleep(700);   // a few batches in, mid-batch
      assertThatThrownBy(() -> RunStore.open(file)).satisfies(e -> assertThat(code(e)).isEqualTo("E680"));
    } finally {
      writer.destroyForcibly();   // SIGKILL: no shutdown hook, no close
      writer.waitFor(30, TimeUnit.SECONDS);
    }
    try (RunStore s = RunStore.open(file)) {
      RunStore.Job j = s.jobs().get(0);
      assertThat(j.status()).isEqualTo("interrupted");
      long job = s.resumable(SPEC).orElseThrow();
      assertThat(job).isEqualTo(j.id());
      java.util.BitSet done = s.finishedDraws(job);
      assertThat(done.cardinality()).as("finished draws kept").isGreaterThan(0).isLessThan(SPEC.planned());
      // whole draws, read back exactly as written
      List<Long> seen = new ArrayList<>();
      s.forEachDraw(job, d -> {
        RunStore.Draw w = draw(job, (int) d.draw());
        assertThat(d.values()).containsExactly(w.values());
        assertThat(d.parameters()).containsExactly(w.parameters());
        assertThat(d.ok()).isEqualTo(w.ok());
        seen.add(d.draw());
      });
      assertThat(seen).isSorted().hasSize(done.cardinality());
      // resume: only the draws not finished are run
      for (int i = done.nextClearBit(0); i < SPEC.planned(); i = done.nextClearBit(i + 1)) {
        s.add(draw(job, i));
      }
      s.finish(job, "done");
      assertThat(s.finishedDraws(job).cardinality()).isEqualTo(SPEC.planned());
      assertThat(s.jobs().get(0).status()).isEqualTo("done");
    }
  }

  static String code(Throwable e) {
    assertThat(e).isInstanceOf(ModelException.class);
    return ((ModelException) e).diagnostics().get(0).code();
  }

  /** The killed process: a sweep that writes draws slowly until it is killed. */
  public static final class CrashWriter {
    public static void main(String[] args) throws Exception {
      try (RunStore s = RunStore.open(Path.of(args[0]))) {
        long job = s.start(SPEC, PARAMETERS, COLUMNS);
        Files.writeString(Path.of(args[1]), "started");
        for (int i = 0; i < SPEC.planned(); i++) {
          s.add(draw(job, i));
          Thread.sleep(2);
        }
        Thread.sleep(60_000);   // never finishes on its own within the test
      }
    }
  }
}
