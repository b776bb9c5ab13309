package accord.web;

import accord.events.LeverFields;
import accord.lang.Range;
import accord.lang.SourceFile;
import accord.lang.Span;
import accord.model.Model;
import accord.yaml.YamlTree;
import accord.yaml.YamlTree.Field;
import accord.yaml.YamlTree.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The numbers a library scenario's events write, each a lever a request may move: named
 * {@code tariff[2].rate} (the scenario's second tariff event, its rate; the name accord grid's
 * --vary takes), with the range the events' reader accepts ({@link LeverFields}; for the {@code
 * set} lever, the model's declared range of the series it sets) and its place in the file.
 */
record ScenarioLevers(List<EventView> events) {

  private static final Set<String> TIMING = Set.of("at", "until", "phase_in", "when");

  /** One numeric field of an event: its name, value, bound and where the file writes it. */
  record Lever(String name, String field, double value, double min, double max, boolean whole, String meaning,
      Span span) {
  }

  /** One event of the scenario: its place, lever, quarters, what it is about, and its numbers. */
  record EventView(int index, String lever, String at, String until, String about, List<Lever> levers) {
  }

  ScenarioLevers {
    events = List.copyOf(events);
  }

  /** Every lever, by name. */
  Map<String, Lever> byName() {
    Map<String, Lever> out = new LinkedHashMap<>();
    events.forEach(e -> e.levers().forEach(l -> out.put(l.name(), l)));
    return out;
  }

  /** The levers of the scenario's own events (not those of its branches) in {@code text}; {@code model} bounds set: values. */
  static ScenarioLevers of(String fileName, String text, Model model) {
    Node root = YamlTree.parse(new SourceFile(fileName, text));
    List<EventView> out = new ArrayList<>();
    if (!root.isMap() || !root.map().containsKey("events") || !root.map().get("events").value().isList()) {
      return new ScenarioLevers(out);
    }
    Map<String, Integer> counts = new HashMap<>();
    int index = 0;
    for (Node item : root.map().get("events").value().list()) {
      index++;
      if (!item.isMap()) {
        continue;
      }
      Map<String, Field> m = item.map();
      String lever = m.keySet().stream().filter(k -> !TIMING.contains(k)).findFirst().orElse(null);
      if (lever == null) {
        continue;
      }
      int k = counts.merge(lever, 1, Integer::sum);
      String event = lever + "[" + k + "]";
      Node body = m.get(lever).value();
      List<Lever> levers = new ArrayList<>();
      if (body.isMap()) {
        body.map().forEach((field, f) -> {
          if (f.value().value() instanceof Number n) {
            Lever l = lever.equals("set") ? setLever(event, field, n.doubleValue(), f.value().span(), model)
                : bounded(event + "." + field, field, LeverFields.of(lever, variantOf(body, lever), field), n, f);
            if (l != null) {
              levers.add(l);
            }
          }
        });
      }
      if (m.containsKey("phase_in") && m.get("phase_in").value().value() instanceof Number n) {
        levers.add(bounded(event + ".phase_in", "phase_in", LeverFields.bound("event.phase_in"), n, m.get("phase_in")));
      }
      out.add(new EventView(index, lever, text(m.get("at")), text(m.get("until")), about(body), levers));
    }
    return new ScenarioLevers(out);
  }

  /** The field that picks a bound's variant: a capital_measure's kind, a reserve_policy's action. */
  private static String variantOf(Node body, String lever) {
    String key = switch (lever) {
      case "capital_measure" -> "kind";
      case "reserve_policy" -> "action";
      default -> null;
    };
    Field f = key == null ? null : body.map().get(key);
    return f != null && f.value().value() instanceof String s ? s : null;
  }

  private static Lever bounded(String name, String field, LeverFields.Bound b, Number n, Field f) {
    if (b == null) {
      return null;
    }
    return new Lever(name, field, n.doubleValue(), b.min(), b.max(), b.whole(), b.meaning(), f.value().span());
  }

  /** A value of the set lever: the model's declared range of the series (unbounded where it declares none). */
  private static Lever setLever(String event, String label, double v, Span span, Model model) {
    int slot = model.slotOf(label);
    Range r = slot < 0 ? Range.ANY : model.slots().get(slot).range();
    String doc = slot < 0 ? "" : model.slots().get(slot).doc();
    return new Lever(event + "." + label, label, v, r.low(), r.high(), false, doc, span);
  }

  private static String text(Field f) {
    return f == null ? null : String.valueOf(f.value().value());
  }

  /** What the event is about, in its own words: its fields other than the numbers (importer: USA, ...). */
  private static String about(Node body) {
    if (!body.isMap()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    body.map().forEach((k, f) -> {
      Node v = f.value();
      if (!(v.value() instanceof Number)) {
        parts.add(k + ": " + scalar(v));
      }
    });
    return String.join(", ", parts);
  }

  private static String scalar(Node v) {
    if (v.isList()) {
      return "[" + String.join(", ", v.list().stream().map(ScenarioLevers::scalar).toList()) + "]";
    }
    if (v.isMap()) {
      return "{" + String.join(", ", v.map().entrySet().stream().map(e -> e.getKey() + ": " + scalar(e.getValue().value()))
          .toList()) + "}";
    }
    return String.valueOf(v.value());
  }
}
