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
    if (!c.branches().isEmpty()) {
      out.add(0, branches(c, mid));
    }
    return out;
  }

  /** Each branch and the probability-weighted path at the middle horizon: a few headline numbers. */
  private static Table branches(Comparison c, int p) {
    List<String> header = List.of("branch", "probability", "US GDP %", "US CPI %", "US TB $bn/day", "China GDP %",
        "China TB $bn/day", "dollar (trade-weighted) %");
    List<List<String>> rows = new ArrayList<>();
    for (var b : c.branches()) {
      rows.add(branchRow(c, b.branch().name(), fmt(b.branch().probability(), 2), b.results(), p));
    }
    rows.add(branchRow(c, "probability-weighted", "1.00", c.scenario(), p));
    return new Table(String.format("branches, %s: difference from the baseline", c.label(p)), header, rows);
  }

  private static List<String> branchRow(Comparison c, String name, String prob, accord.sim.Results r, int p) {
    Indicator gdp = indicator("real GDP");
    Indicator cpi = indicator("consumer prices");
    Indicator tb = indicator("trade balance per day");
    return List.of(name, prob,
        fmt(gdp.change(gdp.series().value(r, "USA", p), gdp.series().value(c.baseline(), "USA", p)), 2),
        fmt(cpi.change(cpi.series().value(r, "USA", p), cpi.series().value(c.baseline(), "USA", p)), 2),
        fmt(tb.change(tb.series().value(r, "USA", p), tb.series().value(c.baseline(), "USA", p)), 3),
        fmt(gdp.change(gdp.series().value(r, "CHN", p), gdp.series().value(c.baseline(), "CHN", p)), 2),
        fmt(tb.change(tb.series().value(r, "CHN", p), tb.series().value(c.baseline(), "CHN", p)), 3),
        fmt(100 * (r.value("USDX", p) / c.baseline().value("USDX", p) - 1), 2));
  }

  /** The triggered events that fired, in the scenario or in each branch, with the quarter they took effect. */
  public static List<String> fired(Comparison c) {
    List<String> out = new ArrayList<>();
    if (c.branches().isEmpty()) {
      c.scenario().fired().forEach((name, p) -> out.add("triggered: " + name + ", in effect from " + c.label(p)));
    } else {
      for (var b : c.branches()) {
        b.results().fired().forEach((name, p) -> out.add("triggered in branch " + b.branch().name() + ": " + name
            + ", in effect from " + c.label(p)));
      }
    }
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
