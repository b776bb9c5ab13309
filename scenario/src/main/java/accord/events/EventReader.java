package accord.events;

import accord.lang.Diagnostic;
import accord.lang.Span;
import accord.model.Model;
import accord.yaml.YamlTree.Field;
import accord.yaml.YamlTree.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a world scenario's {@code events:} list: each event has a quarter ({@code at}, and
 * optionally {@code until} and {@code phase_in}) and exactly one lever of the vocabulary
 * (docs/scenarios.md), which {@link Levers} lowers to the model's series.
 */
public final class EventReader {

  static final List<String> LEVERS = List.of("tariff", "non_tariff_barrier", "export_control", "capital_measure",
      "currency_accord", "reserve_policy", "household_transfer", "monetary_stance", "risk_preference", "relocation",
      "fiscal", "set");
  private static final Set<String> TIMING = Set.of("at", "until", "phase_in", "when");
  private static final List<String> TESTS = List.of("above", "below", "below_peak");

  private EventReader() {
  }

  public static List<Event> read(Node list, Model model, int periods, List<Diagnostic> errors) {
    List<Event> out = new ArrayList<>();
    if (!list.isList()) {
      errors.add(Diagnostic.error("E320", list.span(), "'events' must be a list of events")
          .withHint("write events: [{at: 2025Q2, tariff: {importer: USA, exporter: CHN, sectors: goods, rate: 0.1}}]"));
      return out;
    }
    Levers levers = new Levers(model, errors);
    for (Node item : list.list()) {
      if (!item.isMap()) {
        errors.add(Diagnostic.error("E320", item.span(), "an event must be a map: a quarter and one lever")
            .withHint("write - {at: 2025Q2, tariff: {...}}"));
        continue;
      }
      Set<String> allowed = new java.util.TreeSet<>(TIMING);
      allowed.addAll(LEVERS);
      Fields f = new Fields("an event", item, allowed, errors);
      List<String> named = item.map().keySet().stream().filter(LEVERS::contains).toList();
      if (named.size() != 1) {
        errors.add(Diagnostic.error("E328", item.span(), named.isEmpty() ? "the event names no lever"
            : "the event names " + named.size() + " levers (" + String.join(", ", named) + "); one per event")
            .withHint("the levers are: " + String.join(", ", LEVERS)));
        continue;
      }
      if (!f.has("at")) {
        f.missing("at");
        continue;
      }
      int at = quarter(f.node("at"), model, periods, errors);
      int until = f.has("until") ? quarter(f.node("until"), model, periods, errors) : periods;
      if (at > 0 && until > 0 && until < at) {
        errors.add(Diagnostic.error("E329", f.where("until"), "'until' (" + model.periodLabel(until)
            + ") is before 'at' (" + model.periodLabel(at) + ")").withHint("until is inclusive and cannot precede at"));
        continue;
      }
      int phaseIn = f.integer("phase_in", LeverFields.bound("event.phase_in"), "quarters to full size; 1 is at once", 1);
      String lever = named.get(0);
      Field body = item.map().get(lever);
      Levers.Lowered lowered = levers.lower(lever, body.value(), periods);
      if (lowered != null) {
        int before = errors.size();
        Ranges.check(model, lowered.targets().stream().map(t -> new Ranges.Given(t.slot(), t.value(), t.span()))
            .toList(), lever.equals("set") ? null : "this " + lever + " event", errors);
        if (errors.size() > before) {
          continue;
        }
      }
      if (at > 0 && until > 0 && lowered != null) {
        Event.When when = f.has("when") ? when(f.node("when"), model, errors) : null;
        if (f.has("when") && when == null) {
          continue;
        }
        if (when != null && (f.has("until") || lowered.accord() != null)) {
          errors.add(Diagnostic.error("E331", f.where("when"), "a triggered event lasts from when it fires to the end"
              + (lowered.accord() != null ? ", and cannot be a currency accord" : ""))
              .withHint("leave out 'until'; 'at' is the first quarter the condition is watched"));
          continue;
        }
        if (lowered.accord() != null && f.has("until")) {
          errors.add(Diagnostic.error("E330", f.where("until"), "a currency accord holds to the end of the run")
              .withHint("leave out 'until': the members' instruments are solved for every quarter from 'at' on"));
          continue;
        }
        if (f.has("phase_in") && lowered.over() > 1) {
          errors.add(Diagnostic.error("E334", f.where("phase_in"), "the event gives both 'phase_in' and its lever's "
              + "'over'").withHint("keep one: they say the same"));
          continue;
        }
        out.add(new Event(lever, at, until, Math.max(phaseIn, lowered.over()), lowered.halfLife(), lowered.targets(),
            lowered.accord(), when,
            body.keySpan()));
      }
    }
    return out;
  }

  /** {@code when: {series: "EQ[USA]", below_peak: 0.10}}: one series and one test. */
  private static Event.When when(Node n, Model model, List<Diagnostic> errors) {
    if (!n.isMap()) {
      errors.add(Diagnostic.error("E332", n.span(), "'when' must be a map: a series and one test")
          .withHint("write when: {series: \"EQ[USA]\", below_peak: 0.10} or {series: \"Y10[USA]\", above: 5}"));
      return null;
    }
    Set<String> keys = new java.util.TreeSet<>(TESTS);
    keys.add("series");
    Fields f = new Fields("a condition", n, keys, errors);
    Node s = f.node("series");
    List<String> tests = TESTS.stream().filter(f::has).toList();
    if (tests.size() != 1) {
      errors.add(Diagnostic.error("E332", n.span(), "a condition needs exactly one test")
          .withHint("the tests are: " + String.join(", ", TESTS)));
      return null;
    }
    String test = tests.get(0);
    double threshold = test.equals("below_peak") ? f.number(test, 0, 1, "the share below the highest value so far: "
        + "0.10 is 10% below") : f.number(test, -1e12, 1e12, "the level that sets it off, in the series' unit");
    if (s == null || !(s.value() instanceof String label) || Double.isNaN(threshold)) {
      if (s != null && !(s.value() instanceof String)) {
        errors.add(Diagnostic.error("E332", s.span(), "'series' must name an output such as EQ[USA]"));
      }
      return null;
    }
    int slot = model.slotOf(label);
    if (slot < 0) {
      List<String> names = new ArrayList<>(model.series().keySet());
      errors.add(Diagnostic.error("E361", s.span(), "model " + model.name() + " has no series '" + label + "'")
          .withHint(accord.model.Names.didYouMean(label, names).isEmpty() ? "name one element, such as EQ[USA]"
              : accord.model.Names.didYouMean(label, names)));
      return null;
    }
    return new Event.When(label, slot, test, threshold);
  }

  /** A quarter label of the model's calendar, from its first simulated quarter; -1 after an error. */
  static int quarter(Node n, Model model, int periods, List<Diagnostic> errors) {
    String first = model.periodLabel(2);
    String last = model.periodLabel(periods);
    if (n.value() instanceof String s) {
      int p = model.periodOf(s);
      if (p == 1) {
        errors.add(Diagnostic.error("E318", n.span(), "an event cannot start in " + s
            + ": that quarter holds the starting state, which the model computes from its calibration")
            .withHint("the first quarter a scenario can change is " + first));
        return -1;
      }
      if (p >= 2 && p <= periods) {
        return p;
      }
    }
    errors.add(Diagnostic.error("E356", n.span(), "'" + n.value() + "' is not a quarter of this run")
        .withHint("quarters run " + first + " to " + last + " (write them as 2025Q2)"));
    return -1;
  }

  static Map<String, Field> map(Node n) {
    return n.map();
  }
}
