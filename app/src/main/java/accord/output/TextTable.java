package accord.output;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with right-aligned numbers, for the terminal. */
public final class TextTable {

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  public TextTable(List<String> header) {
    this.header = header;
  }

  public void add(List<String> row) {
    rows.add(row);
  }

  public static String number(double v) {
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a >= 1e7 || a < 1e-3) {
      return String.format("%.4e", v);
    }
    return String.format(a >= 1000 ? "%.1f" : a >= 10 ? "%.3f" : "%.4f", v);
  }

  public String render() {
    int[] width = new int[header.size()];
    for (int c = 0; c < width.length; c++) {
      width[c] = header.get(c).length();
      for (List<String> r : rows) {
        width[c] = Math.max(width[c], r.get(c).length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, header, width);
    for (int c = 0; c < width.length; c++) {
      out.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
    }
    out.append('\n');
    rows.forEach(r -> line(out, r, width));
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] width) {
    for (int c = 0; c < width.length; c++) {
      String cell = cells.get(c);
      out.append(c == 0 ? "" : "  ");
      out.append(c == 0 ? cell + " ".repeat(width[c] - cell.length()) : " ".repeat(width[c] - cell.length()) + cell);
    }
    out.append('\n');
  }
}
