package accord.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** LU with pivoting against its own certificate: A x must give back b, on random systems, none skipped. */
class LuTest {

  @Test
  void solvesRandomSystemsThatNeedPivoting() {
    Random rnd = new Random(20261125L);
    int singular = 0;
    int solved = 0;
    for (int trial = 0; trial < 500; trial++) {
      int n = 1 + rnd.nextInt(12);
      double[] a = new double[n * n];
      for (int i = 0; i < a.length; i++) {
        a[i] = rnd.nextInt(4) == 0 ? 0 : rnd.nextGaussian() * Math.pow(10, rnd.nextInt(5) - 2);
      }
      for (int i = 0; i < n; i++) {
        a[i * n + (i + 1) % n] += 5; // nonsingular, yet the diagonal is often small: pivoting is needed
      }
      double[] b = new double[n];
      for (int i = 0; i < n; i++) {
        b[i] = rnd.nextGaussian();
      }
      double[] lu = a.clone();
      int[] piv = new int[n];
      if (!Lu.factor(lu, n, piv)) {
        singular++;
        continue;
      }
      solved++;
      double[] x = b.clone();
      Lu.solve(lu, n, piv, x);
      for (int i = 0; i < n; i++) {
        double ax = 0;
        double scale = 0;
        for (int j = 0; j < n; j++) {
          ax += a[i * n + j] * x[j];
          scale += Math.abs(a[i * n + j] * x[j]);
        }
        assertThat(Math.abs(ax - b[i])).as("trial %d row %d", trial, i).isLessThanOrEqualTo(1e-10 * Math.max(1, scale));
      }
    }
    // the construction makes every matrix nonsingular: a trial skipped as "singular" is a bug in factor
    assertThat(singular).isZero();
    assertThat(solved).isEqualTo(500);
  }

  @Test
  void reportsASingularMatrix() {
    double[] a = {1, 2, 2, 4};
    assertThat(Lu.factor(a, 2, new int[2])).isFalse();
  }
}
