package accord.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import accord.solve.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One model, two closures: a floating and a pegged exchange rate. */
class ClosureTest {

  static final String MODEL = """
      set C = {N, S}
      param mu[C] = {N: 0.2, S: 0.3}
      exogenous G[C] = 20
      exogenous res = 0 "reserves change (exogenous under the float)"
      var xr = 1
      var Y[C] = 50
      var IM[C]
      Y[c] = G[c] + 0.6*Y[c] + (if c == N then IM[S]/xr else IM[N]*xr) - IM[c]   for c in C
      IM[N] = mu[N]*Y[N]*xr
      IM[S] = mu[S]*Y[S]/xr
      0 = IM[S]/xr - IM[N] - res
      closure peg "the central bank holds xr; its reserves take the difference"
        exogenize xr
        endogenize res
      end
      """;

  @Test
  void floatClearsTheExternalBalanceThroughTheRate() {
    Results r = Run.of(MODEL, 3, Method.NEWTON, null, List.of());
    assertThat(r.value("IM[S]", 3) / r.value("xr", 3) - r.value("IM[N]", 3)).isCloseTo(0, within(1e-10));
    assertThat(r.value("res", 3)).isEqualTo(0);
  }

  @Test
  void pegHoldsTheRateAndReservesMove() {
    Results r = Run.of(MODEL, 3, Method.NEWTON, "peg", List.of());
    assertThat(r.value("xr", 3)).isEqualTo(1);
    assertThat(r.value("res", 3)).isCloseTo(r.value("IM[S]", 3) - r.value("IM[N]", 3), within(1e-10));
    assertThat(r.value("res", 3)).isNotCloseTo(0, within(1e-3));
  }
}
