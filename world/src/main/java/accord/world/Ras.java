package accord.world;

/**
 * Biproportional (RAS) balancing of a non-negative matrix to given row and column totals
 * (Stone 1961; Bacharach 1970). Used where sources disagree: exporters' and importers' totals
 * are brought to one world total, then the bilateral matrix is scaled to match both.
 */
final class Ras {

  private Ras() {
  }

  /** Scales m in place until its row sums are rows and its column sums cols (same grand total). */
  static void balance(double[][] m, double[] rows, double[] cols) {
    int n = m.length;
    for (int iter = 0; iter < 2000; iter++) {
      double worst = 0;
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < n; j++) {
          s += m[i][j];
        }
        if (s > 0) {
          for (int j = 0; j < n; j++) {
            m[i][j] *= rows[i] / s;
          }
        }
      }
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int i = 0; i < n; i++) {
          s += m[i][j];
        }
        if (s > 0) {
          for (int i = 0; i < n; i++) {
            m[i][j] *= cols[j] / s;
          }
        }
        worst = Math.max(worst, Math.abs(s - cols[j]) / Math.max(1, cols[j]));
      }
      if (worst < 1e-13) {
        return;
      }
    }
  }
}
