package accord.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import accord.sim.Change;
import accord.sim.Results;
import accord.sim.Run;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The known pitfalls of existing SFC tools, each as a model with a known answer. */
class PitfallsTest {

  /**
   * sfcr divides the step by the signed value, so a negative variable "converges" at once. Here
   * x settles at -1000/(1-0.5*0.9) - a large negative number, and y with it.
   */
  @ParameterizedTest
  @EnumSource(Method.class)
  void negativeVariableInASimultaneousBlockIsSolvedExactly(Method method) {
    Results r = Run.of("""
        x = -1000 + 0.5*y
        y = 0.9*x + 5
        """, 3, method, null, List.of());
    assertThat(r.model().equations()).hasSize(2);
    double x = (-1000 + 0.5 * 5) / (1 - 0.45);
    assertThat(r.value("x", 2)).isCloseTo(x, within(1e-9));
    assertThat(r.value("y", 2)).isCloseTo(0.9 * x + 5, within(1e-9));
  }

  /** sfcr solves only the first equation of a block with an if; here the if is inside the loop. */
  @ParameterizedTest
  @EnumSource(Method.class)
  void ifExpressionInsideASimultaneousBlock(Method method) {
    Results r = Run.of("""
        exogenous G = 20
        T = if Y > 100 then 0.3*Y else 0.1*Y
        Y = C + G
        C = 0.8*(Y - T)
        """, 3, method, null, List.of(new Change(r0("G"), 3, 3, 60)));
    // period 2: G = 20, Y = 20/(1-0.8*0.9) = 71.43 < 100, so the 10% branch
    assertThat(r.value("Y", 2)).isCloseTo(20 / (1 - 0.8 * 0.9), within(1e-9));
    // period 3: G = 60, the 10% branch would give 214 > 100, so the 30% branch: 60/(1-0.56)
    assertThat(r.value("Y", 3)).isCloseTo(60 / (1 - 0.8 * 0.7), within(1e-9));
  }

  private static int r0(String label) {
    return Run.model("exogenous G = 20\nT = if Y > 100 then 0.3*Y else 0.1*Y\nY = C + G\nC = 0.8*(Y - T)\n").slotOf(label);
  }

  @Test
  void lagsOfTwoAndMore() {
    Results r = Run.of("""
        var F = 1
        F = F(-1) + F(-2)
        G = F(-3)
        """, 8);
    // periods before 1 take the initial value: 1, 2, 3, 5, 8, 13, 21 from period 2 on
    assertThat(r.column("F")).containsExactly(1, 2, 3, 5, 8, 13, 21, 34);
    assertThat(r.value("G", 8)).isEqualTo(8);
  }

  /** Dynare's backward-model Jacobian once mishandled lagged exogenous series. */
  @Test
  void laggedExogenousSeries() {
    Results r = Run.of("""
        exogenous g = [1, 2, 4, 8, 16]
        y = g(-1) + 0.5*y(-1) + d(g)
        """, 6);
    double y = 0;
    double[] g = {1, 2, 4, 8, 16, 16};
    for (int t = 1; t < 6; t++) {
      y = g[t - 1] + 0.5 * y + (g[t] - g[t - 1]);
      assertThat(r.value("y", t + 1)).isCloseTo(y, within(1e-12));
    }
  }

  @Test
  void divisionByAStockThatStartsAtZeroIsAClearErrorNotNaN() {
    assertThatThrownBy(() -> Run.of("""
        exogenous F = 10
        V = V(-1) + F
        r = F / V(-1)
        """, 4))
        .isInstanceOfSatisfying(EvalFailure.class, e -> {
          assertThat(e.period()).isEqualTo(2);
          assertThat(e.diagnostic().render()).startsWith("test.acc:3:7: error[E201]: division by zero in period 2, equation for 'r'");
        });
  }

  @Test
  void aBlockWithNoRealSolutionIsReportedWithItsVariables() {
    assertThatThrownBy(() -> Run.of("""
        var x = 1
        0 = x*x + 1 + 0*y
        y = 2*x
        """, 3))
        .isInstanceOfSatisfying(SolveFailure.class, f -> {
          assertThat(f.period()).isEqualTo(2);
          assertThat(f.variables()).containsExactlyInAnyOrder("x", "y");
          assertThat(f.report()).contains("solver failure in period 2").contains("largest residual");
        });
  }

  @ParameterizedTest
  @EnumSource(Method.class)
  void nonlinearBlockConvergesToMachinePrecision(Method method) {
    Results r = Run.of("""
        var a = 1
        a = exp(-b) + 1
        b = sqrt(a) * 2
        """, 2, method, null, List.of());
    double a = r.value("a", 2);
    double b = r.value("b", 2);
    assertThat(Math.abs(a - Math.exp(-b) - 1)).isLessThan(1e-13);
    assertThat(Math.abs(b - 2 * Math.sqrt(a))).isLessThan(1e-13);
  }

  /**
   * An implicit equation that balances large numbers has no scale on its two sides (0 = ...):
   * its residual is measured against the size of its terms, or round-off alone would stop it
   * from converging.
   */
  @ParameterizedTest
  @EnumSource(value = Method.class, names = {"NEWTON", "BROYDEN"})
  void implicitEquationBalancingLargeNumbersConverges(Method method) {
    Results r = Run.of("""
        exogenous big = 98765432.1
        var x = 1
        var y = 1
        0 = big*x + big*0.3 - big*1.300000123 + big*y*1e-9 - big*x*x*1e-9
        y = x*x
        """, 3, method, null, List.of());
    assertThat(r.value("x", 2)).isCloseTo(1.000000123, within(1e-12));
  }
}
