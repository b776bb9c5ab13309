package accord.report;

import accord.compare.Table;
import accord.model.AccountMatrix;
import accord.model.Evaluator;
import accord.model.Expr;
import accord.sim.Results;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A transactions-flow or balance-sheet matrix evaluated in one quarter, with each row's and
 * each column's sum: the zeros the accounting checks, shown.
 */
public final class MatrixTable {

  private MatrixTable() {
  }

  public static Table of(Results r, String name, int period) {
    AccountMatrix m = r.model().matrices().stream().filter(x -> x.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the model has no matrix " + name));
    int cols = m.columns().size();
    double[] colSum = new double[cols];
    List<String> header = new ArrayList<>(List.of(""));
    header.addAll(m.columns());
    header.add("row sum");
    List<List<String>> rows = new ArrayList<>();
    for (AccountMatrix.Row row : m.rows()) {
      List<String> cells = new ArrayList<>(List.of(row.label()));
      double sum = 0;
      for (int c = 0; c < cols; c++) {
        Expr cell = row.cells().get(c);
        if (cell == null) {
          cells.add("");
          continue;
        }
        double v = Evaluator.eval(cell, r.rows(), period - 1);
        sum += v;
        colSum[c] += v;
        cells.add(fmt(v));
      }
      double target = row.total() == null ? 0 : Evaluator.eval(row.total(), r.rows(), period - 1);
      cells.add(fmt(sum - target));
      rows.add(cells);
    }
    List<String> sums = new ArrayList<>(List.of("column sum"));
    for (double s : colSum) {
      sums.add(fmt(s));
    }
    sums.add("");
    rows.add(sums);
    return new Table(name + ", " + r.model().periodLabel(period) + (m.doc().isEmpty() ? "" : " (" + m.doc() + ")")
        + ": local currency units a quarter", header, rows);
  }

  private static String fmt(double v) {
    // sums are zero to rounding: shown as 0.000 rather than as 1e-13
    double shown = Math.abs(v) < 5e-4 ? 0 : v;
    return String.format(Locale.ROOT, "%.3f", shown);
  }
}
