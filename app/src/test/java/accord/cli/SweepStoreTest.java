package accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import accord.explore.Experiment;
import accord.explore.Output;
import accord.scenario.ScenarioFile;
import accord.solve.SolverSettings;
import accord.store.RunStore;
import accord.store.StoreSink;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** accord sweep keeps its draws in the run store, and --resume finishes a sweep that stopped. */
class SweepStoreTest {

  static final String TARIFFS = "../models/world/scenarios/us-china-tariffs.yaml";

  static CommandLineTest.Outcome accord(String... args) {
    return CommandLineTest.accord(args);
  }

  static Path priors(Path dir) throws Exception {
    return accord.explore.UncertaintyCommandsTest.priors(dir);
  }

  /**
   * A sweep stopped midway (here by a sink that gives up after five draws, as kill -9 would stop
   * it; the store's own kill -9 test is RunStoreTest) is finished by --resume: the finished draws
   * read back, the rest run, and the fans the same bits as a sweep never stopped.
   */
  @Test
  void aStoppedSweepIsResumedToTheSameFans(@TempDir Path dir) throws Exception {
    Path store = dir.resolve("runs.duckdb");
    Path whole = dir.resolve("whole.csv");
    Path resumed = dir.resolve("resumed.csv");
    String[] common = {"sweep", TARIFFS, "--draws", "9", "--seed", "11", "--threads", "2", "--horizon", "3",
        "--priors", priors(dir).toString()};
    CommandLineTest.Outcome full = accord(concat(common, "--no-store", "--out", whole.toString()));
    assertThat(full.code()).as(full.err()).isZero();
    // the stopped sweep: five draws kept, then the process gives up
    SweepCommand.Request r = SweepCommand.Request.of(ScenarioFile.load(
        Path.of(TARIFFS), 4), priors(dir), 9, 11, 2);
    try (RunStore s = RunStore.open(store)) {
      Experiment e = Experiment.of(r.file(), r.priors(), 11,
          Output.headline(r.file().model()), SolverSettings.DEFAULT);
      long job = StoreSink.start(s, SweepCommand.spec(r), e);
      StoreSink sink = new StoreSink(s, job, e);
      for (long i = 0; i < 5; i++) {
        sink.accept(e.draw(i));
      }
    }
    String[] otherSeed = common.clone();
    otherSeed[5] = "12";
    assertThat(accord(concat(otherSeed, "--store", store.toString(), "--resume")).err())
        .as("another seed is another sweep").contains("E684");
    CommandLineTest.Outcome again = accord(concat(common, "--store", store.toString(), "--resume", "--out", resumed.toString()));
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains("kept in the run store");
    assertThat(Files.readString(resumed)).isEqualTo(Files.readString(whole));
    CommandLineTest.Outcome runs = accord("runs", "--store", store.toString());
    assertThat(runs.out()).contains("sweep").contains("done").contains("9 of 9");
  }

  static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

}
