package accord.compare;

import accord.output.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A comparison as tables: one headline table per horizon, the bilateral balances and the sectors. */
public final class ComparisonText {

  /** The headline columns: indicator name as in {@link Indicator#HEADLINE}, header, decimals. */
  private static final List<String[]> COLUMNS = List.of(
      new String[] {"real GDP", "GDP %", "2"},
      new String[] {"consumer prices", "CPI %", "2"},
      new String[] {"current account", "CA $bn/yr", "1"},
      new String[] {"current account / GDP", "CA pts GDP", "2"},
      new String[] {"trade balance per day", "TB $bn/day", "3"},
      new String[] {"exchange rate (up = own currency weaker: local currency per USD; for the USA the trade-weighted dollar)", "FX %", "2"},
      new String[] {"policy rate", "rate pp", "2"},
      new String[] {"10-year yield", "10y pp", "2"},
      new String[] {"equity prices", "equities %", "2"},
      new String[] {"official reserves", "reserves $bn", "1"},
      new String[] {"tariff revenue", "tariffs $bn/yr", "1"});

  private ComparisonText() {
  }

  /** The comparison as text tables. */
  public static String render(Comparison c) {
    StringBuilder out = new StringBuilder();
    for (Table t : tables(c)) {
      TextTable text = new TextTable(t.header());
      t.rows().forEach(text::add);
      out.append(t.title()).append('\n').append(text.render()).append('\n');
    }
    return out.toString().stripTrailing() + "\n";
  }

  /** The comparison's tables: the headline at each horizon, the bilateral balances, the sectors. */
  public static List<Table> tables(Comparison c) {
    List<Table> out = new ArrayList<>();
    for (int p : c.periods()) {
      List<String> header = new ArrayList<>(List.of("region"));
      COLUMNS.forEach(col -> header.add(col[1]));
      List<List<String>> rows = new ArrayList<>();
      for (String g : c.regions()) {
        List<String> row = new ArrayList<>(List.of(g));
        for (String[] col : COLUMNS) {
          Indicator x = indicator(col[0]);
          row.add(fmt(x.change(x.series().value(c.scenario(), g, p), x.series().value(c.baseline(), g, p)),
              Integer.parseInt(col[2])));
        }
        rows.add(row);
      }
      out.add(new Table(String.format("%s (%d quarters from %s): difference from the baseline", c.label(p), c.horizon(p),
          c.label(c.start())), header, rows));
    }
    int mid = c.periods().get(Math.min(1, c.periods().size() - 1));
    List<String> header = new ArrayList<>(List.of("region"));
    header.addAll(c.regions());
    List<List<String>> rows = new ArrayList<>();
    for (String g : c.regions()) {
      List<String> row = new ArrayList<>(List.of(g));
      for (String partner : c.regions()) {
        row.add(partner.equals(g) ? "" : fmt(c.scenario().value("TBG[" + g + "," + partner + "]", mid)
            - c.baseline().value("TBG[" + g + "," + partner + "]", mid), 1));
      }
      rows.add(row);
    }
    out.add(new Table(String.format("goods balance of each region (rows) with each partner (columns), %s: difference"
        + " from the baseline, USD bn a year", c.label(mid)), header, rows));
    List<String> sh = new ArrayList<>(List.of("region"));
    for (String group : Comparison.SECTOR_GROUPS.keySet()) {
      sh.add(group + " output");
      sh.add("prices");
    }
    List<List<String>> srows = new ArrayList<>();
    for (String g : c.regions()) {
      List<String> row = new ArrayList<>(List.of(g));
      for (Map.Entry<String, List<String>> e : Comparison.SECTOR_GROUPS.entrySet()) {
        row.add(fmt(100 * (Comparison.output(c.scenario(), g, e.getValue(), mid)
            / Comparison.output(c.baseline(), g, e.getValue(), mid) - 1), 2));
        row.add(fmt(100 * (c.price(c.scenario(), g, e.getValue(), mid) / c.price(c.baseline(), g, e.getValue(), mid)
            - 1), 2));
      }
      srows.add(row);
    }
    out.add(new Table(String.format("sectors, %s: real output and producer prices, %% from the baseline", c.label(mid)),
        sh, srows));
    return out;
  }

  static Indicator indicator(String name) {
    return Indicator.HEADLINE.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
  }

  static String fmt(double v, int decimals) {
    String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
    // no "-0.00": a difference that rounds to zero is shown as zero
    return s.matches("-0\\.?0*") ? s.substring(1) : s;
  }
}
