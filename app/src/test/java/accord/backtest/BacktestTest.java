package accord.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import accord.backtest.Backtest.Comparison;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The 2025 replay against history: every observed figure has its source, the model's 2024 is the
 * calibration, and the replay moves each outcome the way the tariffs push it (the sizes and the
 * errors are reported in docs/world-model.md, not asserted: nothing is fitted to 2025).
 */
class BacktestTest {

  static Map<String, Comparison> rows;

  @BeforeAll
  static void run() {
    List<Comparison> list = Backtest.replay2025(Path.of("..", "models", "world"));
    rows = list.stream().collect(Collectors.toMap(Comparison::name, Function.identity()));
  }

  @Test
  void everyObservedFigureHasItsSource() {
    assertThat(rows).hasSizeGreaterThanOrEqualTo(13);
    for (Comparison c : rows.values()) {
      assertThat(c.source()).as(c.name()).isNotBlank();
      assertThat(Double.isFinite(c.observed())).as(c.name()).isTrue();
    }
  }

  @Test
  void theTariffsNarrowTheBilateralDeficitAndRaiseRevenueAndPrices() {
    Comparison china = rows.get("US goods balance with China, 2025");
    assertThat(china.model()).isGreaterThan(china.baseline());
    Comparison imports = rows.get("US goods imports from China, 2025");
    assertThat(imports.model()).isLessThan(imports.baseline());
    Comparison duties = rows.get("US customs duties, 2025Q4, annual rate");
    assertThat(duties.model()).isGreaterThan(3 * duties.baseline());
    assertThat(duties.model2024()).as("2024's duties as collected").isCloseTo(duties.observed2024(),
        org.assertj.core.api.Assertions.within(0.1 * duties.observed2024()));
    Comparison cpi = rows.get("US consumer price inflation, 2025");
    assertThat(cpi.model()).isGreaterThan(cpi.baseline());
  }

  /**
   * The 2018-19 rounds on today's economy: every observed figure has its source; the tariff
   * applied is the one observed (within a few points), imports from China fall, the bilateral
   * balance improves, duties rise and the tariffs pass through to import prices (Amiti, Redding
   * and Weinstein 2019: complete); the misses are reported, not asserted.
   */
  @Test
  void the2018RoundsAgainstTheirHistory() {
    Map<String, Comparison> r = Backtest.rounds2018(Path.of("..", "models", "world")).stream()
        .collect(Collectors.toMap(Comparison::name, Function.identity()));
    assertThat(r).hasSize(9);
    r.values().forEach(c -> assertThat(c.source()).as(c.name()).isNotBlank());
    Comparison tariff = r.get("US tariff on imports from China, points added");
    assertThat(tariff.model()).isCloseTo(tariff.observed(), org.assertj.core.api.Assertions.within(4.0));
    assertThat(r.get("US goods imports from China").model()).isNegative();
    assertThat(r.get("US goods balance with China, change / imports from China before").model()).isPositive();
    assertThat(r.get("US customs duties / goods imports, points added").model()).isPositive();
    assertThat(r.get("Pass-through of the tariffs to US import prices from China (tariff included)").model())
        .isBetween(0.85, 1.05);
  }
}
