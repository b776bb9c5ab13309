package accord.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import accord.accounts.AccountingCheck;
import accord.sim.ProgressListener;
import accord.sim.Results;
import accord.solve.SolverSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The world model's shipped scenarios do what their files say, against the baseline of the
 * same length, with every identity holding.
 */
class WorldScenarioTest {

  static final Path SCENARIOS = Path.of("..", "models", "world", "scenarios");
  static Results ban;
  static Results tax;
  static Results baseline;

  @BeforeAll
  static void run() {
    ScenarioFile file = ScenarioFile.load(SCENARIOS.resolve("rare-earth-ban.yaml"));
    ban = ScenarioRunner.run(file, null, null, SolverSettings.DEFAULT, ProgressListener.NONE);
    tax = ScenarioRunner.run(ScenarioFile.load(SCENARIOS.resolve("us-withholding-tax.yaml")), null, null,
        SolverSettings.DEFAULT, ProgressListener.NONE);
    baseline = accord.sim.Simulator.run(
        accord.solve.Program.compile(accord.structure.StructuralAnalysis.analyze(file.model(), null)),
        accord.sim.Scenario.of(file.periods()), SolverSettings.DEFAULT);
  }

  private static double change(String series, int period) {
    return ban.value(series, period) / baseline.value(series, period) - 1;
  }

  @Test
  void aWithholdingTaxOnUsBillsTurnsHoldersAwayFromTheDollar() {
    assertThat(AccountingCheck.check(tax)).isEmpty();
    int impact = 3; // 2025Q2 (period 1 is 2024Q4)
    for (String k : List.of("CHN", "JPN", "EUR", "ROW")) {
      assertThat(tax.value("wgt[" + k + ",USA]", impact)).as("households and firms of %s in US bills", k)
          .isLessThan(baseline.value("wgt[" + k + ",USA]", impact));
      assertThat(tax.value("rwt[" + k + ",USA]", impact)).as("reserve managers of %s in US bills", k)
          .isLessThan(baseline.value("rwt[" + k + ",USA]", impact));
      assertThat(tax.value("FX[" + k + "]", impact)).as("%s's currency against the dollar", k)
          .isLessThan(baseline.value("FX[" + k + "]", impact));
    }
    assertThat(tax.value("WHT[USA]", 4)).as("the tax is collected from the next quarter").isPositive();
    assertThat(tax.value("CA[USA]", 4)).as("the US pays foreigners less").isGreaterThan(baseline.value("CA[USA]", 4));
  }

  @Test
  void aWildcardKeySetsEveryMatchingElement(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
    Path file = dir.resolve("wildcard.yaml");
    java.nio.file.Files.writeString(file, "model: " + SCENARIOS.resolve("../world.acc").toAbsolutePath().normalize()
        + "\nperiods: 5\nset:\n  - {at: 2025Q2, values: {\"xq[CHN,*,CRM]\": 1.0}}\n");
    ScenarioFile f = ScenarioFile.load(file);
    List<String> set = f.changes().stream().map(c -> f.model().slots().get(c.slot()).label()).toList();
    assertThat(set).hasSize(10).allMatch(l -> l.startsWith("xq[CHN,") && l.endsWith(",CRM]"))
        .contains("xq[CHN,USA,CRM]", "xq[CHN,ROW,CRM]");
  }

  @Test
  void aTariffWarCutsUsImportsFromChinaAndRaisesTariffRevenue() {
    Results war = ScenarioRunner.run(ScenarioFile.load(SCENARIOS.resolve("us-china-tariffs.yaml")), null, null,
        SolverSettings.DEFAULT, ProgressListener.NONE);
    assertThat(AccountingCheck.check(war)).isEmpty();
    int peak = 3; // 2025Q2, 145% (period 1 is 2024Q4)
    assertThat(war.value("TARREV[USA]", peak)).isGreaterThan(3 * baseline.value("TARREV[USA]", peak));
    // shelf prices follow landed costs over several quarters (retail pass-through)
    assertThat(war.value("CPI[USA]", peak + 1)).isGreaterThan(baseline.value("CPI[USA]", peak + 1));
    // the bilateral deficit narrows, more as buyers' perceived prices catch up after the truce
    double before = baseline.value("TBG[USA,CHN]", 13);
    assertThat(war.value("TBG[USA,CHN]", 13)).isGreaterThan(before + 0.1 * Math.abs(before));
  }

  @Test
  void movingIphoneAssemblyToIndiaShiftsTheUsDeficitFromChinaToIndia() {
    Results move = ScenarioRunner.run(ScenarioFile.load(SCENARIOS.resolve("iphone-india.yaml")), null, null,
        SolverSettings.DEFAULT, ProgressListener.NONE);
    assertThat(AccountingCheck.check(move)).isEmpty();
    int year = 7; // 2026Q2, the move complete (period 1 is 2024Q4)
    double china = move.value("TBG[USA,CHN]", year) - baseline.value("TBG[USA,CHN]", year);
    double india = move.value("TBG[USA,IND]", year) - baseline.value("TBG[USA,IND]", year);
    assertThat(china).as("US goods balance with China, USD bn a year").isBetween(15.0, 35.0);
    assertThat(india).as("US goods balance with India").isBetween(-35.0, -15.0);
    assertThat(move.value("QS[IND,ELE]", year)).isGreaterThan(1.05 * baseline.value("QS[IND,ELE]", year));
  }

  @Test
  void aCurrencyAccordHoldsTheRenminbiStrongerWithReserves() {
    Results accord = ScenarioRunner.run(ScenarioFile.load(SCENARIOS.resolve("currency-accord.yaml")), null, null,
        SolverSettings.DEFAULT, ProgressListener.NONE);
    assertThat(AccountingCheck.check(accord)).isEmpty();
    for (int p = 4; p <= 13; p++) {
      // 5% stronger than the baseline's renminbi (7.19 per dollar in 2024)
      assertThat(accord.value("FX[CHN]", p)).isCloseTo(0.95 * baseline.value("FX[CHN]", p),
          org.assertj.core.api.Assertions.within(1e-9));
      assertThat(accord.value("RES[CHN]", p)).as("reserves stay positive").isPositive();
    }
    assertThat(accord.value("RES[CHN]", 4)).as("the PBoC sells reserves to hold the rate")
        .isLessThan(accord.value("RES[CHN]", 3));
  }

  @Test
  void theBanHoldsEveryIdentity() {
    assertThat(AccountingCheck.check(ban)).isEmpty();
  }

  @Test
  void aCriticalMineralBanRationsDownstreamOutputAbroad() {
    int lateIn2025 = 5; // 2025Q4 (period 1 is 2024Q4), the third quarter of the ban
    for (String r : List.of("USA", "EUR", "JPN", "KOR")) {
      double services = change("QS[" + r + ",SER]", lateIn2025);
      for (String s : List.of("ELE", "AUT", "MAC")) {
        double downstream = change("QS[" + r + "," + s + "]", lateIn2025);
        assertThat(downstream).as("%s %s output", r, s).isLessThan(-0.003);
        assertThat(downstream).as("%s %s falls more than services", r, s).isLessThan(services);
      }
    }
    assertThat(change("QS[KOR,ELE]", lateIn2025)).as("Korea's electronics, the most exposed").isLessThan(-0.01);
    for (String r : List.of("USA", "EUR", "JPN", "KOR")) {
      // autos need both minerals and chips: the electronics shortage cascades
      assertThat(change("QS[" + r + ",AUT]", lateIn2025)).as("%s autos against electronics", r)
          .isLessThan(change("QS[" + r + ",ELE]", lateIn2025));
    }
    assertThat(change("QS[CHN,CRM]", lateIn2025)).as("China's own mining loses its exports").isLessThan(-0.05);
  }

  @Test
  void outputRecoversOnceTheBanIsLifted() {
    int last = ban.rows().length; // 2027Q4, six quarters after
    for (String r : List.of("USA", "EUR", "KOR")) {
      // capacity that shrank during the ban (kcap) and demand that fell with incomes take some quarters to come
      // back (restocking overshoots a little): six quarters after, the gap is under a tenth of the worst loss
      String q = "Q[" + r + ",ELE]";
      double worst = 0;
      for (int p = 1; p <= last; p++) worst = Math.min(worst, change(q, p));
      assertThat(worst).as("%s electronics at the trough", r).isLessThan(-0.05);
      assertThat(Math.abs(change(q, last))).as("%s electronics in 2027Q4", r).isLessThan(0.1 * -worst);
    }
  }
}
