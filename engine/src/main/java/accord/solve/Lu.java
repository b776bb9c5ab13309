package accord.solve;

/** Dense LU decomposition with partial pivoting (Golub and Van Loan, algorithm 3.4.1). */
public final class Lu {

  private Lu() {
  }

  /** Factors the n x n row-major matrix a in place; false when it is singular. */
  public static boolean factor(double[] a, int n, int[] pivot) {
    for (int c = 0; c < n; c++) {
      int p = c;
      double max = Math.abs(a[c * n + c]);
      for (int r = c + 1; r < n; r++) {
        double v = Math.abs(a[r * n + c]);
        if (v > max) {
          max = v;
          p = r;
        }
      }
      pivot[c] = p;
      if (max < 1e-300 || !Double.isFinite(max)) {
        return false;
      }
      if (p != c) {
        for (int j = 0; j < n; j++) {
          double tmp = a[c * n + j];
          a[c * n + j] = a[p * n + j];
          a[p * n + j] = tmp;
        }
      }
      double d = a[c * n + c];
      for (int r = c + 1; r < n; r++) {
        double m = a[r * n + c] / d;
        a[r * n + c] = m;
        if (m != 0) {
          for (int j = c + 1; j < n; j++) {
            a[r * n + j] -= m * a[c * n + j];
          }
        }
      }
    }
    return true;
  }

  /** Solves A x = b in place in b, with A factored by {@link #factor}. */
  public static void solve(double[] lu, int n, int[] pivot, double[] b) {
    // rows were swapped whole during the factorisation (LAPACK's getrf): permute b first
    for (int c = 0; c < n; c++) {
      int p = pivot[c];
      if (p != c) {
        double tmp = b[c];
        b[c] = b[p];
        b[p] = tmp;
      }
    }
    for (int r = 1; r < n; r++) {
      double s = b[r];
      for (int j = 0; j < r; j++) {
        s -= lu[r * n + j] * b[j];
      }
      b[r] = s;
    }
    for (int r = n - 1; r >= 0; r--) {
      double s = b[r];
      for (int j = r + 1; j < n; j++) {
        s -= lu[r * n + j] * b[j];
      }
      b[r] = s / lu[r * n + r];
    }
  }
}
