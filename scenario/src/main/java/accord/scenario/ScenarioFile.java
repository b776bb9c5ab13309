package accord.scenario;

import accord.cache.ModelCache;
import accord.lang.Diagnostic;
import accord.lang.ModelException;
import accord.lang.SourceFile;
import accord.lang.Span;
import accord.lang.TextFile;
import accord.model.Model;
import accord.model.Names;
import accord.events.Event;
import accord.events.EventReader;
import accord.events.Keys;
import accord.events.Ranges;
import accord.events.Timeline;
import accord.sim.Change;
import accord.sim.Trigger;
import accord.yaml.YamlTree;
import accord.yaml.YamlTree.Field;
import accord.yaml.YamlTree.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scenario file (YAML) read and checked against its model. Paths in it are relative to the
 * file's own folder. Every mistake names the file, line and column.
 *
 * <pre>
 * model: ../models/gl/sim.acc
 * periods: 50
 * closure: fixed                  # optional
 * start_from: sim-baseline.yaml   # optional: its last period is this run's period 1
 * set:
 *   - {at: 5, until: 50, values: {Gd: 25, "alpha[N]": 0.7}}
 * </pre>
 * A key may name one element ({@code alpha[N]}), a whole series ({@code alpha}) or, with
 * {@code *} in some places, every element that matches ({@code "xq[CHN,*,CRM]"}).
 */
public record ScenarioFile(Path path, Path modelPath, Model model, String name, String note, int periods, int start,
    String closure, List<Change> changes, Path startFrom, List<Event> accords, List<Trigger> triggers,
    List<Branch> branches, List<Diagnostic> warnings) {

  /** One branch of a scenario with odds: its name, probability and the whole scenario it runs. */
  public record Branch(String name, double probability, ScenarioFile scenario) {
  }

  private static final Set<String> KEYS = Set.of("model", "periods", "closure", "start_from", "set", "name", "note",
      "baseline", "start", "end", "events", "branches");
  private static final Set<String> BRANCH_KEYS = Set.of("name", "probability", "events");
  /** The baselines a scenario may name in place of 'model:' (the names 'model:' and the command line take too). */
  private static final Map<String, String> BASELINES = ModelNames.BUILT_IN;
  /** A calendar model's default horizon (the world's): 40 quarters after the 2024Q4 starting state. */
  public static final int CALENDAR_PERIODS = 41;
  private static final Set<String> SET_KEYS = Set.of("at", "until", "values");

  public static ScenarioFile load(Path file) {
    return load(file, null);
  }

  /**
   * The scenario for a run of {@code runPeriods} periods (null: the file's own). A change or event
   * without an end lasts to the end of the run, however long; one that starts after a shorter
   * run's last period cannot take effect and is listed in {@link #warnings()} (E406). Periods in
   * the file are checked against the longer of the two horizons.
   */
  public static ScenarioFile load(Path file, Integer runPeriods) {
    String text;
    try {
      text = TextFile.read(file);
    } catch (TextFile.Unreadable e) {
      throw new ModelException(e.notText() ? e.diagnostic("scenario file", file.toString(), null)
          : Diagnostic.error("E303", Span.NONE, "cannot read scenario file " + file).withHint(e.hint()));
    }
    return read(file, text, runPeriods);
  }

  /**
   * The scenario whose text is {@code text}, read as if it were the file {@code file}: its paths are
   * relative to that file's folder and its diagnostics name that file. The web lab's way to run a
   * library scenario with some of its values changed, each checked where it is written. Its
   * {@link #forPeriods} reads the file itself again: give the run's length here instead.
   */
  public static ScenarioFile read(Path file, String text, Integer runPeriods) {
    SourceFile src = new SourceFile(file.toString(), text);
    Node root = YamlTree.parse(src);
    if (!root.isMap()) {
      throw new ModelException(Diagnostic.error("E304", root.span(), "a scenario must be a YAML map of keys")
          .withHint("start with 'model: path/to/model.acc' and 'periods: 50'"));
    }
    return read(file, root, runPeriods);
  }

  /** This scenario for a run of another length: read again, so that open-ended changes reach its end. */
  public ScenarioFile forPeriods(int runPeriods) {
    if (runPeriods == periods) {
      return this;
    }
    ScenarioFile again = load(path, runPeriods);
    if (again.name().equals(name)) {
      return again;
    }
    // a branch of a scenario with odds: the same branch of the file read again
    return again.branches().stream().map(Branch::scenario).filter(b -> b.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException("scenario " + name + " not found again in " + path));
  }

  private static ScenarioFile read(Path file, Node root, Integer runPeriods) {
    List<Diagnostic> errors = new ArrayList<>();
    Map<String, Field> m = root.map();
    for (Map.Entry<String, Field> e : m.entrySet()) {
      if (!KEYS.contains(e.getKey())) {
        errors.add(Diagnostic.error("E305", e.getValue().keySpan(), "unknown key '" + YamlTree.visible(e.getKey())
            + "' in a scenario")
            .withHint(hintFor(e.getKey(), KEYS)));
      }
    }
    Path dir = file.toAbsolutePath().getParent();
    Field modelField = m.get("model");
    Field baselineField = m.get("baseline");
    Path modelPath = null;
    if (modelField != null && baselineField != null) {
      errors.add(Diagnostic.error("E306", baselineField.keySpan(), "the scenario names both 'model' and 'baseline'")
          .withHint("'baseline: world-2024' stands for the world model; keep one of the two"));
    } else if (baselineField != null) {
      String b = string(baselineField.value(), "baseline", errors);
      if (b != null && !BASELINES.containsKey(b)) {
        errors.add(Diagnostic.error("E354", baselineField.value().span(), "unknown baseline '" + b + "'")
            .withHint("the baselines are: " + String.join(", ", BASELINES.keySet())));
      } else if (b != null) {
        Path home = ModelNames.home(dir);
        modelPath = (home == null ? dir : home).resolve(BASELINES.get(b)).normalize();
      }
    } else if (modelField == null) {
      errors.add(Diagnostic.error("E353", root.span(), "the scenario names no model")
          .withHint("add 'model: path/to/model.acc', or 'baseline: world-2024' for the world model"));
    } else {
      String modelText = string(modelField.value(), "model", errors);
      modelPath = dir.resolve(modelText == null ? "" : modelText).normalize();
      Path builtIn = modelText == null ? null : ModelNames.resolve(modelText, modelPath, dir);
      if (builtIn != null) {
        modelPath = builtIn;
      }
      if (modelText != null && Files.isDirectory(modelPath)) {
        errors.add(folder("model file", modelText, modelField.value().span()));
      } else if (modelText != null && !Files.isRegularFile(modelPath)) {
        errors.add(Diagnostic.error("E307", modelField.value().span(), "model file '" + modelText + "' not found")
            .withHint("paths are relative to the scenario's folder: looked for " + modelPath
                + "; the shipped models' names are " + String.join(", ", ModelNames.BUILT_IN.keySet())));
      }
    }
    if (!errors.isEmpty()) {
      throw new ModelException(errors);
    }
    Model model = ModelCache.load(modelPath);
    int periods = m.containsKey("periods") ? integer(m.get("periods").value(), "periods", 2, 1_000_000, errors)
        : model.calendar() != null ? CALENDAR_PERIODS : 50;
    if (m.containsKey("end")) {
      if (m.containsKey("periods")) {
        errors.add(Diagnostic.error("E352", m.get("end").keySpan(), "the scenario gives both 'periods' and 'end'")
            .withHint("keep one: 'end: 2028Q4' is the last quarter, 'periods' counts them"));
      }
      periods = quarter(m.get("end").value(), "end", model, 100_000, errors);
    }
    // the run's length; the file is read over the longer of the two, then cut to the run
    int run = runPeriods == null ? periods : runPeriods;
    int filePeriods = periods;
    periods = Math.max(periods, run);
    int start = m.containsKey("start") ? quarter(m.get("start").value(), "start", model, periods, errors) : 2;
    String closure = m.containsKey("closure") ? string(m.get("closure").value(), "closure", errors) : null;
    if (closure != null && !model.closures().containsKey(closure)) {
      errors.add(Diagnostic.error("E308", m.get("closure").value().span(), "model " + model.name() + " has no closure '"
          + closure + "'").withHint(model.closures().isEmpty() ? "the model declares no closures"
          : "its closures are: " + String.join(", ", model.closures().keySet())));
    }
    Path startFrom = null;
    if (m.containsKey("start_from")) {
      String s = string(m.get("start_from").value(), "start_from", errors);
      startFrom = s == null ? null : dir.resolve(s).normalize();
      if (startFrom != null && Files.isDirectory(startFrom)) {
        errors.add(folder("scenario file", s, m.get("start_from").value().span()));
      } else if (startFrom != null && !Files.isRegularFile(startFrom)) {
        errors.add(Diagnostic.error("E307", m.get("start_from").value().span(), "scenario file '" + s + "' not found")
            .withHint("paths are relative to the scenario's folder: looked for " + startFrom));
      }
    }
    List<Event> events = new ArrayList<>();
    boolean levers = model.sets().get("Region") != null && model.slotOf("dtar[USA,CHN,ELE]") >= 0;
    for (String key : List.of("events", "branches")) {
      if (m.containsKey(key) && !levers) {
        errors.add(Diagnostic.error("E359", m.get(key).keySpan(), key + " are the world model's vocabulary; model "
            + model.name() + " has no world levers").withHint("use 'set:' with this model's parameters and series"));
      }
    }
    if (m.containsKey("events") && levers) {
      events.addAll(EventReader.read(m.get("events").value(), model, periods, errors));
    }
    List<Diagnostic> warnings = new ArrayList<>();
    List<Change> changes = new ArrayList<>(Timeline.changes(events, periods));
    List<Event> accords = events.stream().filter(e -> e.accord() != null).toList();
    List<Trigger> triggers = Timeline.triggers(events, periods);
    List<Change> set = m.containsKey("set") ? changes(m.get("set").value(), model, periods, run, filePeriods, errors,
        warnings) : List.of();
    changes.addAll(set);
    late(events, model, run, filePeriods, warnings);
    String name = m.containsKey("name") ? String.valueOf(m.get("name").value().value()) : stem(file);
    String note = m.containsKey("note") ? String.valueOf(m.get("note").value().value()) : "";
    List<Branch> branches = new ArrayList<>();
    if (m.containsKey("branches") && levers) {
      for (BranchSpec b : branches(m.get("branches").value(), model, periods, errors)) {
        List<Event> all = new ArrayList<>(events);
        all.addAll(b.events());
        List<Change> bc = new ArrayList<>(Timeline.changes(all, periods));
        bc.addAll(set);
        late(b.events(), model, run, filePeriods, warnings);
        ScenarioFile branch = new ScenarioFile(file, modelPath, model, name + ": " + b.name(), note, run, 2, closure,
            within(bc, run), startFrom, all.stream().filter(e -> e.accord() != null && e.at() <= run).toList(),
            watchedWithin(Timeline.triggers(all, periods), run), List.of(), List.of());
        branches.add(new Branch(b.name(), b.probability(), branch));
      }
    }
    if (!errors.isEmpty()) {
      throw new ModelException(errors);
    }
    if (!accords.isEmpty() && startFrom != null) {
      errors.add(Diagnostic.error("E360", m.get("start_from").keySpan(), "a currency accord cannot start from another "
          + "scenario's last quarter").withHint("run it from the calibration: leave out start_from"));
      throw new ModelException(errors);
    }
    return new ScenarioFile(file, modelPath, model, name, note, run, Math.min(start, run), closure, within(changes, run),
        startFrom, accords.stream().filter(e -> e.at() <= run).toList(), watchedWithin(triggers, run), branches,
        List.copyOf(warnings));
  }

  /** E128 for a path that names a folder where a file was expected. */
  private static Diagnostic folder(String what, String path, Span at) {
    return Diagnostic.error("E128", at, what + " '" + path + "' is a folder, not a file")
        .withHint("expected a UTF-8 text file: give the path of a file, not of a folder");
  }

  /** The changes cut to a run of {@code run} periods: those that start after it dropped, the rest ending with it. */
  private static List<Change> within(List<Change> changes, int run) {
    return changes.stream().filter(c -> c.from() <= run)
        .map(c -> c.until() <= run ? c : new Change(c.slot(), c.from(), run, c.value())).toList();
  }

  /** The triggers that can fire within the run. */
  private static List<Trigger> watchedWithin(List<Trigger> triggers, int run) {
    return triggers.stream().filter(t -> t.watchFrom() < run).toList();
  }

  /** E406: each event that starts after the run's last period, which the run cannot show. */
  private static void late(List<Event> events, Model model, int run, int filePeriods, List<Diagnostic> warnings) {
    for (Event e : events) {
      if (e.at() > run || (e.when() != null && e.at() >= run)) {
        warnings.add(beyond(e.span(), "event '" + e.lever() + "'", e.at(), model, run, filePeriods));
      }
    }
  }

  private static Diagnostic beyond(Span span, String what, int at, Model model, int run, int filePeriods) {
    return Diagnostic.error("W406", span, what + " at " + model.periodLabel(at) + " is after the run's last "
        + (model.calendar() == null ? "period (" : "quarter (") + model.periodLabel(run) + "): it does not take effect")
        .withHint("--periods " + run + " cuts the file's run to " + model.periodLabel(filePeriods) + " short; leave "
            + "--periods out, or give " + at + " or more to see it");
  }

  private static List<Change> changes(Node list, Model model, int periods, int run, int filePeriods,
      List<Diagnostic> errors, List<Diagnostic> warnings) {
    List<Change> out = new ArrayList<>();
    if (!list.isList()) {
      errors.add(Diagnostic.error("E309", list.span(), "'set' must be a list of changes")
          .withHint("write set: [{at: 5, until: 50, values: {Gd: 25}}]"));
      return out;
    }
    for (Node item : list.list()) {
      if (!item.isMap()) {
        errors.add(Diagnostic.error("E309", item.span(), "a change must be a map with 'at', 'until' and 'values'")
            .withHint("write - {at: 5, until: 50, values: {Gd: 25}}"));
        continue;
      }
      Map<String, Field> c = item.map();
      c.forEach((k, f) -> {
        if (!SET_KEYS.contains(k)) {
          errors.add(Diagnostic.error("E305", f.keySpan(), "unknown key '" + YamlTree.visible(k) + "' in a change")
              .withHint(hintFor(k, SET_KEYS)));
        }
      });
      if (!c.containsKey("at") || !c.containsKey("values")) {
        errors.add(Diagnostic.error("E310", item.span(), "a change needs 'at' and 'values'")
            .withHint("write - {at: 5, until: 50, values: {Gd: 25}}"));
        continue;
      }
      int at = start(c.get("at").value(), periods, model, errors);
      // without 'until' a change lasts to the end of the run
      int until = c.containsKey("until") ? period(c.get("until").value(), "until", at, periods, model, errors) : periods;
      if (at > run) {
        warnings.add(beyond(c.get("at").value().span(), "the change", at, model, run, filePeriods));
      }
      Node values = c.get("values").value();
      if (!values.isMap()) {
        errors.add(Diagnostic.error("E311", values.span(), "'values' must map names to numbers")
            .withHint("write values: {Gd: 25, \"alpha[N]\": 0.7}"));
        continue;
      }
      values.map().forEach((label, f) -> {
        Double v = number(f.value(), label, errors);
        List<Ranges.Given> given = new ArrayList<>();
        for (int slot : Keys.slots(model, label, f.keySpan(), errors)) {
          if (v != null) {
            out.add(new Change(slot, at, until, v));
            given.add(new Ranges.Given(slot, v, f.value().span()));
          }
        }
        Ranges.check(model, given, null, errors);
      });
    }
    return out;
  }

  private static String hintFor(String key, Set<String> allowed) {
    String m = Names.didYouMean(key, allowed);
    return m.isEmpty() ? "the keys are: " + String.join(", ", allowed.stream().sorted().toList()) : m;
  }

  private static String string(Node n, String key, List<Diagnostic> errors) {
    if (n.value() instanceof String s) {
      return s;
    }
    errors.add(Diagnostic.error("E314", n.span(), "'" + key + "' must be text, not " + describe(n)));
    return null;
  }

  private static int integer(Node n, String key, int min, int max, List<Diagnostic> errors) {
    if (n.value() instanceof java.math.BigInteger big) {
      n = new Node(big.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE, n.span());
    }
    if (!(n.value() instanceof Integer || n.value() instanceof Long)) {
      errors.add(Diagnostic.error("E315", n.span(), "'" + key + "' must be a whole number, not "
          + (n.value() instanceof Number ? text(n) : describe(n)))
          .withHint(key.equals("periods") ? "write periods: 50" : "periods are numbered 1, 2, ..."));
      return min;
    }
    long v = ((Number) n.value()).longValue();
    if (v < min || v > max) {
      String hint;
      if (!key.equals("periods")) {
        hint = "changes apply within the run's periods, 1.." + max + " (until >= at)";
      } else if (v < min) {
        hint = "a run needs at least 2 periods (period 1 holds the initial values)";
      } else {
        hint = "a run has at most " + max + " periods";
      }
      errors.add(Diagnostic.error("E316", n.span(), "'" + key + "' is " + text(n) + ", outside " + min + ".." + max)
          .withHint(hint));
      return (int) Math.max(min, Math.min(max, v));
    }
    return (int) v;
  }

  /**
   * The first period of a change. Period 1 is the starting state (a calibrated model's
   * calibration quarter, or the last row of start_from), computed rather than simulated: a
   * change there would silently alter the state the run starts from, so it is refused.
   */
  private static int start(Node n, int periods, Model model, List<Diagnostic> errors) {
    int at = period(n, "at", 1, periods, model, new ArrayList<>());
    if (at == 1) {
      String first = model.calendar() == null ? "1" : model.periodLabel(1);
      String second = model.calendar() == null ? "2" : model.periodLabel(2);
      errors.add(Diagnostic.error("E318", n.span(), "a change cannot start in period " + first
          + ": that period holds the starting state, which the model computes from its calibration")
          .withHint("the first period a scenario can change is " + second));
      return 2;
    }
    return period(n, "at", 2, periods, model, errors);
  }

  private record BranchSpec(String name, double probability, List<Event> events) {
  }

  /** {@code branches:}: two or more, each with a name, a probability and its own events; odds sum to 1. */
  private static List<BranchSpec> branches(Node list, Model model, int periods, List<Diagnostic> errors) {
    List<BranchSpec> out = new ArrayList<>();
    if (!list.isList() || list.list().size() < 2) {
      errors.add(Diagnostic.error("E333", list.span(), "'branches' must be a list of two or more branches")
          .withHint("write branches: [{name: best, probability: 0.4, events: [...]}, {name: worst, ...}]"));
      return out;
    }
    double total = 0;
    java.util.Set<String> names = new java.util.HashSet<>();
    for (Node item : list.list()) {
      if (!item.isMap()) {
        errors.add(Diagnostic.error("E333", item.span(), "a branch must be a map with name, probability and events"));
        continue;
      }
      Map<String, Field> b = item.map();
      b.forEach((k, f) -> {
        if (!BRANCH_KEYS.contains(k)) {
          errors.add(Diagnostic.error("E305", f.keySpan(), "unknown key '" + YamlTree.visible(k) + "' in a branch")
              .withHint(hintFor(k, BRANCH_KEYS)));
        }
      });
      if (!b.containsKey("name") || !b.containsKey("probability")) {
        errors.add(Diagnostic.error("E333", item.span(), "a branch needs a name and a probability"));
        continue;
      }
      String name = string(b.get("name").value(), "name", errors);
      if (name != null && !names.add(name)) {
        errors.add(Diagnostic.error("E362", b.get("name").value().span(), "two branches are named '" + name + "'"));
      }
      Node p = b.get("probability").value();
      double prob = p.value() instanceof Number x ? x.doubleValue() : Double.NaN;
      if (!(prob >= 0 && prob <= 1)) {
        errors.add(Diagnostic.error("E363", p.span(), "a branch's probability must be a number from 0 to 1")
            .withHint("the probabilities of all branches sum to 1"));
        continue;
      }
      total += prob;
      List<Event> events = b.containsKey("events") ? EventReader.read(b.get("events").value(), model, periods, errors)
          : List.of();
      out.add(new BranchSpec(name, prob, events));
    }
    if (errors.isEmpty() && Math.abs(total - 1) > 1e-9) {
      errors.add(Diagnostic.error("E363", list.span(), "the branches' probabilities sum to " + total + ", not 1")
          .withHint("odds of 60-40 are probability: 0.6 and probability: 0.4"));
    }
    return out;
  }

  /** A quarter label for 'start' and 'end': from the first simulated quarter to {@code max}. */
  private static int quarter(Node n, String key, Model model, int max, List<Diagnostic> errors) {
    if (model.calendar() == null || !(n.value() instanceof String)) {
      errors.add(Diagnostic.error("E355", n.span(), "'" + key + "' must be a quarter such as 2028Q4")
          .withHint(model.calendar() == null ? "this model has no calendar: use 'periods'" : "quarters run "
              + model.periodLabel(2) + ", " + model.periodLabel(3) + ", ..."));
      return 2;
    }
    int p = model.periodOf((String) n.value());
    if (p < 2 || p > max) {
      errors.add(Diagnostic.error("E316", n.span(), "'" + key + "' is " + n.value() + ", outside " + model.periodLabel(2)
          + " to " + model.periodLabel(max)).withHint(key.equals("start")
          ? "the run starts from the calibration in " + model.periodLabel(1) + "; start is the first reported quarter"
          : "the first quarter a run can end is " + model.periodLabel(2)));
      return Math.max(2, Math.min(max, p));
    }
    return p;
  }

  /** A period: a number, or a label of the model's calendar such as 2025Q2. */
  private static int period(Node n, String key, int min, int max, Model model, List<Diagnostic> errors) {
    if (n.value() instanceof String label && model.calendar() != null) {
      int p = model.periodOf(label);
      if (p < 0) {
        errors.add(Diagnostic.error("E356", n.span(), "'" + label + "' is not a period of model " + model.name())
            .withHint("periods run " + model.periodLabel(1) + ", " + model.periodLabel(2) + ", ..."));
        return min;
      }
      return integer(new Node((long) p, n.span()), key, min, max, errors);
    }
    return integer(n, key, min, max, errors);
  }

  private static Double number(Node n, String key, List<Diagnostic> errors) {
    if (n.value() instanceof Number x && Double.isFinite(x.doubleValue())) {
      return x.doubleValue();
    }
    if (n.value() instanceof Number) {
      errors.add(Diagnostic.error("E317", n.span(), "the value of '" + key + "' must be a finite number, not "
          + text(n)).withHint("a value is a number such as 25 or 1.5e3; it cannot be infinite or not a number"));
      return null;
    }
    errors.add(Diagnostic.error("E317", n.span(), "the value of '" + key + "' must be a number, not " + describe(n)));
    return null;
  }

  /** The scalar as written in the file (so 1e400 is shown as 1e400, not Infinity). */
  private static String text(Node n) {
    Span sp = n.span();
    String line = sp.file().line(sp.line());
    int from = sp.col() - 1;
    int to = from + sp.length();
    return from >= 0 && to <= line.length() && to > from ? line.substring(from, to) : String.valueOf(n.value());
  }

  /**
   * Where {@code file} writes its start_from value (for errors found when the scenario runs), or
   * Span.NONE if it cannot be read again.
   */
  public static Span startFromSpan(Path file) {
    try {
      Node root = YamlTree.parse(new SourceFile(file.toString(), TextFile.read(file)));
      if (root.isMap() && root.map().containsKey("start_from")) {
        return root.map().get("start_from").value().span();
      }
    } catch (IOException | RuntimeException e) {
      // the file was read once already; without it the error has no position
    }
    return Span.NONE;
  }

  private static String describe(Node n) {
    Object v = n.value();
    if (v == null) {
      return "empty";
    }
    if (n.isMap()) {
      return "a map";
    }
    if (n.isList()) {
      return "a list";
    }
    return v instanceof String ? "'" + YamlTree.visible((String) v) + "'" : String.valueOf(v);
  }

  private static String stem(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
