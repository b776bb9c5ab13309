package accord.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import accord.lang.ModelException;
import accord.sim.Results;
import accord.sim.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A model's declared conditions: parsed, expanded over sets, and reported where a run breaks them. */
class ConditionCheckTest {

  static final String STOCKS = """
      set Country = {N, S}
      exogenous draw[Country] = {N: 10, S: 30}
      var R[c in Country] = 100
      R[c] = R[c](-1) - draw[c]   for c in Country
      check R[c] >= 0 "reserves cannot be negative" for c in Country
      check R[N] < 1000
      """;

  @Test
  void aBrokenConditionIsReportedWithItsFirstPeriodAndCount() {
    Results r = Run.of(STOCKS, 11);
    assertThat(r.model().checks()).hasSize(3);
    List<ConditionCheck.Failure> failures = ConditionCheck.check(r);
    // period p holds 100 - draw (p - 1): S is negative from period 5 to 11 (7 periods), N reaches 0 in 11
    assertThat(failures).hasSize(1);
    ConditionCheck.Failure f = failures.get(0);
    assertThat(f.first()).isEqualTo(5);
    assertThat(f.periods()).isEqualTo(7);
    assertThat(f.condition()).isEqualTo("R[S] >= 0");
    assertThat(f.describe(r.model())).isEqualTo(
        "check at test.acc:5 [c=S]: R[S] >= 0 fails in 7 periods from 5 (reserves cannot be negative)");
  }

  @Test
  void conditionsThatHoldReportNothingAndChangeNoSolution() {
    Results with = Run.of(STOCKS, 4);
    Results without = Run.of(STOCKS.replaceAll("check.*\\n", ""), 4);
    assertThat(ConditionCheck.check(with)).isEmpty();
    assertThat(with.rows()).isDeepEqualTo(without.rows());
  }

  @Test
  void aCheckWithoutAConditionIsAnError() {
    assertThatThrownBy(() -> Run.model("var x = 1\nx = x(-1)\ncheck\n"))
        .isInstanceOf(ModelException.class).hasMessageContaining("expected a condition after 'check'");
  }
}
