package accord.explore;

import static org.assertj.core.api.Assertions.assertThat;

import accord.scenario.ScenarioFile;
import accord.solve.SolverSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scenario with odds: each draw takes one branch by its probability, so the fans are the mixture. */
class BranchTest {

  @Test
  void branchesAreDrawnByTheirOdds() {
    ScenarioFile f = ScenarioFile.load(Path.of("../models/world/scenarios/negotiation-odds.yaml"), 6);
    Priors p = Priors.load(Path.of("../models/world/data/priors.csv"), f.model());
    Experiment e = Experiment.of(f, p, 17, List.of(), SolverSettings.DEFAULT);
    assertThat(e.branches()).hasSize(3);
    int n = 20_000;
    int[] count = new int[3];
    for (int i = 0; i < n; i++) {
      count[e.branchOf(i)]++;
    }
    for (int b = 0; b < 3; b++) {
      double p0 = e.probability(b);
      double sd = Math.sqrt(p0 * (1 - p0) / n);
      assertThat((double) count[b] / n).as("branch %s", e.branches().get(b)).isCloseTo(p0,
          org.assertj.core.data.Offset.offset(4 * sd));
    }
    // the branch does not move the parameters: they come from the streams before it
    assertThat(e.draw(5).branch()).isEqualTo(e.branchOf(5));
    assertThat(Experiment.of(f, p, 17, List.of(), SolverSettings.DEFAULT).branchOf(5)).isEqualTo(e.branchOf(5));
  }
}
