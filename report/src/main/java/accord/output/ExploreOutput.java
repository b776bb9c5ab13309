package accord.output;

import accord.explore.channels.Channel;
import accord.explore.channels.ChannelDecomposition;
import accord.explore.grid.Grid;
import accord.explore.grid.Vary;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The exploring commands' tables (terminal) and CSV files. */
public final class ExploreOutput {

  private ExploreOutput() {
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static String share(double part, double total) {
    return total == 0 ? "" : String.format(Locale.ROOT, "%.1f%%", 100 * part / total);
  }

  /** The channel key of the CSV: the switch without its prefix (tar, fx, pr, dem, cap, pol). */
  static String key(Channel c) {
    return c.id().startsWith(Channel.PREFIX) ? c.id().substring(Channel.PREFIX.length()) : c.id();
  }

  public static String table(ChannelDecomposition d) {
    TextTable t = new TextTable(List.of("channel", "switch", "contribution", "share", "switched off alone"));
    for (int i = 0; i < d.channels().size(); i++) {
      Channel c = d.channels().get(i);
      t.add(List.of(c.name(), c.id(), f(d.shapley()[i]), share(d.shapley()[i], d.total()), f(d.leaveOneOut()[i])));
    }
    t.add(List.of("rest (every channel off)", "", f(d.rest()), share(d.rest(), d.total()), ""));
    t.add(List.of("total", "", f(d.total()), share(d.total(), d.total()), ""));
    double alone = 0;
    for (double x : d.leaveOneOut()) {
      alone += x;
    }
    return d.effect().label() + " in " + d.quarter() + ", scenario less baseline, " + d.effect().unit()
        + (d.effect().unit().startsWith("USD") ? " (annual rate)" : "") + "\n" + t.render()
        + String.format(Locale.ROOT, "interactions: %s %s (through the channels %s, less the sum of the %d channels "
            + "switched off one at a time, %s; Shapley values share them out)%n", f(d.interactions()), d.effect().unit(),
            f(d.total() - d.rest()), d.channels().size(), f(alone));
  }

  /**
   * One row per channel, one for what is left with every channel off ({@code rest}) and a {@code
   * total}, for each output.
   */
  public static void csv(List<ChannelDecomposition> ds, Path file) {
    List<String> header = List.of("output", "element", "quarter", "channel", "switch", "name", "contribution", "share",
        "switched_off_alone", "unit");
    List<List<String>> rows = new ArrayList<>();
    for (ChannelDecomposition d : ds) {
      String label = d.effect().label();
      int open = label.indexOf('[');
      String output = open < 0 ? label : label.substring(0, open);
      String element = open < 0 ? "" : label.substring(open + 1, label.length() - 1);
      for (int i = 0; i < d.channels().size(); i++) {
        Channel c = d.channels().get(i);
        rows.add(List.of(output, element, d.quarter(), key(c), c.id(), c.name(), num(d.shapley()[i]),
            num(d.total() == 0 ? Double.NaN : d.shapley()[i] / d.total()), num(d.leaveOneOut()[i]), d.effect().unit()));
      }
      rows.add(List.of(output, element, d.quarter(), "rest", "", "every channel off", num(d.rest()),
          num(d.total() == 0 ? Double.NaN : d.rest() / d.total()), "", d.effect().unit()));
      rows.add(List.of(output, element, d.quarter(), "total", "", "the scenario's effect", num(d.total()),
          num(d.total() == 0 ? Double.NaN : 1.0), "", d.effect().unit()));
    }
    write(file, header, rows);
  }

  public static String table(Grid.Result g) {
    StringBuilder out = new StringBuilder();
    out.append(g.effect().label()).append(" in ").append(g.quarter()).append(": baseline ").append(f(g.baseline()))
        .append("; the grid's points as differences from it, ").append(g.effect().unit()).append('\n');
    if (g.fields().size() == 2) {
      Vary rows = g.fields().get(0);
      Vary cols = g.fields().get(1);
      List<String> header = new ArrayList<>();
      header.add(rows.name() + " \\ " + cols.name());
      cols.values().forEach(v -> header.add(v.toPlainString()));
      TextTable t = new TextTable(header);
      for (int i = 0; i < rows.values().size(); i++) {
        List<String> row = new ArrayList<>();
        row.add(rows.values().get(i).toPlainString());
        for (int j = 0; j < cols.values().size(); j++) {
          row.add(f(g.points().get(i * cols.values().size() + j).difference()));
        }
        t.add(row);
      }
      return out.append(t.render()).toString();
    }
    List<String> header = new ArrayList<>(g.fields().stream().map(Vary::name).toList());
    header.add(g.effect().label());
    header.add("difference");
    TextTable t = new TextTable(header);
    for (Grid.Point p : g.points()) {
      List<String> row = new ArrayList<>(p.values().stream().map(BigDecimal::toPlainString).toList());
      row.add(f(p.value()));
      row.add(f(p.difference()));
      t.add(row);
    }
    return out.append(t.render()).toString();
  }

  /** One row per point: the fields' values, then the output's value, the baseline's and the difference. */
  public static void csv(Grid.Result g, Path file) {
    List<String> header = new ArrayList<>(g.fields().stream().map(Vary::name).toList());
    header.addAll(List.of("output", "quarter", "value", "baseline", "difference", "unit"));
    List<List<String>> rows = new ArrayList<>();
    for (Grid.Point p : g.points()) {
      List<String> row = new ArrayList<>(p.values().stream().map(BigDecimal::toPlainString).toList());
      row.addAll(List.of(g.effect().label(), g.quarter(), num(p.value()), num(g.baseline()), num(p.difference()),
          g.effect().unit()));
      rows.add(row);
    }
    write(file, header, rows);
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  private static void write(Path file, List<String> header, List<List<String>> rows) {
    OutputFile.writeText(file, "--out", w -> {
      w.write(line(header));
      for (List<String> r : rows) {
        w.write(line(r));
      }
    });
  }

  private static String line(List<String> cells) {
    List<String> out = new ArrayList<>();
    for (String c : cells) {
      out.add(c.contains(",") || c.contains("\"") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
    }
    return String.join(",", out) + "\n";
  }
}
