package accord.web;

import accord.sim.Results;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flows between the regions that the lab draws as Sankeys, in one quarter of a world run, USD
 * bn at an annual rate, each read off the model's own series as its outputs block writes them:
 * goods exports as TBG sums them, and net purchases of debt as the financial account FA sums them.
 */
final class Flows {

  private Flows() {
  }

  /** Goods exports from each region to each other: the exporter's receipts over its exchange rate (as TBG). */
  static List<Map<String, Object>> goods(Results r, int period) {
    List<String> regions = regions(r);
    List<String> goods = r.model().sets().get("Goods").elements();
    List<Map<String, Object>> out = new ArrayList<>();
    for (String o : regions) {
      for (String d : regions) {
        if (o.equals(d)) {
          continue;
        }
        double v = 0;
        for (String s : goods) {
          v += 4 * r.value("EXV[" + o + "," + d + "," + s + "]", period) / r.value("e[" + o + "]", period);
        }
        out.add(Map.of("from", o, "to", d, "value", v));
      }
    }
    return out;
  }

  /**
   * Each region's net purchases of each other region's debt (bills and bonds), by its households
   * and firms ({@code private}) and by its reserve managers ({@code official}), as the financial
   * account FA counts them: the change in holdings less the bonds' capital gains, over the
   * issuer's exchange rate. Negative: net sales. The model keeps debt by holder and issuer; equity
   * it keeps by region only ({@link #equity}).
   */
  static List<Map<String, Object>> debt(Results r, int period) {
    List<String> regions = regions(r);
    List<Map<String, Object>> out = new ArrayList<>();
    for (String k : regions) {
      for (String j : regions) {
        if (k.equals(j)) {
          continue;
        }
        double e = r.value("e[" + j + "]", period);
        double gain = 1 + r.value("grl[" + j + "]", period);
        double priv = 4 * (change(r, "BH", k, j, period) + bonds(r, "BLF", k, j, period, gain)
            + change(r, "BFS", k, j, period) + bonds(r, "BFL", k, j, period, gain)) / e;
        double official = 4 * (change(r, "RBS", k, j, period) + bonds(r, "RBL", k, j, period, gain)) / e;
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("holder", k);
        f.put("issuer", j);
        f.put("private", priv);
        f.put("official", official);
        f.put("value", priv + official);
        out.add(f);
      }
    }
    return out;
  }

  /**
   * The net lending between each pair of regions: what {@code from} bought of {@code to}'s debt less
   * what {@code to} bought of {@code from}'s, positive (each pair once, in the direction it nets).
   */
  static List<Map<String, Object>> netLending(List<Map<String, Object>> debt) {
    Map<String, Double> by = new LinkedHashMap<>();
    for (Map<String, Object> f : debt) {
      by.put(f.get("holder") + ">" + f.get("issuer"), (Double) f.get("value"));
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> f : debt) {
      String k = (String) f.get("holder");
      String j = (String) f.get("issuer");
      double net = by.get(k + ">" + j) - by.get(j + ">" + k);
      if (net > 0) {
        out.add(Map.of("from", k, "to", j, "value", net));
      }
    }
    return out;
  }

  /** Each region's net equity flow (portfolio and direct), which the model keeps by region, not by partner. */
  static Map<String, Double> equity(Results r, int period) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String k : regions(r)) {
      // as FA: households' purchases and direct investment abroad, less the region's new equity sold
      out.put(k, 4 * (r.value("NEQH[" + k + "]", period) + r.value("NFDI[" + k + "]", period)
          - r.value("NEQ[" + k + "]", period)) / r.value("e[" + k + "]", period));
    }
    return out;
  }

  private static double change(Results r, String series, String k, String j, int period) {
    String label = series + "[" + k + "," + j + "]";
    return r.value(label, period) - r.value(label, period - 1);
  }

  private static double bonds(Results r, String series, String k, String j, int period, double gain) {
    String label = series + "[" + k + "," + j + "]";
    return r.value(label, period) - gain * r.value(label, period - 1);
  }

  private static List<String> regions(Results r) {
    return r.model().sets().get("Region").elements();
  }
}
