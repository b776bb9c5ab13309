package accord.explore;

import java.util.Arrays;
import org.hipparchus.random.SobolSequenceGenerator;

/**
 * Variance-based sensitivity indices of a function of d independent inputs: first-order (the
 * share of the output's variance an input explains alone) with the estimator of Saltelli,
 * Annoni, Azzini, Campolongo, Ratto and Tarantola (2010), "Variance based sensitivity analysis of
 * model output. Design and estimator for the total sensitivity index", Computer Physics
 * Communications 181, 259-270 (their table 2, (b)), and total (alone and with the others) with
 * Jansen's (1999) estimator (their (f)). The design: two N x d matrices A and B of uniform
 * numbers and, for each input i, A with column i from B ({@code AB_i}): N (d + 2) evaluations.
 * A and B are the two halves of a 2d-dimensional Sobol' sequence (Saltelli et al. 2010, section
 * 3: quasi-random points fill the cube more evenly than pseudo-random ones, so the estimates
 * converge faster), with the Joe and Kuo (2008) direction numbers of Hipparchus'
 * {@code SobolSequenceGenerator}; row j is the sequence's point j + 1 (point 0 is the cube's
 * corner) shifted modulo 1 by a uniform per column drawn from the seed (a Cranley-Patterson
 * rotation: randomised quasi-Monte Carlo, so that the seed matters and no value sits on a
 * corner). Confidence intervals: the percentile bootstrap over the N rows.
 */
public final class Sobol {

  private Sobol() {
  }

  /** Row j of A (which = 0), B (which = 1): d uniforms in (0, 1). */
  public static double[] design(long seed, int row, int d, int which) {
    double[] q = point(seed, row, d);
    return Arrays.copyOfRange(q, which * d, which * d + d);
  }

  /** Row j of AB_i: A's row with input i from B's. */
  public static double[] mixed(long seed, int row, int d, int i) {
    double[] q = point(seed, row, d);
    double[] u = Arrays.copyOf(q, d);
    u[i] = q[d + i];
    return u;
  }

  /** Generators by dimension: each reads its direction numbers once; used one caller at a time. */
  private static final java.util.Map<Integer, SobolSequenceGenerator> SEQUENCES = new java.util.HashMap<>();

  /** Point row + 1 of the 2d-dimensional sequence, rotated by the seed's shifts, every value in (0, 1). */
  private static double[] point(long seed, int row, int d) {
    double[] q;
    synchronized (SEQUENCES) {
      q = SEQUENCES.computeIfAbsent(2 * d, SobolSequenceGenerator::new).skipTo(row + 1);
    }
    for (int k = 0; k < q.length; k++) {
      double u = q[k] + CounterRandom.uniform(seed, -1, k);
      u -= Math.floor(u);
      q[k] = Math.min(Math.max(u, 0x1.0p-54), 1 - 0x1.0p-53);
    }
    return q;
  }

  /** The indices of one input: estimate and confidence interval of each. */
  public record Index(double first, double firstLow, double firstHigh, double total, double totalLow,
      double totalHigh) {
  }

  /**
   * The indices from the evaluations: {@code fA[j]}, {@code fB[j]}, {@code fAB[i][j]}.
   * {@code resamples} bootstrap samples of the rows (seeded) give the intervals at {@code level}
   * (0.95: from the 2.5th to the 97.5th percentile).
   */
  public static Index[] estimate(double[] fA, double[] fB, double[][] fAB, int resamples, double level, long seed) {
    int n = fA.length;
    int d = fAB.length;
    int[] all = new int[n];
    Arrays.setAll(all, j -> j);
    double[][] point = indices(fA, fB, fAB, all);
    double[][][] boot = new double[resamples][][];
    int[] rows = new int[n];
    for (int b = 0; b < resamples; b++) {
      for (int j = 0; j < n; j++) {
        rows[j] = (int) Math.min(n - 1, (long) (CounterRandom.uniform(seed, (long) b * n + j, -7) * n));
      }
      boot[b] = indices(fA, fB, fAB, rows);
    }
    Index[] out = new Index[d];
    double tail = (1 - level) / 2;
    for (int i = 0; i < d; i++) {
      double[] s = new double[resamples];
      double[] t = new double[resamples];
      for (int b = 0; b < resamples; b++) {
        s[b] = boot[b][0][i];
        t[b] = boot[b][1][i];
      }
      Arrays.sort(s);
      Arrays.sort(t);
      out[i] = new Index(point[0][i], percentile(s, tail), percentile(s, 1 - tail), point[1][i], percentile(t, tail),
          percentile(t, 1 - tail));
    }
    return out;
  }

  /** First-order and total indices over the given rows (a row may repeat): [0][i] first, [1][i] total. */
  static double[][] indices(double[] fA, double[] fB, double[][] fAB, int[] rows) {
    int n = rows.length;
    int d = fAB.length;
    double mean = 0;
    for (int j : rows) {
      mean += fA[j] + fB[j];
    }
    mean /= 2.0 * n;
    double variance = 0;
    for (int j : rows) {
      variance += (fA[j] - mean) * (fA[j] - mean) + (fB[j] - mean) * (fB[j] - mean);
    }
    variance /= 2.0 * n - 1;
    double[][] out = new double[2][d];
    for (int i = 0; i < d; i++) {
      double first = 0;
      double total = 0;
      for (int j : rows) {
        first += fB[j] * (fAB[i][j] - fA[j]);
        total += (fA[j] - fAB[i][j]) * (fA[j] - fAB[i][j]);
      }
      // an output that does not vary: no input explains anything
      out[0][i] = variance > 0 ? first / n / variance : 0;
      out[1][i] = variance > 0 ? total / (2.0 * n) / variance : 0;
    }
    return out;
  }

  private static double percentile(double[] sorted, double q) {
    int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
    return sorted[i];
  }
}
