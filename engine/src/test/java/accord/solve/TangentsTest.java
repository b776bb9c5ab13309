package accord.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sparse chain rule gives the Jacobian of the dense one on random block structures (seeded):
 * tears, assignments reading earlier variables, tear residuals reading any of them.
 */
class TangentsTest {

  @Test
  void sparseTangentsGiveTheDenseJacobian() {
    Random random = new Random(20261130);
    for (int trial = 0; trial < 200; trial++) {
      int k = 1 + random.nextInt(8);
      int assignments = random.nextInt(40);
      int[][] assignDeps = new int[assignments][];
      for (int a = 0; a < assignments; a++) {
        assignDeps[a] = deps(random, k + a);
      }
      int[][] tearDeps = new int[k][];
      for (int i = 0; i < k; i++) {
        tearDeps[i] = deps(random, k + assignments);
      }
      int partials = 0;
      for (int[] d : assignDeps) {
        partials += d.length;
      }
      for (int[] d : tearDeps) {
        partials += d.length;
      }
      double[] d = new double[partials];
      for (int q = 0; q < partials; q++) {
        d[q] = random.nextGaussian();
      }
      Tangents t = new Tangents(k, assignDeps);
      assertThat(t.size).isLessThanOrEqualTo((k + assignments) * k);
      double[] sparse = new double[k * k];
      t.jacobian(d, assignDeps, tearDeps, new double[Math.max(1, t.size)], sparse);
      assertThat(sparse).as("trial %d", trial).containsExactly(dense(k, assignDeps, tearDeps, d));
    }
  }

  /** Distinct dependencies among variables 0..n-1, in increasing order, sometimes none. */
  private static int[] deps(Random random, int n) {
    return random.ints(random.nextInt(4), 0, n).distinct().sorted().toArray();
  }

  private static double[] dense(int k, int[][] assignDeps, int[][] tearDeps, double[] d) {
    int n = k + assignDeps.length;
    double[][] tan = new double[n][k];
    for (int i = 0; i < k; i++) {
      tan[i][i] = 1;
    }
    int q = 0;
    for (int a = 0; a < assignDeps.length; a++) {
      for (int dep : assignDeps[a]) {
        double da = d[q++];
        for (int j = 0; j < k; j++) {
          tan[k + a][j] += da * tan[dep][j];
        }
      }
    }
    double[] jac = new double[k * k];
    for (int i = 0; i < k; i++) {
      for (int dep : tearDeps[i]) {
        double di = d[q++];
        for (int j = 0; j < k; j++) {
          jac[i * k + j] += di * tan[dep][j];
        }
      }
    }
    return jac;
  }
}
