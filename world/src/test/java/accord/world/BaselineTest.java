package accord.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import accord.accounts.AccountingCheck;
import accord.accounts.ConditionCheck;
import accord.sim.Results;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The baseline (no shock, 40 quarters from 2025Q1) against what it is built to be: each region
 * at its own potential growth and medium-term inflation (IMF WEO October 2024), policy rates
 * moving to the central banks' neutral rates, 2024's current-account shares and real exchange
 * rates held by the add-factors, every identity and condition holding, no jump after the first
 * quarter.
 */
class BaselineTest {

  static Results run;
  static Calibration calibration;

  @BeforeAll
  static void baseline() {
    Path world = Path.of("..", "models", "world");
    run = WorldCalibration.run(world, null, 41);
    calibration = Calibration.of(WorldData.read(world.resolve("data")));
  }

  static List<String> regions() {
    return WorldData.REGIONS;
  }

  private static double v(String series, String region, int period) {
    return run.value(series + "[" + region + "]", period);
  }

  /** Real GDP grows at the region's potential rate every year (WEO October 2024, 2029 projection). */
  @ParameterizedTest
  @MethodSource("regions")
  void eachRegionGrowsAtItsSourcedRate(String region) {
    double potential = 100 * (Math.pow(1 + calibration.region[WorldData.REGIONS.indexOf(region)].gy, 4) - 1);
    for (int p = 6; p <= 41; p += 4) {
      double growth = 100 * (v("RGDP", region, p) / v("RGDP", region, p - 4) - 1);
      assertThat(growth).as("real growth of %s in the year to %s", region, run.model().periodLabel(p))
          .isCloseTo(potential, within(0.01));
    }
  }

  /** Inflation settles at the WEO medium-term rate and the policy rate at the neutral rate. */
  @ParameterizedTest
  @MethodSource("regions")
  void inflationAndRatesSettleAtTheirMediumTermValues(String region) {
    Calibration.Region x = calibration.region[WorldData.REGIONS.indexOf(region)];
    assertThat(v("infl4", region, 41)).as("inflation of %s in 2034Q4", region).isCloseTo(x.pis, within(0.1));
    assertThat(v("R", region, 41)).as("policy rate of %s in 2034Q4", region).isCloseTo(x.rn, within(0.15));
  }

  /**
   * The add-factors hold 2024's current account / GDP (not the rest of the world's, which the
   * others' imply) and real exchange rate.
   */
  @ParameterizedTest
  @MethodSource("regions")
  void currentAccountSharesAndRealExchangeRatesHold(String region) {
    double ca = v("cay", region, 2);
    for (int p = 3; p <= 41; p++) {
      if (!region.equals("ROW")) {
        assertThat(v("cay", region, p)).as("CA/GDP of %s in %s", region, run.model().periodLabel(p)).isCloseTo(ca, within(1e-6));
      }
      assertThat(v("rer", region, p)).as("real exchange rate of %s in %s", region, run.model().periodLabel(p))
          .isCloseTo(1, within(1e-6));
    }
  }

  private static double ratio(String series, String region, int period) {
    return 100 * v(series, region, period) / v("GDP", region, period);
  }

  /**
   * The baseline moves (policy rates go to neutral, bonds reprice, positions earn their yields,
   * trade shares drift with growth), but smoothly: no flow or reserve ratio to GDP moves by more
   * than 0.4 points in a quarter.
   */
  @ParameterizedTest
  @MethodSource("regions")
  void noRatioToGdpJumps(String region) {
    for (String series : List.of("CA", "TB", "FA", "EX", "IM", "TARREV", "RES")) {
      for (int p = 3; p <= 41; p++) {
        assertThat(Math.abs(ratio(series, region, p) - ratio(series, region, p - 1)))
            .as("%s/GDP of %s in %s", series, region, run.model().periodLabel(p)).isLessThan(0.4);
      }
    }
  }

  /** Households' money and foreign claims, and every region's reserves, stay positive. */
  @ParameterizedTest
  @MethodSource("regions")
  void stocksThatCannotBeNegativeStayPositive(String region) {
    for (int p = 2; p <= 41; p++) {
      for (String series : List.of("M", "FBH", "NFW", "V", "HW", "FV", "EQT")) {
        assertThat(v(series, region, p)).as("%s[%s] in %s", series, region, run.model().periodLabel(p)).isPositive();
      }
    }
  }

  /**
   * Every identity holds, and "holds" means to a relative billionth: the same quarters with the
   * US current account moved in one quarter by a hundred-millionth of the world's current
   * accounts (sum(CA) = 0 is measured against them) break it there, by a ten-billionth do not.
   */
  @Test
  void everyIdentityHoldsInEveryQuarterOfTheFortyToARelativeBillionth() {
    assertThat(run.model().matrices()).hasSize(20);
    assertThat(run.model().hidden()).hasSize(33);
    assertThat(AccountingCheck.check(run)).isEmpty();
    double scale = 0;
    for (String g : WorldData.REGIONS) {
      scale += Math.abs(v("CA", g, 20));
    }
    assertThat(AccountingCheck.check(withCaOfUsaMovedBy(1e-8 * scale, 20)))
        .anySatisfy(x -> {
          assertThat(x.period()).isEqualTo(20);
          assertThat(x.check()).startsWith("hidden equation");
        });
    assertThat(AccountingCheck.check(withCaOfUsaMovedBy(1e-10 * scale, 20))).isEmpty();
  }

  private static Results withCaOfUsaMovedBy(double delta, int period) {
    double[][] rows = new double[run.periods()][];
    for (int t = 0; t < rows.length; t++) {
      rows[t] = run.rows()[t].clone();
    }
    rows[period - 1][run.model().slotOf("CA[USA]")] += delta;
    return new Results(run.model(), run.scenario(), rows, run.iterations(), run.nanos());
  }

  @Test
  void everyDeclaredConditionHolds() {
    assertThat(run.model().checks()).hasSize(40);
    assertThat(ConditionCheck.check(run)).isEmpty();
  }
}
