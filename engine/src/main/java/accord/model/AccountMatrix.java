package accord.model;

import accord.lang.Span;
import java.util.List;

/** A balance-sheet or transactions-flow matrix: every row and column must sum to zero. */
public record AccountMatrix(String name, String doc, List<String> columns, List<Row> rows, Span span) {

  /** A row; a null cell is empty; {@code total} is the row's stated sum (null means zero). */
  public record Row(String label, List<Expr> cells, Expr total, Span span) {
  }
}
