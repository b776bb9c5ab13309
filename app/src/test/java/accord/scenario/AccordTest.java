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
import org.junit.jupiter.api.Test;

/**
 * A currency accord sets the members' exchange rates and solves for their instruments: the run
 * is the scenario's own path up to the start, the agreed appreciation after it, and intervention
 * (reserve sales) or a higher policy rate is what holds it (Plaza 1985: both were used).
 */
class AccordTest {

  static final Path SCENARIOS = Path.of("..", "models", "world", "scenarios").toAbsolutePath().normalize();

  static Results run(String events) throws IOException {
    Results r = ScenarioText.with("baseline: world-2024\nend: 2026Q4\nevents:\n" + events,
        f -> ScenarioRunner.run(f, null, null, SolverSettings.DEFAULT, ProgressListener.NONE));
    assertThat(AccountingCheck.check(r)).as("identities").isEmpty();
    return r;
  }


  @Test
  void interventionHoldsTheAgreedAppreciationWithReserves() throws IOException {
    Results free = run("  - {at: 2025Q2, tariff: {importer: USA, exporter: CHN, sectors: goods, rate: 0.1}}\n");
    Results accord = run("  - {at: 2025Q2, tariff: {importer: USA, exporter: CHN, sectors: goods, rate: 0.1}}\n"
        + "  - {at: 2025Q3, currency_accord: {members: [CHN, JPN], appreciation: 0.1, over: 4, relative_to: scenario}}\n");
    int at = 4; // 2025Q3
    for (String m : new String[] {"CHN", "JPN"}) {
      assertThat(accord.value("e[" + m + "]", at - 1)).as("%s before the accord: its own path", m)
          .isCloseTo(free.value("e[" + m + "]", at - 1), within(1e-9));
      assertThat(accord.value("intv[" + m + "]", at - 1)).isCloseTo(0, within(1e-6));
      assertThat(accord.value("e[" + m + "]", at + 5)).as("%s a year and more in: 10%% stronger", m)
          .isCloseTo(free.value("e[" + m + "]", at + 5) / 1.1, within(1e-6));
      assertThat(accord.value("e[" + m + "]", at)).as("a quarter of the way in the first quarter")
          .isCloseTo(free.value("e[" + m + "]", at) / 1.025, within(1e-6));
      assertThat(accord.value("RES[" + m + "]", at + 3)).as("%s sells reserves to hold it", m)
          .isLessThan(free.value("RES[" + m + "]", at + 3));
    }
    assertThat(accord.value("FX[CHN]", 2)).isCloseTo(free.value("FX[CHN]", 2), within(1e-9));
  }

  @Test
  void theRateRouteRaisesThePolicyRateAndCostsOutput() throws IOException {
    Results free = run("  - {at: 2025Q2, monetary_stance: {region: EUR, shift: 0}}\n");
    Results accord = run("  - {at: 2025Q3, currency_accord: {members: [KOR], appreciation: 0.05, over: 2,"
        + " means: rates}}\n");
    int late = 8;
    assertThat(accord.value("e[KOR]", late)).isCloseTo(free.value("e[KOR]", late) / 1.05, within(1e-6));
    assertThat(accord.value("R[KOR]", 5)).as("a higher policy rate").isGreaterThan(free.value("R[KOR]", 5));
    assertThat(accord.value("RGDP[KOR]", late)).as("a stronger won and higher rates cost output")
        .isLessThan(free.value("RGDP[KOR]", late));
  }

  @Test
  void bothMeansHalfTheRateRiseAndReservesForTheRest() throws IOException {
    Results rates = run("  - {at: 2025Q3, currency_accord: {members: [KOR], appreciation: 0.05, over: 2, means: rates}}\n");
    Results both = run("  - {at: 2025Q3, currency_accord: {members: [KOR], appreciation: 0.05, over: 2, means: both}}\n");
    int p = 7;
    assertThat(both.value("mstance[KOR]", p)).isCloseTo(0.5 * rates.value("mstance[KOR]", p), within(1e-9));
    assertThat(both.value("e[KOR]", p)).isCloseTo(rates.value("e[KOR]", p), within(1e-9));
    assertThat(both.value("RES[KOR]", p)).as("intervention does the rest").isLessThan(rates.value("RES[KOR]", p));
    assertThat(both.value("R[KOR]", p)).isLessThan(rates.value("R[KOR]", p));
  }
}
