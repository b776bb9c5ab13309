package accord.explore.channels;

/**
 * Shapley values of a game with up to 20 players, given the value of every coalition: {@code
 * v[mask]} where bit i of mask says that player i is in (here: channel i switched on). Player i
 * gets the average, over every order in which the players can join, of what it adds on joining:
 * {@code phi_i = sum over S without i of |S|! (n - |S| - 1)! / n! (v(S + i) - v(S))}. The values
 * add up to {@code v(all) - v(none)} (efficiency), a player that adds nothing gets nothing, and
 * two players that add the same get the same (Shapley 1953): interactions are shared out evenly
 * between the players that make them.
 */
public final class Shapley {

  private Shapley() {
  }

  public static double[] values(double[] v) {
    int n = players(v);
    double[] weight = new double[n];
    for (int s = 0; s < n; s++) {
      // |S|! (n - |S| - 1)! / n!, computed as a product so that it stays exact for small n
      double w = 1.0 / n;
      for (int k = 1; k <= s; k++) {
        w *= (double) k / (n - k);
      }
      weight[s] = w;
    }
    double[] phi = new double[n];
    for (int i = 0; i < n; i++) {
      int bit = 1 << i;
      // compensated (Kahan-Babuska) sums: the values add up to the total to round-off, not to its square root
      double sum = 0;
      double c = 0;
      for (int mask = 0; mask < v.length; mask++) {
        if ((mask & bit) != 0) {
          continue;
        }
        double term = weight[Integer.bitCount(mask)] * (v[mask | bit] - v[mask]);
        double t = sum + term;
        c += Math.abs(sum) >= Math.abs(term) ? (sum - t) + term : (term - t) + sum;
        sum = t;
      }
      phi[i] = sum + c;
    }
    return phi;
  }

  /** Each player's effect switched off alone from the full coalition: {@code v(all) - v(all without i)}. */
  public static double[] leaveOneOut(double[] v) {
    int n = players(v);
    int all = v.length - 1;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = v[all] - v[all & ~(1 << i)];
    }
    return out;
  }

  /** Each player's effect switched on alone from the empty coalition: {@code v({i}) - v(none)}. */
  public static double[] alone(double[] v) {
    int n = players(v);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = v[1 << i] - v[0];
    }
    return out;
  }

  private static int players(double[] v) {
    int n = Integer.numberOfTrailingZeros(v.length);
    if (v.length < 2 || Integer.bitCount(v.length) != 1 || n > 20) {
      throw new IllegalArgumentException("a game of n players has 2^n coalition values (n from 1 to 20), not "
          + v.length);
    }
    return n;
  }
}
