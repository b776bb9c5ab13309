package accord.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import accord.accounts.AccountingCheck;
import accord.compare.Comparison;
import accord.sim.Results;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The scenario library (models/world/scenarios): every file runs with every identity holding,
 * and each question gets the direction the economics predicts, with the reasoning and the
 * source in each test. (us-china-tariffs, rare-earth-ban, iphone-india, us-withholding-tax and
 * currency-accord are tested in WorldScenarioTest.) Periods: 1 is 2024Q4, 3 is 2025Q2, 6 is
 * 2026Q1, 9 is 2026Q4.
 */
class LibraryTest {

  static final Path SCENARIOS = Path.of("..", "models", "world", "scenarios").toAbsolutePath().normalize();

  static Comparison run(String name) {
    Comparison c = Comparison.run(ScenarioFile.load(SCENARIOS.resolve(name + ".yaml")), null);
    for (Results r : c.solutions()) {
      assertThat(AccountingCheck.check(r)).as("identities of %s", name).isEmpty();
    }
    return c;
  }

  /** Runs a library file with some of its events left out (a comparator), from a copy. */
  static Results without(String name, String... dropped) throws IOException {
    String text = Files.readString(SCENARIOS.resolve(name + ".yaml"));
    for (String d : dropped) {
      text = text.lines().filter(l -> !l.contains(d)).reduce("", (a, b) -> a + b + "\n");
    }
    return ScenarioText.with(text, f -> Comparison.run(f, null).scenario());
  }

  static double diff(Comparison c, String series, int p) {
    return c.scenario().value(series, p) - c.baseline().value(series, p);
  }

  static double pct(Comparison c, String series, int p) {
    return 100 * (c.scenario().value(series, p) / c.baseline().value(series, p) - 1);
  }

  @Test
  void everyLibraryFileHasANoteAndIsTested() throws IOException {
    List<String> files;
    try (Stream<Path> s = Files.list(SCENARIOS)) {
      files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml") && !n.startsWith("replay"))
          .sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(17);
    for (String f : files) {
      assertThat(ScenarioFile.load(SCENARIOS.resolve(f)).note()).as("%s has a note", f).isNotBlank();
    }
  }

  /**
   * 2025's tariffs: the US collects a few hundred billion dollars a year more, the deficit with
   * China narrows (imports from China fall most, Fajgelbaum et al. 2020), US prices rise.
   */
  @Test
  void the2025TariffsRaiseRevenueNarrowTheChinaDeficitAndRaisePrices() {
    Comparison c = run("tariffs-2025");
    assertThat(diff(c, "TARREV[USA]", 9)).as("US tariff revenue, USD bn a year").isBetween(150.0, 500.0);
    assertThat(diff(c, "TBG[USA,CHN]", 9)).as("US goods balance with China").isGreaterThan(30);
    assertThat(pct(c, "CPI[USA]", 9)).as("US consumer prices").isGreaterThan(0.2);
  }

  /**
   * The 2018-19 rounds: imports from China fall and other Asian suppliers gain (the trade
   * diversion the 2018-19 studies found), while the total US balance moves little.
   */
  @Test
  void the2018RoundsDivertImportsFromChinaToOtherSuppliers() {
    Comparison c = run("tariffs-2018-19");
    assertThat(diff(c, "TBG[USA,CHN]", 9)).as("US goods balance with China").isGreaterThan(20);
    assertThat(diff(c, "TBG[TWN,USA]", 9) + diff(c, "TBG[ROW,USA]", 9) + diff(c, "TBG[MEX,USA]", 9))
        .as("other suppliers sell more to the US").isPositive();
    assertThat(Math.abs(diff(c, "TB[USA]", 9))).as("the total US balance moves far less")
        .isLessThan(0.5 * diff(c, "TBG[USA,CHN]", 9));
  }

  /**
   * Seed 002: safe-haven inflows and foreign easing strengthen the dollar beyond what the tariff
   * alone does, so the trade balance improves less (capital flows and rate gaps, Obstfeld and
   * Rogoff 1995's portfolio channel).
   */
  @Test
  void safeHavenInflowsAndForeignEasingOffsetTheTariff() throws IOException {
    Comparison c = run("safe-haven-easing");
    Results tariffOnly = without("safe-haven-easing", "risk_preference", "monetary_stance");
    assertThat(c.scenario().value("USDX", 9)).as("a stronger dollar").isGreaterThan(tariffOnly.value("USDX", 9));
    assertThat(c.scenario().value("TB[USA]", 9)).as("a smaller improvement in the US balance")
        .isLessThan(tariffOnly.value("TB[USA]", 9));
  }

  /**
   * Seed 002's accord: the members' currencies stronger, held by reserve sales; the US deficit
   * and China's surplus shrink (relative prices), the members sell reserves.
   */
  @Test
  void aMarALagoAccordShrinksTheImbalancesWithReserveSales() {
    Comparison c = run("mar-a-lago-accord");
    assertThat(pct(c, "FX[JPN]", 11)).as("yen per dollar, two years in").isLessThan(-15);
    assertThat(diff(c, "TB[USA]", 11)).as("the US balance").isPositive();
    assertThat(diff(c, "CA[CHN]", 11)).as("China's current account").isNegative();
    assertThat(diff(c, "RES[CHN]", 11)).as("China sells reserves").isNegative();
    assertThat(diff(c, "RES[EUR]", 11)).as("the ECB sells reserves").isNegative();
  }

  /** A tax on foreign purchases lowers foreigners' return on US assets: a weaker dollar, a smaller deficit. */
  @Test
  void aPurchaseTaxWeakensTheDollarAndNarrowsTheDeficit() {
    Comparison c = run("us-purchase-tax");
    assertThat(pct(c, "USDX", 5)).as("the trade-weighted dollar").isNegative();
    assertThat(diff(c, "TB[USA]", 9)).as("the US trade balance").isPositive();
    assertThat(c.scenario().value("PFL[USA]", 5)).as("foreign holdings of US equity")
        .isLessThan(c.baseline().value("PFL[USA]", 5));
  }

  /**
   * An ownership cap makes foreigners sell US equity to US households: the foreign share falls to
   * the cap, the dollar weakens as the proceeds leave, and the US pays fewer dividends abroad.
   */
  @Test
  void anOwnershipCapBringsTheForeignShareToTheCap() {
    Comparison c = run("us-ownership-cap");
    Results r = c.scenario();
    double foreign = 0;
    for (String k : c.regions()) {
      if (!k.equals("USA")) {
        foreign += r.value("EQS[" + k + ",USA]", 5);
      }
    }
    assertThat(foreign).as("foreign share of US portfolio equity").isCloseTo(0.20,
        org.assertj.core.api.Assertions.within(1e-9));
    assertThat(pct(c, "USDX", 5)).as("the dollar").isNegative();
    assertThat(diff(c, "TB[USA]", 9)).as("the US trade balance").isPositive();
  }

  /**
   * Official buying of dollars as in the 2000s weakens the buyers' currencies and widens the US
   * deficit (Bernanke 2005's savings glut).
   */
  @Test
  void reserveAccumulationWidensTheUsDeficit() {
    Comparison c = run("reserve-accumulation");
    assertThat(pct(c, "FX[CHN]", 9)).as("renminbi per dollar").isPositive();
    assertThat(diff(c, "RES[CHN]", 9)).isPositive();
    assertThat(diff(c, "TB[USA]", 9)).as("the US trade balance").isNegative();
    assertThat(diff(c, "CA[CHN]", 9)).as("China's current account").isPositive();
  }

  /** Transfers to Chinese households raise consumption and shrink China's surplus (seed 002's rebalancing). */
  @Test
  void chinasRebalancingRaisesConsumptionAndShrinksItsSurplus() {
    Comparison c = run("china-household-share");
    assertThat(pct(c, "C[CHN]", 9)).as("Chinese consumption").isGreaterThan(1);
    assertThat(diff(c, "CA[CHN]", 9)).as("China's current account").isNegative();
    assertThat(diff(c, "TB[USA]", 9)).as("US exports to China rise a little").isPositive();
  }

  /** Lower barriers to US goods abroad (seed 000's regulatory parity) raise US exports. */
  @Test
  void lowerBarriersAbroadRaiseUsExports() {
    Comparison c = run("ntb-parity");
    assertThat(pct(c, "EX[USA]", 9)).as("US exports").isPositive();
    assertThat(diff(c, "TBG[USA,EUR]", 9)).as("US goods balance with the euro area").isPositive();
    assertThat(diff(c, "TB[USA]", 9)).as("the US balance").isPositive();
  }

  /**
   * The closing question of seed 002: an inflow into US claims with every other currency held
   * where it would have been. The reserves of the other central banks take the flow (they sell
   * the dollars investors buy), and the trade balance moves far less than when the dollar floats.
   */
  @Test
  void withTheDollarHeldAnInflowMovesReservesNotTrade() throws IOException {
    Comparison c = run("capital-inflow-fixed-rate");
    Results floating = without("capital-inflow-fixed-rate", "currency_accord");
    double held = Math.abs(diff(c, "TB[USA]", 9));
    double floated = Math.abs(floating.value("TB[USA]", 9) - c.baseline().value("TB[USA]", 9));
    assertThat(floating.value("USDX", 9)).as("in a float the dollar rises").isGreaterThan(c.baseline().value("USDX", 9));
    assertThat(held).as("the trade balance with the dollar held").isLessThan(0.2 * floated);
    double reserves = 0;
    for (String k : c.regions()) {
      reserves += diff(c, "RES[" + k + "]", 9);
    }
    assertThat(reserves).as("the other central banks sell dollar reserves").isNegative();
  }

  /**
   * Seed 001's odds: each branch is a scenario, the weighted path lies between the best and the
   * worst, and escalation costs China more output than the deal does.
   */
  @Test
  void theNegotiationsBranchesBracketTheWeightedPath() {
    Comparison c = run("negotiation-odds");
    assertThat(c.branches()).hasSize(3);
    Results best = c.branches().get(0).results();
    Results worst = c.branches().get(2).results();
    double weighted = c.scenario().value("RGDP[CHN]", 9);
    assertThat(worst.value("RGDP[CHN]", 9)).isLessThan(weighted);
    assertThat(best.value("RGDP[CHN]", 9)).isGreaterThan(weighted);
    assertThat(worst.value("TBG[USA,CHN]", 9)).as("escalation narrows the bilateral deficit most")
        .isGreaterThan(best.value("TBG[USA,CHN]", 9));
  }

  /**
   * Seed 000's Bessent put: the opening takes US equities more than 10% below their peak, the
   * retreat comes the quarter after, and equities recover while the lower tariffs stay.
   */
  @Test
  void theBessentPutFiresAndEquitiesRecover() {
    Comparison c = run("bessent-put");
    Results r = c.scenario();
    assertThat(r.fired()).isNotEmpty();
    int effect = r.fired().values().iterator().next();
    assertThat(effect).as("fires within a year").isLessThanOrEqualTo(6);
    assertThat(r.value("EQ[USA]", effect - 1)).as("the fall that set it off").isLessThan(0.9 * r.value("EQ[USA]", 2));
    assertThat(r.value("EQ[USA]", effect + 1)).as("equities recover after the retreat")
        .isGreaterThan(r.value("EQ[USA]", effect - 1));
    assertThat(r.value("dtar[JPN,USA,MAC]", effect)).isEqualTo(0.10);
  }

  /**
   * A cap on the foreign-held share of US bonds (the model's bond pool, 56% foreign-held in 2024)
   * at 50%: the wedge that holds them there is positive while the cap binds, the share sits at the
   * cap, and the dollar weakens as foreigners sell.
   */
  @Test
  void aCapOnForeignBondHoldingsHoldsThemAtTheCap() throws IOException {
    Comparison c = ScenarioText.with("baseline: world-2024\nend: 2026Q4\nevents:\n  - {at: 2025Q2, capital_measure: {"
        + "region: USA, kind: ownership_cap, assets: bonds, share: 0.5}}\n", f -> Comparison.run(f, null));
    assertThat(AccountingCheck.check(c.scenario())).isEmpty();
    Results r = c.scenario();
    assertThat(c.baseline().value("FHL[USA]", 3) / c.baseline().value("MVL[USA]", 3)).isGreaterThan(0.5);
    for (int p = 3; p <= r.periods(); p++) {
      assertThat(r.value("FHL[USA]", p) / r.value("MVL[USA]", p)).isCloseTo(0.5,
          org.assertj.core.api.Assertions.within(1e-9));
      assertThat(r.value("CAPW[USA]", p)).isPositive();
    }
    assertThat(r.value("CAPW[USA]", 2)).isZero();
    assertThat(pct(c, "USDX", 3)).as("the dollar").isNegative();
  }

  /**
   * A 30% withholding tax on dividends paid to foreign holders of US equity: it cuts foreigners'
   * return on US equity by 30% of the dividend yield, so they hold a smaller share of it (portfolio
   * choice on after-tax returns, GL ch. 12); the tax is collected from the quarter after it starts,
   * and the US pays foreigners less primary income, so its current account improves.
   */
  @Test
  void aDividendWithholdingTaxTurnsForeignHoldersAwayFromUsEquityAndIsCollected() throws IOException {
    Comparison c = ScenarioText.with("baseline: world-2024\nend: 2026Q4\nevents:\n  - {at: 2025Q2, capital_measure: {"
        + "region: USA, kind: withholding_tax, on: dividends, rate: 0.3}}\n", f -> Comparison.run(f, null));
    Results r = c.scenario();
    Results b = c.baseline();
    assertThat(AccountingCheck.check(r)).isEmpty();
    for (String k : List.of("CHN", "JPN", "EUR", "ROW")) {
      assertThat(r.value("EQS[" + k + ",USA]", 3)).as("%s's share of US equity", k)
          .isLessThan(b.value("EQS[" + k + ",USA]", 3));
    }
    assertThat(r.value("WHT[USA]", 3)).as("nothing is withheld before the first payment").isCloseTo(
        b.value("WHT[USA]", 3), org.assertj.core.api.Assertions.within(1e-9));
    assertThat(r.value("WHT[USA]", 4)).as("the tax collected").isPositive();
    assertThat(r.value("NPIP[USA]", 4)).as("US net primary income").isGreaterThan(b.value("NPIP[USA]", 4));
    assertThat(r.value("DIVR[JPN]", 4)).as("Japan's dividends received").isLessThan(b.value("DIVR[JPN]", 4));
  }
}
