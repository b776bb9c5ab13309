package accord.explore.grid;

import accord.events.Event;
import accord.events.EventReader;
import accord.events.Timeline;
import accord.explore.channels.ChannelRuns;
import accord.explore.channels.Effect;
import accord.explore.channels.Parallel;
import accord.lang.Diagnostic;
import accord.lang.ModelException;
import accord.lang.SourceFile;
import accord.lang.Span;
import accord.lang.TextFile;
import accord.scenario.ScenarioFile;
import accord.sim.Change;
import accord.sim.Results;
import accord.sim.Scenario;
import accord.sim.Simulator;
import accord.sim.Trigger;
import accord.solve.Program;
import accord.solve.SolverSettings;
import accord.yaml.YamlTree;
import accord.yaml.YamlTree.Node;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A policy grid: one run of a scenario per point of a grid over its events' fields. Each point is
 * the scenario file with the fields' values written in their places and its events read again by
 * the events' own reader, so a value is checked as if it were written in the file (the field's
 * range, the model's declared range: the same errors at the same line). Every point is read
 * before any is run: a grid with a refused value runs nothing.
 */
public final class Grid {

  /** The most points a grid runs: at about a tenth of a second a run, a few minutes on two cores. */
  public static final int MAX_POINTS = 2500;
  private static final Set<String> TIMING = Set.of("at", "until", "phase_in", "when");

  /** One point: the values of the varied fields, in the order of the --vary options, and its run's numbers. */
  public record Point(List<BigDecimal> values, double value, double difference) {
  }

  /** A grid's answer: the varied fields, the output, its quarter and baseline value, and each point. */
  public record Result(ScenarioFile file, List<Vary> fields, Effect effect, int period, String quarter,
      double baseline, List<Point> points, int threads, long nanos) {
  }

  /** Where a varied field sits in the scenario file. */
  private record Place(Vary vary, Span span) {
  }

  private Grid() {
  }

  private static String read(ScenarioFile file) {
    try {
      return TextFile.read(file.path());
    } catch (TextFile.Unreadable e) {
      throw new ModelException(Diagnostic.error("E303", Span.NONE, "cannot read scenario file " + file.path())
          .withHint(e.hint()));
    }
  }

  /** The number of points of a grid over {@code fields}; E655 beyond {@link #MAX_POINTS}. */
  public static int points(List<Vary> fields) {
    long n = 1;
    for (Vary v : fields) {
      n *= v.values().size();
      if (n > MAX_POINTS) {
        throw Vary.error("E655", "the grid has more than " + MAX_POINTS + " points ("
            + String.join(" x ", fields.stream().map(f -> String.valueOf(f.values().size())).toList()) + ")",
            "a grid runs at most " + MAX_POINTS + " points: take larger steps or narrower ranges");
      }
    }
    return (int) n;
  }

  public static Result run(ScenarioFile file, List<Vary> fields, Effect effect, int period, int threads) {
    long start = System.nanoTime();
    ChannelRuns.refuseUnless(file, "run over a grid");
    int n = points(fields);
    String text = read(file);
    List<Place> places = places(file, text, fields);
    int periods = file.periods();
    List<Change> set = setChanges(file, text);
    // every point read first: a refused value stops the grid before it runs
    List<List<BigDecimal>> grid = new ArrayList<>();
    List<Scenario> scenarios = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      List<BigDecimal> values = point(fields, k);
      grid.add(values);
      List<Diagnostic> errors = new ArrayList<>();
      List<Event> events = events(file, substitute(text, places, values), errors);
      if (!errors.isEmpty()) {
        List<Diagnostic> all = new ArrayList<>();
        all.add(Diagnostic.error("E656", Span.NONE, "the grid point " + describe(fields, values) + " is refused by the "
            + "scenario's events (below, at the field that takes the value)")
            .withHint("keep --vary within the range the field accepts (docs/scenarios.md gives each lever's fields)"));
        all.addAll(errors);
        throw new ModelException(all);
      }
      List<Change> changes = new ArrayList<>(Timeline.changes(events, periods));
      changes.addAll(set);
      List<Trigger> triggers = Timeline.triggers(events, periods);
      scenarios.add(new Scenario(file.name() + " " + describe(fields, values), period, file.closure(), changes, null,
          triggers));
    }
    Program base = Program.compile(accord.cache.ModelCache.analyze(file.model(), null), n > 4 ? 0 : Program.CODEGEN_AFTER);
    Program program = file.closure() == null ? base : Program.compile(accord.cache.ModelCache.analyze(file.model(),
        file.closure()), n > 4 ? 0 : Program.CODEGEN_AFTER);
    Results baseline = Simulator.run(base, Scenario.of(period), SolverSettings.DEFAULT);
    double b = effect.value().of(baseline, period);
    List<Point> points = Parallel.map(n, threads, k -> {
      Results r = Simulator.run(program, scenarios.get(k), SolverSettings.DEFAULT);
      return new Point(grid.get(k), effect.value().of(r, period), effect.difference(r, baseline, period));
    });
    return new Result(file, fields, effect, period, file.model().periodLabel(period), b, points, Math.max(1, threads),
        System.nanoTime() - start);
  }

  /** The k-th point: the last field varies fastest. */
  static List<BigDecimal> point(List<Vary> fields, int k) {
    BigDecimal[] out = new BigDecimal[fields.size()];
    for (int i = fields.size() - 1; i >= 0; i--) {
      List<BigDecimal> vs = fields.get(i).values();
      out[i] = vs.get(k % vs.size());
      k /= vs.size();
    }
    return List.of(out);
  }

  static String describe(List<Vary> fields, List<BigDecimal> values) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      parts.add(fields.get(i).name() + " = " + values.get(i).toPlainString());
    }
    return String.join(", ", parts);
  }

  /** Each varied field's place in the file: E651 to E653 (and E657 for a field varied twice) if it has none. */
  private static List<Place> places(ScenarioFile file, String text, List<Vary> fields) {
    Node root = YamlTree.parse(new SourceFile(file.path().toString(), text));
    List<Node> events = root.isMap() && root.map().containsKey("events") && root.map().get("events").value().isList()
        ? root.map().get("events").value().list() : List.of();
    Map<String, List<Node>> byLever = new LinkedHashMap<>();
    for (Node e : events) {
      if (e.isMap()) {
        e.map().keySet().stream().filter(k -> !TIMING.contains(k)).findFirst()
            .ifPresent(lever -> byLever.computeIfAbsent(lever, x -> new ArrayList<>()).add(e.map().get(lever).value()));
      }
    }
    List<Place> out = new ArrayList<>();
    Set<Span> taken = new java.util.HashSet<>();
    for (Vary v : fields) {
      List<Node> bodies = byLever.get(v.lever());
      if (bodies == null) {
        throw Vary.error("E651", "--vary " + v.name() + ": scenario " + file.path().getFileName() + " has no "
            + v.lever() + " event", byLever.isEmpty() ? "the scenario has no events to vary"
            : "its events' levers are: " + String.join(", ", byLever.keySet()));
      }
      if (v.index() == 0 && bodies.size() > 1 || v.index() > bodies.size()) {
        throw Vary.error("E652", "--vary " + v.name() + ": scenario " + file.path().getFileName() + " has "
            + bodies.size() + " " + v.lever() + " events", "say which, counting from 1 in the file's order: "
            + v.lever() + "[1]." + v.field() + " to " + v.lever() + "[" + bodies.size() + "]." + v.field());
      }
      Node body = bodies.get(Math.max(1, v.index()) - 1);
      Node value = body.isMap() && body.map().containsKey(v.field()) ? body.map().get(v.field()).value() : null;
      if (value == null || !(value.value() instanceof Number)) {
        List<String> numeric = body.isMap() ? body.map().entrySet().stream()
            .filter(e -> e.getValue().value().value() instanceof Number).map(Map.Entry::getKey).toList() : List.of();
        throw Vary.error("E653", "--vary " + v.name() + ": the " + v.event() + " event "
            + (value == null ? "has no field '" + v.field() + "'" : "gives '" + v.field() + "' as "
            + (value.isMap() || value.isList() ? "a list or map" : "'" + value.value() + "'") + ", not a number"),
            numeric.isEmpty() ? "the event has no number to vary; write the field in the file first"
                : "its fields written as numbers are: " + String.join(", ", numeric));
      }
      if (!taken.add(value.span())) {
        throw Vary.error("E657", "--vary " + v.name() + " varies a field that another --vary varies already",
            "give each field once");
      }
      out.add(new Place(v, value.span()));
    }
    return out;
  }

  /** The file's text with each place's value replaced, right to left within a line so columns stay put. */
  static String substitute(String text, List<Place> places, List<BigDecimal> values) {
    String[] lines = text.split("\n", -1);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < places.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.<Integer>comparingInt(i -> places.get(i).span().line())
        .thenComparing(i -> -places.get(i).span().col()));
    for (int i : order) {
      Span s = places.get(i).span();
      String line = lines[s.line() - 1];
      int from = s.col() - 1;
      lines[s.line() - 1] = line.substring(0, from) + values.get(i).toPlainString() + line.substring(from + s.length());
    }
    return String.join("\n", lines);
  }

  /** The events of the file's text, read by the events' reader against the already loaded model. */
  private static List<Event> events(ScenarioFile file, String text, List<Diagnostic> errors) {
    Node root = YamlTree.parse(new SourceFile(file.path().toString(), text));
    if (!root.isMap() || !root.map().containsKey("events")) {
      return List.of();
    }
    return EventReader.read(root.map().get("events").value(), file.model(), file.periods(), errors);
  }

  /** The file's {@code set:} changes: its changes after those its events lower to. */
  private static List<Change> setChanges(ScenarioFile file, String text) {
    List<Diagnostic> errors = new ArrayList<>();
    List<Change> fromEvents = Timeline.changes(events(file, text, errors), file.periods());
    if (!errors.isEmpty() || file.changes().size() < fromEvents.size()
        || !file.changes().subList(0, fromEvents.size()).equals(fromEvents)) {
      throw new IllegalStateException("the events of " + file.path() + " read again differ from the scenario's");
    }
    return List.copyOf(file.changes().subList(fromEvents.size(), file.changes().size()));
  }
}
