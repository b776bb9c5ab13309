package accord.report;

import accord.compare.Table;

/** Small pieces of a self-contained HTML page: escaping, tables, sections. */
public final class Html {

  static final String STYLE = """
      body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;margin:2em auto;max-width:1200px;color:#222;
      line-height:1.4}
      h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ccc}
      h3{font-size:1em;margin-top:1.4em}
      table{border-collapse:collapse;margin:.5em 0 1em;font-size:.85em}
      th,td{padding:.2em .6em;border-bottom:1px solid #e4e4e4}th{background:#f4f4f4;text-align:left}
      td.n{text-align:right;font-variant-numeric:tabular-nums}
      pre{background:#f7f7f7;padding:.8em;overflow-x:auto;font-size:.85em}
      .note{color:#444;max-width:60em}.chart{margin:1em 0}.muted{color:#777;font-size:.85em}
      .zero{color:#2a7a2a}.bad{color:#b00020;font-weight:bold}
      """;

  private Html() {
  }

  public static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  static String table(Table t) {
    StringBuilder b = new StringBuilder("<h3>").append(esc(t.title())).append("</h3>\n<table><tr>");
    t.header().forEach(h -> b.append("<th>").append(esc(h)).append("</th>"));
    b.append("</tr>\n");
    for (var row : t.rows()) {
      b.append("<tr>");
      for (String cell : row) {
        b.append(isNumber(cell) ? "<td class=\"n\">" : "<td>").append(esc(cell)).append("</td>");
      }
      b.append("</tr>\n");
    }
    return b.append("</table>\n").toString();
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
