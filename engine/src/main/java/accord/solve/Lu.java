package accord.solve;

/** Dense LU decomposition with partial pivoting (Golub and Van Loan, algorithm 3.4.1). */
public final class Lu {

  private Lu() {
  }

  /** At most this many sweeps of equilibration (each halves the logarithm of what is left). */
  private static final int EQUILIBRATION_SWEEPS = 40;

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

  /**
   * How far the n x n matrix {@code a} is from singular, in a measure that does not depend on the
   * units of the equations or of the variables: {@code a} is scaled by rows and columns so that
   * its term magnitudes {@code mag} (each at least |a[i][j]|: the sum of the absolute values of
   * the terms that were added up into a[i][j]) peak at 1 in every row and every column, and is
   * then factored with complete pivoting, which reveals the rank; the answer is the smallest
   * pivot, 0 for a row or column without terms, with the row it was found in (the equation that
   * depends on the others). When the equations are not independent their terms cancel, and the
   * last pivot is round-off: about 1e-16 times the terms added up. {@code work} (n x n) and
   * {@code rowScale}, {@code colScale} (n) are scratch.
   */
  public static Pivot smallestScaledPivot(double[] a, double[] mag, int n, double[] work, double[] rowScale,
      double[] colScale) {
    for (int i = 0; i < n; i++) {
      double m = 0;
      double c = 0;
      for (int j = 0; j < n; j++) {
        m = Math.max(m, mag[i * n + j]);
        c = Math.max(c, mag[j * n + i]);
      }
      if (!(m > 0) || !Double.isFinite(m)) {
        return new Pivot(0, i);
      }
      if (!(c > 0) || !Double.isFinite(c)) {
        return new Pivot(0, rowOfLargest(mag, n, i));
      }
      rowScale[i] = 1;
      colScale[i] = 1;
    }
    // Ruiz's equilibration: rows and columns divided by the square root of their largest term
    // until every one peaks at 1 (to a few percent), whatever the units were
    for (int sweep = 0; sweep < EQUILIBRATION_SWEEPS; sweep++) {
      boolean done = true;
      for (int i = 0; i < n; i++) {
        double m = 0;
        for (int j = 0; j < n; j++) {
          m = Math.max(m, mag[i * n + j] * colScale[j]);
        }
        m *= rowScale[i];
        done &= Math.abs(m - 1) < 0.01;
        rowScale[i] /= Math.sqrt(m);
      }
      for (int j = 0; j < n; j++) {
        double m = 0;
        for (int i = 0; i < n; i++) {
          m = Math.max(m, mag[i * n + j] * rowScale[i]);
        }
        m *= colScale[j];
        done &= Math.abs(m - 1) < 0.01;
        colScale[j] /= Math.sqrt(m);
      }
      if (done) {
        break;
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        work[i * n + j] = a[i * n + j] * rowScale[i] * colScale[j];
      }
    }
    int[] row = new int[n];
    for (int i = 0; i < n; i++) {
      row[i] = i;
    }
    Pivot smallest = new Pivot(Double.POSITIVE_INFINITY, 0);
    for (int c = 0; c < n; c++) {
      int pr = c;
      int pc = c;
      double max = -1;
      for (int r = c; r < n; r++) {
        for (int j = c; j < n; j++) {
          double v = Math.abs(work[r * n + j]);
          if (v > max) {
            max = v;
            pr = r;
            pc = j;
          }
        }
      }
      int original = row[pr];
      if (!(max > 0) || !Double.isFinite(max)) {
        return new Pivot(0, original);
      }
      if (max < smallest.value()) {
        smallest = new Pivot(max, original);
      }
      swapRows(work, n, c, pr);
      row[pr] = row[c];
      row[c] = original;
      for (int r = 0; r < n; r++) {
        double tmp = work[r * n + c];
        work[r * n + c] = work[r * n + pc];
        work[r * n + pc] = tmp;
      }
      double d = work[c * n + c];
      for (int r = c + 1; r < n; r++) {
        double m = work[r * n + c] / d;
        if (m != 0) {
          for (int j = c + 1; j < n; j++) {
            work[r * n + j] -= m * work[c * n + j];
          }
        }
      }
    }
    return smallest;
  }

  /** A pivot's absolute value and the original row it came from. */
  public record Pivot(double value, int row) {
  }

  private static int rowOfLargest(double[] a, int n, int j) {
    int best = 0;
    for (int i = 1; i < n; i++) {
      if (a[i * n + j] > a[best * n + j]) {
        best = i;
      }
    }
    return best;
  }

  private static void swapRows(double[] a, int n, int r1, int r2) {
    if (r1 != r2) {
      for (int j = 0; j < n; j++) {
        double tmp = a[r1 * n + j];
        a[r1 * n + j] = a[r2 * n + j];
        a[r2 * n + j] = tmp;
      }
    }
  }
}
