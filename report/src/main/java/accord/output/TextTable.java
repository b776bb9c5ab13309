package accord.output;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table for the terminal: numbers right-aligned, text left-aligned. */
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
    boolean[] text = new boolean[width.length];
    for (int c = 1; c < width.length; c++) {
      for (List<String> r : rows) {
        text[c] |= !isNumber(r.get(c));
      }
    }
    text[0] = true;
    StringBuilder out = new StringBuilder();
    line(out, header, width, text);
    for (int c = 0; c < width.length; c++) {
      out.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
    }
    out.append('\n');
    rows.forEach(r -> line(out, r, width, text));
    return out.toString();
  }

  /** A number, an empty cell or a parenthesised remark in a column of numbers. */
  private static boolean isNumber(String cell) {
    if (cell.isEmpty() || cell.startsWith("(")) {
      return true;
    }
    try {
      Double.parseDouble(cell.replace(",", ""));
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static void line(StringBuilder out, List<String> cells, int[] width, boolean[] text) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < width.length; c++) {
      String cell = cells.get(c);
      String pad = " ".repeat(width[c] - cell.length());
      line.append(c == 0 ? "" : "  ").append(text[c] ? cell + pad : pad + cell);
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }
}
