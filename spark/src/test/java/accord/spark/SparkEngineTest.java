package accord.spark;

import static org.assertj.core.api.Assertions.assertThat;

import accord.explore.DrawResult;
import accord.explore.Experiment;
import accord.explore.LocalEngine;
import accord.explore.Output;
import accord.explore.Priors;
import accord.explore.Recipe;
import accord.explore.SweepEngine;
import accord.scenario.ScenarioFile;
import accord.solve.SolverSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  @Test
  void sparkIsFoundOnTheClassPath() {
    assertThat(SweepEngine.available().stream().map(SweepEngine::name)).containsExactly("local", "spark");
  }

  @Test
  void sparkInLocalModeGivesTheLocalEnginesDrawsBitForBit(@TempDir Path dir) throws Exception {
    ScenarioFile file = ScenarioFile.load(SCENARIO, 4);
    Path priorsFile = priors(dir);
    Experiment e = Experiment.of(file, Priors.load(priorsFile, file.model()), 20261130L, Output.headline(file.model()),
        SolverSettings.DEFAULT);
    int n = 11;   // three tasks of four, the last short
    List<DrawResult> local = new ArrayList<>();
    SweepEngine.LOCAL.run(null, e, 0, n, 2, null, local::add, LocalEngine.Progress.NONE);
    // a fresh recipe, not the one made here: the executors make the experiment from the files
    Recipe recipe = new Recipe(SCENARIO.toAbsolutePath().normalize().toString(), e.periods(),
        priorsFile.toAbsolutePath().normalize().toString(), 20261130L);
    List<DrawResult> spark = new ArrayList<>();
    long[] progress = {0};
    new SparkEngine(4).run(recipe, e, 0, n, 2, "local[2]", spark::add, (done, failed) -> progress[0] = done);
    assertThat(progress[0]).isEqualTo(n);
    assertThat(spark).hasSize(n);
    for (int i = 0; i < n; i++) {
      assertThat(spark.get(i).index()).isEqualTo(i);
      assertThat(spark.get(i).parameters()).as("draw %d", i).containsExactly(local.get(i).parameters());
      assertThat(spark.get(i).failure()).isEqualTo(local.get(i).failure());
      if (!local.get(i).failed()) {
        assertThat(spark.get(i).differences()).as("draw %d", i).containsExactly(local.get(i).differences());
      }
    }
    // resuming at draw 7: the draws after it, the same
    List<DrawResult> rest = new ArrayList<>();
    new SparkEngine(4).run(recipe, e, 7, n, 2, "local[2]", rest::add, LocalEngine.Progress.NONE);
    assertThat(rest).hasSize(n - 7);
    assertThat(rest.get(0).differences()).containsExactly(local.get(7).differences());
  }
}
