package accord.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuantileSketchTest {

  private static final double[] QS = {0.05, 0.25, 0.5, 0.75, 0.95};

  /** The empirical quantile the sketch promises: the smallest value with at least q n values at or below it. */
  private static double exact(double[] sorted, double q) {
    int rank = (int) Math.max(1, Math.ceil(q * sorted.length - 1e-9));
    return sorted[rank - 1];
  }

  /** The fraction of the values at or below x: the rank a quantile estimate stands at. */
  private static double rank(double[] sorted, double x) {
    int i = Arrays.binarySearch(sorted, x);
    while (i >= 0 && i + 1 < sorted.length && sorted[i + 1] == x) {
      i++;
    }
    return (i >= 0 ? i + 1 : -i - 1) / (double) sorted.length;
  }

  @Test
  void exactUpToKValues() {
    Random r = new Random(11);
    QuantileSketch s = new QuantileSketch(64);
    double[] v = new double[64];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextGaussian();
      s.add(v[i]);
    }
    Arrays.sort(v);
    for (double q : QS) {
      assertThat(s.quantile(q)).isEqualTo(exact(v, q));
    }
  }

  @Test
  void withinItsRankBoundOnSeededSamples() {
    Random r = new Random(2024);
    int n = 100_000;
    // three shapes: normal, skewed (log-normal), and a mixture of two branches far apart
    for (int shape = 0; shape < 3; shape++) {
      QuantileSketch s = new QuantileSketch();
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        double g = r.nextGaussian();
        v[i] = shape == 0 ? g : shape == 1 ? Math.exp(g) : (r.nextDouble() < 0.4 ? -10 : 10) + g;
        s.add(v[i]);
      }
      Arrays.sort(v);
      int levels = (int) Math.ceil(Math.log((double) n / QuantileSketch.DEFAULT_K) / Math.log(2)) + 1;
      double bound = (double) levels / QuantileSketch.DEFAULT_K;
      double worst = 0;
      for (double q : QS) {
        double est = s.quantile(q);
        worst = Math.max(worst, Math.abs(rank(v, est) - q));
      }
      assertThat(worst).as("shape %d: rank error", shape).isLessThanOrEqualTo(bound);
      // in practice far inside the bound
      assertThat(worst).as("shape %d: rank error", shape).isLessThan(0.002);
      assertThat(s.count()).isEqualTo(n);
    }
  }

  @Test
  void theSameValuesInTheSameOrderGiveTheSameBits() {
    QuantileSketch a = new QuantileSketch(32);
    QuantileSketch b = new QuantileSketch(32);
    Random r = new Random(3);
    for (int i = 0; i < 5000; i++) {
      double x = r.nextDouble();
      a.add(x);
      b.add(x);
    }
    assertThat(a.quantiles(QS)).isEqualTo(b.quantiles(QS));
  }
}
