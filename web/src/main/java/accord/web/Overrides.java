package accord.web;

import accord.lang.Span;
import accord.model.Names;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's new values for a scenario's levers, written into the scenario's text in the
 * places the file gives them, so that the scenario's own reader checks each as if it had been
 * written there: a value it refuses is reported at that line, with the same message the command
 * line prints for the same file.
 */
final class Overrides {

  /** The most values one request may change. */
  static final int MAX = 200;

  private Overrides() {
  }

  /**
   * The levers each name means: {@code tariff[2].rate} as listed, or {@code tariff.rate} for the
   * scenario's only tariff event. E704 for a name the scenario lacks, E705 for a value that is no
   * finite number, E706 for too many.
   */
  static Map<ScenarioLevers.Lever, Double> resolve(String scenario, ScenarioLevers levers, Map<String, Double> values) {
    if (values.size() > MAX) {
      throw new ApiError(400, "E706", "the request changes " + values.size() + " values; at most " + MAX,
          "send only the levers that move");
    }
    Map<String, ScenarioLevers.Lever> named = levers.byName();
    Map<ScenarioLevers.Lever, Double> out = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : values.entrySet()) {
      ScenarioLevers.Lever l = find(named, e.getKey());
      if (l == null) {
        String near = Names.didYouMean(e.getKey(), named.keySet());
        throw new ApiError(400, "E704", "overrides: scenario " + scenario + " has no lever '" + e.getKey() + "'",
            (near.isEmpty() ? "" : near + "; ") + (named.isEmpty() ? "its events write no numbers"
                : "its levers are: " + String.join(", ", shortList(named.keySet()))));
      }
      Double v = e.getValue();
      if (v == null || !Double.isFinite(v)) {
        throw new ApiError(400, "E705", "overrides: '" + e.getKey() + "' must be a finite number, not " + v,
            "give a number such as 0.25");
      }
      if (out.put(l, v) != null) {
        throw new ApiError(400, "E705", "overrides: '" + e.getKey() + "' names a lever another override names already",
            "give each lever once");
      }
    }
    return out;
  }

  private static List<String> shortList(java.util.Collection<String> names) {
    List<String> all = new ArrayList<>(names);
    if (all.size() <= 40) {
      return all;
    }
    List<String> cut = new ArrayList<>(all.subList(0, 40));
    cut.add("... (" + (all.size() - 40) + " more: GET /api/scenarios/{name} lists them)");
    return cut;
  }

  /** {@code tariff[2].rate}, or {@code tariff.rate} when the scenario has one tariff event. */
  private static ScenarioLevers.Lever find(Map<String, ScenarioLevers.Lever> named, String name) {
    ScenarioLevers.Lever l = named.get(name);
    if (l != null || name.contains("[")) {
      return l;
    }
    int dot = name.indexOf('.');
    if (dot < 0) {
      return null;
    }
    String lever = name.substring(0, dot);
    String rest = name.substring(dot);
    ScenarioLevers.Lever only = named.get(lever + "[1]" + rest);
    return only != null && !named.containsKey(lever + "[2]" + rest) ? only : null;
  }

  /** The text with each lever's value replaced, right to left within a line so that columns stay put. */
  static String apply(String text, Map<ScenarioLevers.Lever, Double> values) {
    String[] lines = text.split("\n", -1);
    List<Map.Entry<ScenarioLevers.Lever, Double>> order = new ArrayList<>(values.entrySet());
    order.sort(Comparator.<Map.Entry<ScenarioLevers.Lever, Double>>comparingInt(e -> e.getKey().span().line())
        .thenComparing(e -> -e.getKey().span().col()));
    for (Map.Entry<ScenarioLevers.Lever, Double> e : order) {
      Span s = e.getKey().span();
      String line = lines[s.line() - 1];
      int from = s.col() - 1;
      lines[s.line() - 1] = line.substring(0, from) + number(e.getValue()) + line.substring(from + s.length());
    }
    return String.join("\n", lines);
  }

  /** The shortest decimal that reads back as the same double (0.3, not 0.29999999999999998890). */
  static String number(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
