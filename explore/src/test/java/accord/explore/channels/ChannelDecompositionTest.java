package accord.explore.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import accord.accounts.AccountingCheck;
import accord.lang.ModelException;
import accord.scenario.ScenarioFile;
import accord.scenario.ScenarioRunner;
import accord.sim.ProgressListener;
import accord.sim.Results;
import accord.solve.SolverSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The channel decomposition on the world model's library scenarios. */
class ChannelDecompositionTest {

  static final Path SCENARIOS = Path.of("../models/world/scenarios").toAbsolutePath().normalize();

  static void addsUp(ChannelDecomposition d) {
    double sum = d.rest();
    for (double x : d.shapley()) {
      sum += x;
    }
    assertThat(sum).as("%s: channels + rest = total", d.effect().label()).isCloseTo(d.total(), within(1e-9));
  }

  @Test
  void theUsTariffsOfTwentyTwentyFiveAddUpAndTheirAllOnRunIsTheScenarioToTheLastBit() {
    ScenarioFile f = ScenarioFile.load(SCENARIOS.resolve("tariffs-2025.yaml"));
    int at = f.model().periodOf("2026Q4");
    List<Effect> effects = List.of(Outputs.of(f.model(), "TB[USA]"), Outputs.of(f.model(), "TBG[USA,CHN]"),
        Outputs.of(f.model(), "RGDP[USA]"), Outputs.of(f.model(), "CA[CHN]"));
    var e = ChannelDecomposition.explain(f, effects, at, 2);
    assertThat(e.runs()).isEqualTo(65);
    e.decompositions().forEach(ChannelDecompositionTest::addsUp);
    // all switches on is the scenario as accord run runs it, to the last bit (the baseline paths aside)
    Results plain = ScenarioRunner.run(f, null, null, SolverSettings.DEFAULT, ProgressListener.NONE);
    for (int t = 0; t < at; t++) {
      for (var slot : f.model().slots()) {
        if (!slot.series().endsWith(Channel.BASE)) {
          assertThat(e.scenario().rows()[t][slot.index()]).as("%s in period %d", slot.label(), t + 1)
              .isEqualTo(plain.rows()[t][slot.index()]);
        }
      }
    }
    ChannelDecomposition tb = e.decompositions().get(0);
    assertThat(tb.total()).isCloseTo(plain.value("TB[USA]", at) - e.baseline().value("TB[USA]", at), within(1e-9));
    // the tariff's own price effect narrows the US deficit, with China above all; a stronger dollar widens it
    ChannelDecomposition china = e.decompositions().get(1);
    assertThat(china.shapley()[0]).isPositive().isGreaterThan(0.8 * china.total());
    assertThat(tb.shapley()[0]).isPositive();
    assertThat(tb.shapley()[1]).as("exchange rates").isNegative();
    assertThat(tb.channels().get(0).id()).isEqualTo("ch_tar");
  }

  @Test
  void aWithholdingTaxWorksThroughCapitalFlowsAndAddsUp() {
    ScenarioFile f = ScenarioFile.load(SCENARIOS.resolve("us-withholding-tax.yaml"));
    int at = 6;
    var e = ChannelDecomposition.explain(f, List.of(Outputs.of(f.model(), "TB[USA]"), Outputs.of(f.model(), "FX[CHN]"),
        Outputs.of(f.model(), "GDP[USA]")), at, 2);
    e.decompositions().forEach(ChannelDecompositionTest::addsUp);
    ChannelDecomposition fx = e.decompositions().get(1);
    int cap = e.channels().stream().map(Channel::id).toList().indexOf("ch_cap");
    assertThat(Math.abs(fx.shapley()[cap])).as("capital flows carry the exchange rate's move")
        .isGreaterThan(0.5 * Math.abs(fx.total()));
  }

  @Test
  void aScenarioThatChangesNothingHasNoEffectThroughAnyChannel(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("nothing.yaml"), "baseline: world-2024\nend: 2025Q4\n");
    ScenarioFile f = ScenarioFile.load(file);
    var e = ChannelDecomposition.explain(f, List.of(Outputs.of(f.model(), "TB[USA]"),
        Outputs.of(f.model(), "R[EUR]")), 5, 2);
    // exactly nothing where every switch is on; elsewhere what is left is the solver's tolerance (a switched-off
    // term changes the Jacobian, so Newton stops at another point within it: 1e-13 of TB's level)
    for (ChannelDecomposition d : e.decompositions()) {
      assertThat(d.total()).isEqualTo(0.0);
      for (double v : d.coalitions()) {
        assertThat(v).isCloseTo(0.0, within(1e-8));
      }
    }
  }

  @Test
  void everyChannelOffKeepsEveryAccountingIdentity() {
    ScenarioFile f = ScenarioFile.load(SCENARIOS.resolve("tariffs-2025.yaml"));
    ChannelRuns runs = new ChannelRuns(f, 8);
    assertThat(AccountingCheck.check(runs.run(0))).isEmpty();
    for (int i = 0; i < runs.channels().size(); i++) {
      assertThat(AccountingCheck.check(runs.run(runs.all() & ~(1 << i)))).as(runs.channels().get(i).id()).isEmpty();
    }
  }

  @Test
  void refusesScenariosThatAreNotOneRunAndOutputsThatDoNotExist() {
    ScenarioFile odds = ScenarioFile.load(SCENARIOS.resolve("negotiation-odds.yaml"));
    assertThatThrownBy(() -> new ChannelRuns(odds)).isInstanceOfSatisfying(ModelException.class,
        x -> assertThat(x.render()).contains("E641", "branches"));
    assertThatThrownBy(() -> Outputs.of(odds.model(), "TB[XYZ]")).isInstanceOfSatisfying(ModelException.class,
        x -> assertThat(x.render()).contains("E642", "TB[USA]"));
    assertThatThrownBy(() -> Outputs.of(odds.model(), "TBB[USA]")).isInstanceOfSatisfying(ModelException.class,
        x -> assertThat(x.render()).contains("E642", "TB"));
    assertThat(Outputs.of(odds.model(), "RGDP[USA]").percent()).isTrue();
    assertThat(Outputs.of(odds.model(), "TB[USA]").unit()).isEqualTo("USD bn a year");
  }
}
