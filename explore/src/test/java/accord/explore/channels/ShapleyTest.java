package accord.explore.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ShapleyTest {

  /** v(S) for a game given as a function of which players are in. */
  private static double[] game(int n, java.util.function.IntToDoubleFunction v) {
    double[] out = new double[1 << n];
    for (int mask = 0; mask < out.length; mask++) {
      out[mask] = v.applyAsDouble(mask);
    }
    return out;
  }

  private static double in(int mask, int i) {
    return (mask >> i) & 1;
  }

  @Test
  void threeChannelsWithAnInteractionGetTheTextbookValues() {
    // v = 3 x0 + 5 x1 - 2 x2 + 4 x0 x1: the interaction of 0 and 1 is split in halves, 2 is alone
    double[] v = game(3, m -> 3 * in(m, 0) + 5 * in(m, 1) - 2 * in(m, 2) + 4 * in(m, 0) * in(m, 1));
    assertThat(Shapley.values(v)).containsExactly(5.0, 7.0, -2.0);
    assertThat(Shapley.leaveOneOut(v)).containsExactly(7.0, 9.0, -2.0);
    assertThat(Shapley.alone(v)).containsExactly(3.0, 5.0, -2.0);
  }

  @Test
  void aPureThreeWayInteractionIsSharedInThirdsAndTheGloveGameAsInTheBooks() {
    assertThat(Shapley.values(game(3, m -> m == 7 ? 1 : 0))).containsExactly(1 / 3.0, 1 / 3.0, 1 / 3.0);
    // glove game: player 0 holds a left glove, 1 and 2 right gloves; a pair is worth 1 (Shapley value 2/3, 1/6, 1/6)
    double[] glove = game(3, m -> in(m, 0) * Math.max(in(m, 1), in(m, 2)));
    assertThat(Shapley.values(glove)).usingComparatorWithPrecision(1e-15).containsExactly(2 / 3.0, 1 / 6.0, 1 / 6.0);
  }

  @Test
  void randomGamesAddUpAndKeepSymmetryAndTheNullPlayer() {
    Random rnd = new Random(11);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + rnd.nextInt(8);
      double[] v = new double[1 << n];
      for (int m = 0; m < v.length; m++) {
        v[m] = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(6));
      }
      // player 0 adds nothing anywhere: a dummy
      for (int m = 0; m < v.length; m++) {
        v[m | 1] = v[m & ~1];
      }
      double[] phi = Shapley.values(v);
      double sum = 0;
      for (double x : phi) {
        sum += x;
      }
      assertThat(sum).isCloseTo(v[v.length - 1] - v[0], within(1e-9 * Math.max(1, Math.abs(v[v.length - 1]))));
      assertThat(phi[0]).isCloseTo(0, within(1e-9));
    }
  }

  @Test
  void refusesAVectorThatIsNotOneValuePerCoalition() {
    assertThatThrownBy(() -> Shapley.values(new double[6])).isInstanceOf(IllegalArgumentException.class);
  }
}
