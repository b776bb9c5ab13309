package accord.world;

import static org.assertj.core.api.Assertions.assertThat;

import accord.sim.Results;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The baseline (no shock, 40 quarters from 2025Q1) against the criteria: no jump after
 * the first quarter, flow ratios near their 2024 values, stocks moving as the flows imply.
 */
class BaselineTest {

  static Results run;

  @BeforeAll
  static void baseline() {
    run = WorldCalibration.run(Path.of("..", "models", "world"), null, 41);
  }

  static List<String> regions() {
    return WorldData.REGIONS;
  }

  private static double ratio(String series, String region, int period) {
    return 100 * run.value(series + "[" + region + "]", period) / run.value("GDP[" + region + "]", period);
  }

  @ParameterizedTest
  @MethodSource("regions")
  void noRatioToGdpMovesByATenthOfAPointInAQuarter(String region) {
    for (String series : List.of("CA", "TB", "FA", "EX", "IM", "TARREV", "RES")) {
      for (int p = 3; p <= 41; p++) {
        assertThat(Math.abs(ratio(series, region, p) - ratio(series, region, p - 1)))
            .as("%s/GDP of %s in %s", series, region, run.model().periodLabel(p)).isLessThan(0.1);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("regions")
  void flowRatiosStayWithinHalfAPointAfterFortyQuarters(String region) {
    for (String series : List.of("CA", "TB")) {
      assertThat(Math.abs(ratio(series, region, 41) - ratio(series, region, 2)))
          .as("%s/GDP of %s from 2025Q1 to 2034Q4", series, region).isLessThan(0.5);
    }
  }

  /** Households' money, and every region's bills held at home, stay positive for ten years. */
  @ParameterizedTest
  @MethodSource("regions")
  void householdsKeepPositiveMoneyAndBills(String region) {
    for (int p = 2; p <= 41; p++) {
      for (String series : List.of("M", "BHH", "FBH", "NFW")) {
        assertThat(run.value(series + "[" + region + "]", p)).as("%s[%s] in %s", series, region, run.model().periodLabel(p))
            .isPositive();
      }
    }
  }

  @Test
  void everyIdentityHoldsInEveryQuarterOfTheFortyToARelativeBillionth() {
    assertThat(accord.accounts.AccountingCheck.TOLERANCE).isEqualTo(1e-9);
    assertThat(run.model().matrices()).hasSize(20);
    assertThat(run.model().hidden()).hasSize(23);
    assertThat(accord.accounts.AccountingCheck.check(run)).isEmpty();
  }

  @Test
  void everyDeclaredConditionHolds() {
    assertThat(run.model().checks()).hasSize(30);
    assertThat(accord.accounts.ConditionCheck.check(run)).isEmpty();
  }

  @Test
  void stocksMoveAsTheFlowsImply() {
    for (String g : WorldData.REGIONS) {
      for (int p = 3; p <= 41; p++) {
        double change = run.value("NIIP[" + g + "]", p) - run.value("NIIP[" + g + "]", p - 1);
        double reval = revaluation(g, p);
        assertThat(change).as("NIIP of %s in %s", g, run.model().periodLabel(p))
            .isCloseTo(run.value("FA[" + g + "]", p) / 4 + reval, org.assertj.core.api.Assertions.within(1e-6 * Math.max(1,
                Math.abs(change))));
      }
    }
  }

  /**
   * Valuation changes of the positions held across borders: bills (households', firms' and
   * reserves) when exchange rates move, equity when prices or exchange rates move.
   */
  private static double revaluation(String g, int p) {
    double r = 0;
    for (String j : WorldData.REGIONS) {
      double held = 0;
      double owed = 0;
      for (String kind : List.of("BH", "BF", "RB")) {
        held += run.value(kind + "[" + g + "," + j + "]", p - 1);
        owed += run.value(kind + "[" + j + "," + g + "]", p - 1);
      }
      r += held * (1 / run.value("e[" + j + "]", p) - 1 / run.value("e[" + j + "]", p - 1));
      r -= owed * (1 / run.value("e[" + g + "]", p) - 1 / run.value("e[" + g + "]", p - 1));
      r += run.value("eh0[" + g + "," + j + "]", p) * equityRevaluation(j, p);
    }
    return r - equityRevaluation(g, p);
  }

  /** The change in the dollar value of an issuer's equity outstanding last quarter. */
  private static double equityRevaluation(String j, int p) {
    return run.value("EQS[" + j + "]", p - 1) / 100 * (run.value("EQ[" + j + "]", p) / run.value("e[" + j + "]", p)
        - run.value("EQ[" + j + "]", p - 1) / run.value("e[" + j + "]", p - 1));
  }

  @Test
  void exchangeRatesHoldTheir2024ValuesWithoutAShock() {
    for (String g : WorldData.REGIONS) {
      assertThat(run.value("e[" + g + "]", 41)).as("exchange-rate index of %s", g)
          .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-6));
    }
  }
}
