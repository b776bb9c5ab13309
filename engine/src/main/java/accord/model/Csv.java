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

  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
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
        out.add(cur.toString().trim());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString().trim());
    return out;
  }
}
