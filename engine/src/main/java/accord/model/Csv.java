package accord.model;

import java.util.ArrayList;
import java.util.List;

/** A minimal CSV reader (RFC 4180 quoting, '#' comment lines) for model data files. */
public final class Csv {

  /** The header and the data rows; {@code lines[i]} is the 1-based file line of row i. */
  public record Table(List<String> header, List<List<String>> rows, List<Integer> lines) {

    public int column(String name) {
      for (int i = 0; i < header.size(); i++) {
        if (header.get(i).trim().equals(name)) {
          return i;
        }
      }
      return -1;
    }
  }

  private Csv() {
  }

  public static Table parse(String text) {
    List<String> header = null;
    List<List<String>> rows = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    int lineNo = 0;
    for (String line : text.split("\r?\n", -1)) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      List<String> fields = fields(line);
      if (header == null) {
        header = fields;
      } else {
        rows.add(fields);
        lines.add(lineNo);
      }
    }
    return new Table(header == null ? List.of() : header, rows, lines);
  }

  /** A field of a line: its text (quotes removed, spaces stripped) and where it stands (1-based column, length). */
  public record Cell(String text, int col, int length) {
  }

  static List<String> fields(String line) {
    return cells(line).stream().map(Cell::text).toList();
  }

  /** The fields of one line, each with its place, for messages that point at a field. */
  public static List<Cell> cells(String line) {
    List<Cell> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i <= line.length(); i++) {
      char c = i < line.length() ? line.charAt(i) : ',';
      if (quoted && i < line.length()) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        String raw = line.substring(start, i);
        int lead = raw.length() - raw.stripLeading().length();
        out.add(new Cell(cur.toString().strip(), start + lead + 1, Math.max(1, raw.strip().length())));
        cur.setLength(0);
        start = i + 1;
      } else {
        cur.append(c);
      }
    }
    return out;
  }
}
