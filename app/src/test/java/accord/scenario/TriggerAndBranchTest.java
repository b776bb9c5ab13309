package accord.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import accord.accounts.AccountingCheck;
import accord.sim.ProgressListener;
import accord.sim.Results;
import accord.solve.SolverSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Triggered events wait for their condition on last quarter's outputs and take effect the
 * quarter after it first holds; branches with odds each run as a scenario, and the weighted path
 * is their average.
 */
class TriggerAndBranchTest {

  static final Path SCENARIOS = Path.of("..", "models", "world", "scenarios").toAbsolutePath().normalize();

  static ScenarioFile load(String text) throws IOException {
    return ScenarioText.with("baseline: world-2024\nend: 2026Q4\n" + text, f -> f);
  }


  @Test
  void aTriggerFiresTheQuarterAfterItsConditionFirstHoldsAndReplacesTheEscalation() throws IOException {
    ScenarioFile f = load("""
        events:
          - at: 2025Q2
            tariff: {importer: USA, exporter: all, sectors: goods, rate: 0.5}
          - at: 2025Q2
            when: {series: "EQ[USA]", below_peak: 0.05}
            tariff: {importer: USA, exporter: all, sectors: goods, rate: 0.1}
        """);
    Results r = ScenarioRunner.run(f, null, null, SolverSettings.DEFAULT, ProgressListener.NONE);
    assertThat(AccountingCheck.check(r)).isEmpty();
    assertThat(r.fired()).hasSize(1);
    int effect = r.fired().values().iterator().next();
    // the condition held in the quarter before the effect, and not before
    double peak = 0;
    for (int p = 2; p < effect - 1; p++) {
      peak = Math.max(peak, r.value("EQ[USA]", p));
      assertThat(r.value("EQ[USA]", p)).isGreaterThanOrEqualTo(0.95 * peak);
    }
    peak = Math.max(peak, r.value("EQ[USA]", effect - 1));
    assertThat(r.value("EQ[USA]", effect - 1)).isLessThan(0.95 * Math.max(peak, r.value("EQ[USA]", 2)));
    assertThat(r.value("dtar[CHN,USA,ELE]", effect - 1)).isEqualTo(0.5);
    assertThat(r.value("dtar[CHN,USA,ELE]", effect)).as("policy retreats").isEqualTo(0.1);
    assertThat(r.value("dtar[CHN,USA,ELE]", r.periods())).isEqualTo(0.1);
  }

  @Test
  void aConditionThatNeverHoldsFiresNothing() throws IOException {
    ScenarioFile f = load("""
        events:
          - at: 2025Q2
            when: {series: "Y10[USA]", above: 50}
            monetary_stance: {region: USA, shift: 1}
        """);
    Results r = ScenarioRunner.run(f, null, null, SolverSettings.DEFAULT, ProgressListener.NONE);
    assertThat(r.fired()).isEmpty();
    assertThat(r.value("mstance[USA]", r.periods())).isZero();
  }

  @Test
  void branchesRunEachAndTheirWeightedPathIsTheOddsWeightedAverage() throws IOException {
    ScenarioFile f = load("""
        events:
          - at: 2025Q2
            tariff: {importer: USA, exporter: CHN, sectors: goods, rate: 0.3}
        branches:
          - name: deal
            probability: 0.6
            events:
              - at: 2025Q4
                tariff: {importer: USA, exporter: CHN, sectors: goods, rate: 0.1}
          - name: escalation
            probability: 0.4
            events:
              - at: 2025Q4
                tariff: {importer: USA, exporter: CHN, sectors: goods, rate: 1.0}
        """);
    List<ScenarioRunner.BranchRun> runs = ScenarioRunner.runBranches(f, null, null, SolverSettings.DEFAULT);
    assertThat(runs).hasSize(2);
    for (ScenarioRunner.BranchRun b : runs) {
      assertThat(AccountingCheck.check(b.results())).as(b.branch().name()).isEmpty();
      assertThat(b.results().value("dtar[CHN,USA,ELE]", 3)).as("the common event").isEqualTo(0.3);
    }
    assertThat(runs.get(0).results().value("dtar[CHN,USA,ELE]", 6)).isEqualTo(0.1);
    assertThat(runs.get(1).results().value("dtar[CHN,USA,ELE]", 6)).isEqualTo(1.0);
    Results w = ScenarioRunner.weighted(runs);
    for (String s : List.of("RGDP[USA]", "TB[CHN]", "CPI[USA]")) {
      assertThat(w.value(s, 8)).isCloseTo(0.6 * runs.get(0).results().value(s, 8) + 0.4 * runs.get(1).results().value(s,
          8), within(1e-9 * Math.abs(w.value(s, 8))));
    }
  }
}
