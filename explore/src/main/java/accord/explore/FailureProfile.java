package accord.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where in the priors the failed draws of a sweep lie: for each parameter, the failed draws'
 * mean rank among all the sweep's draws. Were failure unrelated to a parameter, that mean rank
 * would be about 1/2 with standard deviation 1/sqrt(12 m) for m failures (the mean of m uniform
 * ranks); a parameter far from that (|z| of at least {@link #Z}) is where the model stops solving,
 * which tells a user which prior reaches into a region the model cannot follow, and says that the
 * fans are conditional on not being there. A draw's parameters are a function of (seed, index),
 * so they are drawn again here rather than kept.
 */
public record FailureProfile(List<Concentration> concentrations, int failures, long draws) {

  /** Four standard deviations: with 40 priors, a chance finding about once in 400 sweeps. */
  public static final double Z = 4;

  /**
   * A parameter where failures concentrate: the failures' mean rank and its z, how many failed
   * draws lie in the top (or bottom) fifth, and the smallest (or largest) value that failed.
   */
  public record Concentration(String parameter, double meanRank, double z, int inFifth, boolean high, double edge,
      double quintile) {
  }

  /** The profile of {@code failed} (draw indices) among draws 0 to {@code draws - 1} of {@code e}. */
  public static FailureProfile of(Experiment e, long draws, List<Long> failed) {
    Priors priors = e.priors();
    int m = failed.size();
    List<Concentration> out = new ArrayList<>();
    if (m == 0 || draws < 2) {
      return new FailureProfile(out, m, draws);
    }
    int n = (int) Math.min(draws, Integer.MAX_VALUE - 8);
    int d = priors.size();
    double[][] values = new double[d][n];
    for (int i = 0; i < n; i++) {
      double[] p = priors.draw(e.seed(), i);
      for (int k = 0; k < d; k++) {
        values[k][i] = p[k];
      }
    }
    for (int k = 0; k < d; k++) {
      double[] sorted = values[k].clone();
      Arrays.sort(sorted);
      double rank = 0;
      int top = 0;
      int bottom = 0;
      double lowQ = sorted[(int) (0.2 * (n - 1))];
      double highQ = sorted[(int) (0.8 * (n - 1))];
      double minFailed = Double.POSITIVE_INFINITY;
      double maxFailed = Double.NEGATIVE_INFINITY;
      for (long i : failed) {
        double v = values[k][(int) i];
        // the mid-rank among equal values, so that a parameter drawn from a point mass is not "concentrated"
        int lo = lowerBound(sorted, v);
        int hi = upperBound(sorted, v);
        rank += (lo + hi) / 2.0 / n;
        top += v > highQ ? 1 : 0;
        bottom += v < lowQ ? 1 : 0;
        minFailed = Math.min(minFailed, v);
        maxFailed = Math.max(maxFailed, v);
      }
      rank /= m;
      double z = (rank - 0.5) * Math.sqrt(12.0 * m);
      if (Math.abs(z) >= Z) {
        boolean high = z > 0;
        out.add(new Concentration(priors.names().get(k), rank, z, high ? top : bottom, high,
            high ? minFailed : maxFailed, high ? highQ : lowQ));
      }
    }
    out.sort((a, b) -> Double.compare(Math.abs(b.z()), Math.abs(a.z())));
    return new FailureProfile(List.copyOf(out), m, draws);
  }

  private static int lowerBound(double[] a, double v) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int upperBound(double[] a, double v) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
