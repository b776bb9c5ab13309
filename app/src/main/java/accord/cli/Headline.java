package accord.cli;

import accord.model.IndexSet;
import accord.output.TextTable;
import accord.sim.Results;
import java.util.ArrayList;
import java.util.List;

/**
 * The world model's headline table: per region, GDP growth over the run, the current account
 * as a share of GDP, the trade balance a year and a day, the exchange rate and the policy rate
 * in the last quarter. Applies to any model with a set Region and these series.
 */
final class Headline {

  private static final List<String> NEEDED = List.of("GDP", "RGDP", "CA", "TB", "FX", "R");

  private Headline() {
  }

  static boolean applies(Results r) {
    return r.model().sets().containsKey("Region") && NEEDED.stream().allMatch(r.model().series()::containsKey);
  }

  static String table(Results r) {
    IndexSet regions = r.model().sets().get("Region");
    int first = 2;
    int last = r.periods();
    double years = (last - first) / 4.0;
    String lastLabel = r.model().periodLabel(last);
    TextTable t = new TextTable(List.of("region", "real GDP growth %/yr", "CA/GDP %", "TB $bn/yr", "TB $bn/day",
        "FX (per USD)", "policy rate %"));
    for (String g : regions.elements()) {
      double growth = years > 0 ? 100 * (Math.pow(r.value("RGDP[" + g + "]", last) / r.value("RGDP[" + g + "]", first),
          1 / years) - 1) : 0;
      double gdp = r.value("GDP[" + g + "]", last);
      double tb = r.value("TB[" + g + "]", last);
      List<String> row = new ArrayList<>(List.of(g, String.format("%.2f", growth),
          String.format("%.2f", 100 * r.value("CA[" + g + "]", last) / gdp), String.format("%.1f", tb),
          String.format("%.2f", tb / 365), TextTable.number(r.value("FX[" + g + "]", last)),
          String.format("%.2f", r.value("R[" + g + "]", last))));
      t.add(row);
    }
    return "headline, " + r.model().periodLabel(first) + " to " + lastLabel + " (flows at annual rates in " + lastLabel
        + "):\n" + t.render();
  }
}
