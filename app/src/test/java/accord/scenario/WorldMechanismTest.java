package accord.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import accord.accounts.AccountingCheck;
import accord.sim.ProgressListener;
import accord.sim.Results;
import accord.sim.Scenario;
import accord.sim.Simulator;
import accord.solve.Program;
import accord.solve.SolverSettings;
import accord.structure.StructuralAnalysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per mechanism of the world model's second edition, each asserting the direction (and
 * where the literature gives one, the size) that the economics predicts, against the baseline of
 * the same length, with every identity holding.
 */
class WorldMechanismTest {

  static final Path WORLD = Path.of("..", "models", "world", "world.acc").toAbsolutePath().normalize();
  static final int PERIODS = 13;
  /** The scenarios the tests write, removed after the class. */
  @TempDir
  static Path files;
  /** Period of 2025Q2, the quarter the shocks start (period 1 is 2024Q4). */
  static final int Q2 = 3;
  static Results baseline;

  @BeforeAll
  static void baseline() throws IOException {
    ScenarioFile f = scenario("{at: 2025Q2, values: {\"gmult[USA]\": 1}}");
    baseline = Simulator.run(Program.compile(StructuralAnalysis.analyze(f.model(), null)), Scenario.of(PERIODS),
        SolverSettings.DEFAULT);
  }

  static ScenarioFile scenario(String... changes) throws IOException {
    Path file = Files.createTempFile(files, "mechanism", ".yaml");
    StringBuilder b = new StringBuilder("model: " + WORLD + "\nperiods: " + PERIODS + "\nset:\n");
    for (String c : changes) {
      b.append("  - ").append(c).append('\n');
    }
    Files.writeString(file, b.toString());
    return ScenarioFile.load(file);
  }

  static Results run(String... changes) throws IOException {
    Results r = ScenarioRunner.run(scenario(changes), null, null, SolverSettings.DEFAULT, ProgressListener.NONE);
    assertThat(AccountingCheck.check(r)).as("identities").isEmpty();
    return r;
  }

  static double diff(Results r, String series, int period) {
    return r.value(series, period) - baseline.value(series, period);
  }

  /**
   * Foreign-held US debt is mostly long and reprices slowly: a 50 bp rise in the federal funds
   * rate changes what the US pays abroad next quarter by the rise times its short liabilities
   * (bills, deposits and loans held abroad: about 8 trillion dollars), not by the rise times all
   * of its debt as when every foreign claim was a one-quarter bill (about 140 bn a year).
   */
  @Test
  void aFiftyBasisPointRateRiseMovesUsNetIncomeByWhatTheMaturityStructureImplies() throws IOException {
    Results r = run("{at: 2025Q2, until: 2025Q2, values: {\"mstance[USA]\": 2.5}}",
        "{at: 2025Q3, values: {\"mstance[USA]\": 0.5}}");
    double rise = diff(r, "R[USA]", Q2);
    assertThat(rise).as("the funds rate rises 50 bp in 2025Q2").isCloseTo(0.5, within(0.05));
    double implied = -rise / 100 * r.value("FHS[USA]", Q2);
    double change = diff(r, "NPIP[USA]", Q2 + 1);
    assertThat(change).as("net primary income, USD bn a year, the quarter after").isCloseTo(implied,
        within(0.2 * Math.abs(implied)));
    assertThat(Math.abs(change)).isLessThan(60);
  }

  /**
   * Dominant-currency pricing (Gopinath et al. 2020): 95% of US imports are invoiced in dollars
   * at prices that reset slowly, so a stronger dollar leaves the dollar import bill almost
   * unchanged on impact, while the other regions' import prices in their currencies jump.
   */
  @Test
  void aStrongerDollarLeavesTheDollarImportBillUnchangedOnImpact() throws IOException {
    Results r = run("{at: 2025Q2, values: {\"pref[*,USA]\": 2}}", "{at: 2025Q2, values: {\"pref[USA,USA]\": 0}}");
    assertThat(r.value("USDX", Q2) / baseline.value("USDX", Q2) - 1).as("the dollar appreciates").isGreaterThan(0.02);
    assertThat(Math.abs(r.value("IM[USA]", Q2) / baseline.value("IM[USA]", Q2) - 1)).as("US import bill in dollars")
        .isLessThan(0.005);
    assertThat(r.value("pcif[USA,EUR,MAC]", Q2) / baseline.value("pcif[USA,EUR,MAC]", Q2) - 1)
        .as("euro-area buyers pay more in euros for dollar-invoiced US machinery").isGreaterThan(0.01);
  }

  /**
   * A tariff on one exporter's goods sends its sales elsewhere: buyers in the tariffing market
   * switch to other origins (Fajgelbaum et al. 2020), the exporter's relative price falls as its
   * sectors' output falls ('venting out', Almunia et al. 2021) and its currency weakens, so its
   * exports to third markets rise (Fajgelbaum et al. 2024 on the reallocation after 2018).
   */
  @Test
  void aTariffOnOnePartnerRaisesThePartnersExportsToThirdMarkets() throws IOException {
    Results r = run("{at: 2025Q2, values: {\"dtar[CHN,USA,*]\": 0.3, \"dtar[CHN,USA,SER]\": 0}}");
    int year = Q2 + 4;
    double toThird = 0;
    for (String d : List.of("EUR", "JPN", "KOR", "TWN", "IND", "MEX", "CAN", "ROW")) {
      toThird += diff(r, "TBG[CHN," + d + "]", year);
    }
    assertThat(diff(r, "TBG[USA,CHN]", year)).as("US bilateral deficit with China narrows").isPositive();
    assertThat(toThird).as("China's goods balance with third markets, a year on").isPositive();
    assertThat(diff(r, "TBG[CHN,ROW]", year)).as("with the rest of the world (Vietnam, Mexico's peers)").isPositive();
  }

  /**
   * Importers buy ahead of an announced tariff (the 2018 and 2025 episodes; Godley-Lavoie
   * inventories): imports from China rise in the quarter the increase is announced and fall
   * below the baseline once it is in force, while the stock is drawn down.
   */
  @Test
  void anAnnouncedTariffRaisesImportsInTheQuarterBeforeIt() throws IOException {
    Results r = run("{at: 2025Q2, until: 2025Q2, values: {\"tann[CHN,USA,*]\": 0.25, \"tann[CHN,USA,SER]\": 0}}",
        "{at: 2025Q3, values: {\"dtar[CHN,USA,*]\": 0.25, \"dtar[CHN,USA,SER]\": 0}}");
    String imports = "x[CHN,USA,ELE]";
    assertThat(diff(r, imports, Q2)).as("bought ahead in 2025Q2").isPositive();
    assertThat(diff(r, imports, Q2 + 1)).as("below the baseline once the tariff is in force").isNegative();
    assertThat(r.value("SPEC[CHN,USA,ELE]", Q2)).as("held as stock").isPositive();
    assertThat(r.value("SPEC[CHN,USA,ELE]", PERIODS)).as("drawn down").isLessThan(0.2 * r.value("SPEC[CHN,USA,ELE]", Q2));
  }

  /**
   * 'Sell America' (the research note's unilateral options and 2025's episode): when holders
   * everywhere want fewer dollar claims, the dollar falls and, with the usual lags, the US
   * trade deficit narrows (Blanchard, Giavazzi and Sa 2005: a fall in foreign demand for US
   * assets depreciates the dollar and improves the current account).
   */
  @Test
  void sellAmericaWeakensTheDollarAndNarrowsTheDeficit() throws IOException {
    Results r = run("{at: 2025Q2, values: {\"pref[*,USA]\": -2}}", "{at: 2025Q2, values: {\"pref[USA,USA]\": 0}}");
    assertThat(r.value("USDX", Q2) / baseline.value("USDX", Q2) - 1).as("the dollar on impact").isLessThan(-0.02);
    assertThat(diff(r, "TB[USA]", Q2 + 8)).as("US trade balance two years on").isPositive();
    assertThat(diff(r, "CA[USA]", Q2 + 8)).as("US current account two years on").isPositive();
  }

  /**
   * A one-off tariff raises the price level once (the Fed, CBO and Yale Budget Lab in 2025): with
   * expectations anchored on the medium-term rate (Hazell et al. 2022) the inflation it causes
   * dies out, and the price level settles above the baseline.
   */
  @Test
  void aOneOffTariffRaisesThePriceLevelOnce() throws IOException {
    Results r = run("{at: 2025Q2, values: {\"dtar[*,USA,*]\": 0.1, \"dtar[*,USA,SER]\": 0}}");
    int end = PERIODS;
    double gapEnd = r.value("CPI[USA]", end) / baseline.value("CPI[USA]", end) - 1;
    double gapYearBefore = r.value("CPI[USA]", end - 4) / baseline.value("CPI[USA]", end - 4) - 1;
    assertThat(gapEnd).as("the price level ends higher").isGreaterThan(0.005);
    assertThat(diff(r, "infl4[USA]", end)).as("inflation back near the baseline after ten quarters").isLessThan(0.6);
    assertThat(gapEnd - gapYearBefore).as("the price-level gap grows less in the last year than the first")
        .isLessThan(r.value("CPI[USA]", Q2 + 3) / baseline.value("CPI[USA]", Q2 + 3) - 1);
  }

  /**
   * A central bank that looks through the direct effect of tariffs on prices (the choice the
   * Fed, ECB and Bank of Canada described in 2025) raises its rate less than one that follows
   * headline inflation.
   */
  @Test
  void lookingThroughTheTariffRaisesRatesLessThanHeadlineTargeting() throws IOException {
    Results look = run("{at: 2025Q2, values: {\"dtar[*,USA,*]\": 0.1, \"dtar[*,USA,SER]\": 0}}");
    Results headline = run("{at: 2025Q2, values: {\"dtar[*,USA,*]\": 0.1, \"dtar[*,USA,SER]\": 0, \"mpr[USA]\": 0}}");
    double peakLook = 0;
    double peakHeadline = 0;
    for (int p = Q2; p <= PERIODS; p++) {
      peakLook = Math.max(peakLook, diff(look, "R[USA]", p));
      peakHeadline = Math.max(peakHeadline, diff(headline, "R[USA]", p));
    }
    assertThat(peakHeadline).as("peak rate rise, headline rule").isGreaterThan(peakLook);
  }

  /**
   * What the government does with tariff revenue decides much of a tariff's cost in output:
   * paid back to households as transfers it is spent, saved it lowers demand (the scenario's
   * 'fiscal' lever; the check against published global models).
   */
  @Test
  void tariffRevenuePaidOutAsTransfersCostsLessOutputThanRevenueSaved() throws IOException {
    Results saved = run("{at: 2025Q2, values: {\"dtar[*,USA,*]\": 0.1, \"dtar[*,USA,SER]\": 0}}");
    Results paid = run("{at: 2025Q2, values: {\"dtar[*,USA,*]\": 0.1, \"dtar[*,USA,SER]\": 0, \"ttran[USA]\": 1}}");
    assertThat(paid.value("RGDP[USA]", Q2 + 6)).isGreaterThan(saved.value("RGDP[USA]", Q2 + 6));
    assertThat(paid.value("TRH[USA]", Q2 + 2)).isPositive();
  }

  /**
   * The spending multiplier the model implies: a rise in US government spending of 1% of GDP
   * raises GDP by 0.8 to 1.5 times as much over the first year (cumulative; Ramey 2011: 0.8-1.5;
   * Ramey and Zubairy 2018: below 1 away from the zero bound). The Fed's rule is the main source
   * of crowding out (flat Phillips curve), so the model sits at the upper half.
   */
  @Test
  void theSpendingMultiplierIsInThePublishedRange() throws IOException {
    double share = baseline.value("G[USA]", 2) / baseline.value("GDPL[USA]", 2);
    Results r = run("{at: 2025Q2, values: {\"gmult[USA]\": " + (1 + 0.01 / share) + "}}");
    double dy = 0;
    double dg = 0;
    for (int p = Q2; p < Q2 + 4; p++) {
      dy += diff(r, "RGDP[USA]", p);
      dg += 4 * (r.value("G[USA]", p) - baseline.value("G[USA]", p)) / r.value("pabs[USA]", p);
    }
    assertThat(dy / dg).as("cumulative one-year multiplier").isBetween(0.8, 1.5);
  }

  /**
   * Rare-earth magnets: users hold a few weeks of stock. Licensing that withholds a fifth of
   * China's exports for a quarter is absorbed by drawing the stock down (car output barely moves),
   * while a ban of the same length stops most US car lines once the stock runs out; in both, the
   * stock is rebuilt afterwards.
   */
  @Test
  void aShortRareEarthDelayIsAbsorbedByStocksWhileABanStopsCarLines() throws IOException {
    Results delay = run("{at: 2025Q2, until: 2025Q2, values: {\"xqre[*]\": 0.2}}");
    Results ban = run("{at: 2025Q2, until: 2025Q2, values: {\"xqre[*]\": 1}}");
    double delayed = delay.value("Q[USA,AUT]", Q2) / baseline.value("Q[USA,AUT]", Q2) - 1;
    double banned = ban.value("Q[USA,AUT]", Q2) / baseline.value("Q[USA,AUT]", Q2) - 1;
    assertThat(delayed).as("US car output under a 20% licensing delay").isGreaterThan(-0.01);
    assertThat(delay.value("RST[USA]", Q2)).as("the stock is drawn down").isLessThan(baseline.value("RST[USA]", Q2));
    assertThat(banned).as("US car output under a ban").isLessThan(-0.3);
    assertThat(ban.value("RST[USA]", Q2 + 3)).as("the stock is rebuilt").isCloseTo(
        baseline.value("RST[USA]", Q2 + 3), within(0.01));
  }
}
