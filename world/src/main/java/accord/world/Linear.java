package accord.world;

/** Small dense linear algebra for the calibration, on the engine's LU decomposition. */
final class Linear {

  private Linear() {
  }

  /** Solves the augmented system [A | b]. */
  static double[] solve(double[][] a) {
    int n = a.length;
    double[] lu = new double[n * n];
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, lu, i * n, n);
      x[i] = a[i][n];
    }
    int[] pivot = new int[n];
    if (!accord.solve.Lu.factor(lu, n, pivot)) {
      throw new IllegalStateException("a calibration system is singular");
    }
    accord.solve.Lu.solve(lu, n, pivot, x);
    return x;
  }

  /**
   * The x nearest to {@code prior} (least squares) with A x = b, for A of full row rank:
   * x = prior + A' (A A')^-1 (b - A prior).
   */
  static double[] nearest(double[][] a, double[] b, double[] prior) {
    int m = a.length;
    int n = prior.length;
    double[][] aat = new double[m][m + 1];
    for (int i = 0; i < m; i++) {
      double r = b[i];
      for (int k = 0; k < n; k++) {
        r -= a[i][k] * prior[k];
      }
      for (int j = 0; j < m; j++) {
        double s = 0;
        for (int k = 0; k < n; k++) {
          s += a[i][k] * a[j][k];
        }
        aat[i][j] = s;
      }
      aat[i][m] = r;
    }
    double[] y = solve(aat);
    double[] x = prior.clone();
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < m; i++) {
        x[k] += a[i][k] * y[i];
      }
    }
    return x;
  }

  /**
   * Minimises |A x - b|^2 + sum w_k (x_k - prior_k)^2 with every x_k within [low, high]: the
   * ridge solution, then the elements beyond a bound are fixed at it and the rest solved again
   * (an active set), until none is beyond.
   */
  static double[] boundedRidge(double[][] a, double[] b, double[] prior, double[] w, double low, double high) {
    int m = a.length;
    int n = prior.length;
    double[] x = prior.clone();
    boolean[] fixed = new boolean[n];
    for (int round = 0; round <= n; round++) {
      double[][] normal = new double[n][n + 1];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          double s = 0;
          for (int k = 0; k < m; k++) {
            s += a[k][i] * a[k][j];
          }
          normal[i][j] = fixed[i] ? (i == j ? 1 : 0) : s + (i == j ? w[i] : 0);
        }
        double rhs = w[i] * prior[i];
        for (int k = 0; k < m; k++) {
          rhs += a[k][i] * b[k];
        }
        normal[i][n] = rhs;
      }
      // move the fixed elements' terms to the right-hand side
      for (int i = 0; i < n; i++) {
        if (fixed[i]) {
          normal[i][n] = x[i];
          continue;
        }
        for (int j = 0; j < n; j++) {
          if (fixed[j]) {
            normal[i][n] -= normal[i][j] * x[j];
            normal[i][j] = 0;
          }
        }
      }
      double[] next = solve(normal);
      boolean beyond = false;
      for (int i = 0; i < n; i++) {
        if (!fixed[i] && (next[i] < low || next[i] > high)) {
          next[i] = Math.max(low, Math.min(high, next[i]));
          fixed[i] = true;
          beyond = true;
        }
      }
      x = next;
      if (!beyond) {
        return x;
      }
    }
    return x;
  }
}
