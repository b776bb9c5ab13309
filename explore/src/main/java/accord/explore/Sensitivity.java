package accord.explore;

import accord.lang.Diagnostic;
import accord.lang.ModelException;
import accord.lang.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which parameter drives one output in one quarter: one at a time (each parameter at its prior's
 * low and high quantiles, the others at their medians: a tornado) and globally (Sobol indices,
 * every parameter varying). The experiment's first output is the one studied.
 */
public final class Sensitivity {

  private Sensitivity() {
  }

  /** One parameter moved alone: its low and high values and the output at each. */
  public record Swing(String parameter, double low, double high, double atLow, double atHigh) {
    public double swing() {
      return Math.abs(atHigh - atLow);
    }
  }

  /** The output with every parameter at its median, and each parameter's swing, largest first. */
  public record OneAtATime(double central, List<Swing> swings, List<DrawResult> failures) {
  }

  /** Global indices with their intervals, in the priors' order. */
  public record Global(List<String> parameters, Sobol.Index[] indices, int rows, int failedRows, double level) {
  }

  public static OneAtATime oneAtATime(Experiment e, int period, double lowQuantile, double highQuantile, int threads)
      throws InterruptedException {
    Priors priors = e.priors();
    int d = priors.size();
    double[] central = priors.central();
    // run 0 is the centre; 2k + 1 and 2k + 2 prior k at its low and high quantile
    double[][] points = new double[2 * d + 1][];
    points[0] = central;
    for (int k = 0; k < d; k++) {
      for (int side = 0; side < 2; side++) {
        double[] x = central.clone();
        x[k] = priors.list().get(k).value(side == 0 ? lowQuantile : highQuantile);
        points[2 * k + 1 + side] = x;
      }
    }
    DrawResult[] results = runAll(e, points, threads);
    if (results[0].failed()) {
      throw new ModelException(Diagnostic.error("E612", Span.NONE, "the run with every parameter at its median failed: "
          + results[0].failure()).withHint("check the scenario with accord compare first"));
    }
    double c = value(e, results[0], period);
    List<Swing> swings = new ArrayList<>();
    List<DrawResult> failures = new ArrayList<>();
    for (int k = 0; k < d; k++) {
      DrawResult lo = results[2 * k + 1];
      DrawResult hi = results[2 * k + 2];
      for (DrawResult r : List.of(lo, hi)) {
        if (r.failed()) {
          failures.add(r);
        }
      }
      swings.add(new Swing(priors.list().get(k).name(), points[2 * k + 1][k], points[2 * k + 2][k],
          lo.failed() ? Double.NaN : value(e, lo, period), hi.failed() ? Double.NaN : value(e, hi, period)));
    }
    swings.sort(Comparator.comparingDouble((Swing s) -> Double.isNaN(s.swing()) ? -1 : s.swing()).reversed());
    return new OneAtATime(c, swings, failures);
  }

  /**
   * Sobol indices from N rows of the design (N (d + 2) runs), each input drawn from its prior by
   * the design's uniform. A row with a failed run is left out of every sum (and counted).
   */
  public static Global sobol(Experiment e, int period, int n, int threads, int resamples, double level)
      throws InterruptedException {
    Priors priors = e.priors();
    int d = priors.size();
    double[][] points = new double[n * (d + 2)][];
    for (int j = 0; j < n; j++) {
      points[j * (d + 2)] = values(priors, Sobol.design(e.seed(), j, d, 0));
      points[j * (d + 2) + 1] = values(priors, Sobol.design(e.seed(), j, d, 1));
      for (int i = 0; i < d; i++) {
        points[j * (d + 2) + 2 + i] = values(priors, Sobol.mixed(e.seed(), j, d, i));
      }
    }
    DrawResult[] results = runAll(e, points, threads);
    List<Integer> good = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      boolean ok = true;
      for (int m = 0; m < d + 2; m++) {
        ok &= !results[j * (d + 2) + m].failed();
      }
      if (ok) {
        good.add(j);
      }
    }
    if (good.size() < 2) {
      throw new ModelException(Diagnostic.error("E612", Span.NONE, "only " + good.size() + " of " + n + " rows of the "
          + "Sobol design solved; the indices need two or more").withHint("narrow the priors or shorten the horizon"));
    }
    int m = good.size();
    double[] fA = new double[m];
    double[] fB = new double[m];
    double[][] fAB = new double[d][m];
    for (int r = 0; r < m; r++) {
      int j = good.get(r);
      fA[r] = value(e, results[j * (d + 2)], period);
      fB[r] = value(e, results[j * (d + 2) + 1], period);
      for (int i = 0; i < d; i++) {
        fAB[i][r] = value(e, results[j * (d + 2) + 2 + i], period);
      }
    }
    return new Global(priors.names(), Sobol.estimate(fA, fB, fAB, resamples, level, e.seed()), m, n - m, level);
  }

  private static double[] values(Priors priors, double[] u) {
    double[] x = new double[u.length];
    for (int k = 0; k < u.length; k++) {
      x[k] = priors.list().get(k).value(u[k]);
    }
    return x;
  }

  private static double value(Experiment e, DrawResult r, int period) {
    return r.differences()[e.differenceIndex(0, period)];
  }

  /** Every point run (in the scenario's only branch), results in the points' order. */
  private static DrawResult[] runAll(Experiment e, double[][] points, int threads) throws InterruptedException {
    DrawResult[] out = new DrawResult[points.length];
    LocalEngine.run(i -> e.run(i, points[(int) i], 0), points.length, threads, r -> out[(int) r.index()] = r,
        LocalEngine.Progress.NONE);
    return out;
  }
}
