package accord.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import accord.explore.DrawResult;
import accord.explore.Experiment;
import accord.explore.LocalEngine;
import accord.explore.Output;
import accord.explore.Priors;
import accord.explore.Recipe;
import accord.explore.SweepEngine;
import accord.lang.ModelException;
import accord.scenario.ScenarioFile;
import accord.solve.SolverSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark engine gives the local engine's draws, to the last bit, in draw order. */
class SparkEngineTest {

  static final Path SCENARIO = Path.of("../models/world/scenarios/us-china-tariffs.yaml");

  @AfterAll
  static void stop() {
    SparkEngine.stop();
  }

  static Path priors(Path dir) throws Exception {
    Path p = dir.resolve("two.csv");
    Files.writeString(p, """
        parameter,distribution,a,b,low,high,source
        sigM[AGR|ENE|MET|CHE|MAC|ELE|AUT|CON|SER],triangular,2.53,,1.5,5.0,a test
        phipi,truncnormal,1.5,0.25,1.2,2.0,a test
        """);
    return p;
  }

  /** The experiment of the scenario over 4 periods with the two priors written into {@code priorsFile}. */
  static Experiment experiment(Path priorsFile, long seed) {
    ScenarioFile file = ScenarioFile.load(SCENARIO, 4);
    return Experiment.of(file, Priors.load(priorsFile, file.model()), seed, Output.headline(file.model()),
        SolverSettings.DEFAULT);
  }

  /** Spark's draws are the local engine's, in order, to the bit (records compare doubles with Double.compare). */
  static void assertSameDraws(List<DrawResult> spark, List<DrawResult> local) {
    assertThat(spark).hasSameSizeAs(local);
    for (int i = 0; i < local.size(); i++) {
      assertThat(spark.get(i).index()).isEqualTo(i);
      assertThat(spark.get(i).parameters()).as("draw %d", i).containsExactly(local.get(i).parameters());
      assertThat(spark.get(i).branch()).as("draw %d", i).isEqualTo(local.get(i).branch());
      assertThat(spark.get(i).failure()).as("draw %d", i).isEqualTo(local.get(i).failure());
      if (!local.get(i).failed()) {
        assertThat(spark.get(i).differences()).as("draw %d", i).containsExactly(local.get(i).differences());
      }
    }
  }

  /** Spark's task events, in the order its listener bus delivers them: how many tasks ran at once. */
  static final class Tasks extends SparkListener {
    private int running;
    private int ended;
    volatile int mostAtOnce;

    @Override
    public synchronized void onTaskStart(SparkListenerTaskStart start) {
      mostAtOnce = Math.max(mostAtOnce, ++running);
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
      running--;
      ended++;
      notifyAll();
    }

    /** The tasks ended, once {@code n} have or after ten seconds (the bus delivers events a little later). */
    synchronized int awaitEnded(int n) throws InterruptedException {
      long end = System.nanoTime() + 10_000_000_000L;
      while (ended < n && System.nanoTime() < end) {
        wait(100);
      }
      return ended;
    }
  }

  @Test
  void sparkIsFoundOnTheClassPath() {
    assertThat(SweepEngine.available().stream().map(SweepEngine::name)).containsExactly("local", "spark");
  }

  @Test
  void sparkInLocalModeGivesTheLocalEnginesDrawsBitForBit(@TempDir Path dir) throws Exception {
    Path priorsFile = priors(dir);
    Experiment e = experiment(priorsFile, 20261130L);
    int n = 11;   // three tasks of four, the last short
    List<DrawResult> local = new ArrayList<>();
    SweepEngine.LOCAL.run(null, e, 0, n, 2, null, local::add, LocalEngine.Progress.NONE);
    // a fresh recipe, not the one made here: the executors make the experiment from the files
    Recipe recipe = new Recipe(SCENARIO.toAbsolutePath().normalize().toString(), e.periods(),
        priorsFile.toAbsolutePath().normalize().toString(), 20261130L);
    List<DrawResult> spark = new ArrayList<>();
    long[] progress = {0};
    Tasks tasks = new Tasks();
    SparkEngine.context("local[2]").sc().addSparkListener(tasks);
    new SparkEngine(4).run(recipe, e, 0, n, 2, "local[2]", spark::add, (done, failed) -> progress[0] = done);
    // both cores at work: the tasks are not run one after another (toLocalIterator's 1; the events
    // may count one more, a task's end reaching the bus after the start of the one that took its core)
    assertThat(tasks.awaitEnded(3)).isEqualTo(3);
    assertThat(tasks.mostAtOnce).isGreaterThanOrEqualTo(2);
    assertThat(progress[0]).isEqualTo(n);
    assertSameDraws(spark, local);
    // resuming at draw 7: the draws after it, the same
    List<DrawResult> rest = new ArrayList<>();
    new SparkEngine(4).run(recipe, e, 7, n, 2, "local[2]", rest::add, LocalEngine.Progress.NONE);
    assertThat(rest).hasSize(n - 7);
    assertThat(rest.get(0).differences()).containsExactly(local.get(7).differences());
  }

  @Test
  void aTaskThatFailsEndsTheSweepWithACodedDiagnostic(@TempDir Path dir) throws Exception {
    Path priorsFile = priors(dir);
    Experiment e = experiment(priorsFile, 1L);
    // as on a cluster whose machines lack the scenario at the driver's path: the executors cannot make the experiment
    Recipe elsewhere = new Recipe(dir.resolve("not-here.yaml").toString(), e.periods(),
        priorsFile.toAbsolutePath().toString(), 1L);
    List<DrawResult> got = new ArrayList<>();
    assertThatThrownBy(() -> new SparkEngine(2).run(elsewhere, e, 0, 6, 2, "local[2]", got::add,
        LocalEngine.Progress.NONE))
        .isInstanceOfSatisfying(ModelException.class, m -> {
          assertThat(m.diagnostics()).hasSize(1);
          assertThat(m.diagnostics().get(0).code()).isEqualTo("E686");
          assertThat(m.render()).contains("the sweep on Spark (local[2]) failed").contains("not-here.yaml")
              .doesNotContain("\tat ");
        });
    assertThat(got).isEmpty();
  }
}
