package accord.web;

import accord.accounts.AccountingCheck;
import accord.accounts.Violation;
import accord.backtest.Backtest;
import accord.compare.Comparison;
import accord.compare.ComparisonText;
import accord.compare.Indicator;
import accord.model.Kind;
import accord.model.Model;
import accord.model.Slot;
import accord.output.CsvWriter;
import accord.output.SeriesSelection;
import accord.report.Html;
import accord.report.Report;
import accord.scenario.ScenarioFile;
import accord.sim.Results;
import accord.yaml.YamlTree;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The handlers of the JSON API's library and runs (their series, comparisons, CSV and report):
 * each reads its request, asks {@link Lab} and writes JSON. The world model's own views are
 * {@link WorldViews}', sweeps and decompositions {@link UncertaintyApi}'s. No economics here: the
 * numbers are those of accord.compare, accord.report and the engine.
 */
final class Api {

  /** The most series one request for series may return. */
  static final int MAX_SERIES = 500;
  static final List<String> RUN_FIELDS = List.of("scenario", "overrides", "periods");

  private final Lab lab;

  Api(Lab lab) {
    this.lab = lab;
  }

  // ---- the library -------------------------------------------------------------------------

  void models(Context ctx) {
    Query.allow(ctx, "the model list");
    Map<String, List<String>> byModel = new LinkedHashMap<>();
    for (Library.Entry e : lab.library().entries()) {
      byModel.computeIfAbsent(modelKey(e), k -> new ArrayList<>()).add(e.name());
    }
    List<Object> out = new ArrayList<>();
    byModel.forEach((model, names) -> out.add(Map.of("model", model, "scenarios", names)));
    Json.write(ctx, Map.of("models", out));
  }

  /** The model a library scenario names (its 'model:' or 'baseline:' as written), read without loading it. */
  private static String modelKey(Library.Entry e) {
    Map<String, YamlTree.Field> m = top(e);
    YamlTree.Field f = m.containsKey("baseline") ? m.get("baseline") : m.get("model");
    return f == null ? "" : String.valueOf(f.value().value()).replaceFirst("^world-2024$", "world");
  }

  private static Map<String, YamlTree.Field> top(Library.Entry e) {
    YamlTree.Node root = YamlTree.parse(new accord.lang.SourceFile(e.file().toString(), e.text()));
    return root.isMap() ? root.map() : Map.of();
  }

  void scenarios(Context ctx) {
    Query.allow(ctx, "the scenario list");
    List<Object> out = new ArrayList<>();
    for (Library.Entry e : lab.library().entries()) {
      Map<String, YamlTree.Field> m = top(e);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", e.name());
      row.put("title", m.containsKey("name") ? String.valueOf(m.get("name").value().value()) : e.name());
      row.put("note", m.containsKey("note") ? String.valueOf(m.get("note").value().value()).strip() : "");
      row.put("folder", e.folder());
      row.put("model", modelKey(e));
      List<String> kinds = new ArrayList<>();
      if (m.containsKey("events") && m.get("events").value().isList()) {
        for (YamlTree.Node ev : m.get("events").value().list()) {
          if (ev.isMap()) {
            ev.map().keySet().stream().filter(k -> !List.of("at", "until", "phase_in", "when").contains(k))
                .findFirst().filter(k -> !kinds.contains(k)).ifPresent(kinds::add);
          }
        }
      }
      row.put("levers", kinds);
      row.put("branches", m.containsKey("branches"));
      out.add(row);
    }
    Json.write(ctx, Map.of("scenarios", out));
  }

  void scenario(Context ctx) {
    Query.allow(ctx, "a scenario");
    Library.Entry e = lab.library().get(ctx.pathParam("name"));
    ScenarioFile file = lab.file(e);
    Model model = file.model();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", e.name());
    out.put("title", file.name());
    out.put("note", file.note().strip());
    out.put("model", model.name());
    out.put("world", Indicator.applies(model));
    out.put("periods", file.periods());
    out.put("start", file.start());
    out.put("quarters", labels(model, 1, file.periods()));
    out.put("regions", model.sets().containsKey("Region") ? model.sets().get("Region").elements() : List.of());
    out.put("branches", file.branches().stream().map(b -> Map.of("name", b.name(), "probability", b.probability()))
        .toList());
    List<Object> events = new ArrayList<>();
    for (ScenarioLevers.EventView v : lab.levers(e).events()) {
      Map<String, Object> ev = new LinkedHashMap<>();
      ev.put("index", v.index());
      ev.put("lever", v.lever());
      ev.put("at", v.at());
      ev.put("until", v.until());
      ev.put("about", v.about());
      List<Object> levers = new ArrayList<>();
      for (ScenarioLevers.Lever l : v.levers()) {
        Map<String, Object> lv = new LinkedHashMap<>();
        lv.put("name", l.name());
        lv.put("field", l.field());
        lv.put("value", l.value());
        lv.put("min", Json.finite(l.min()));
        lv.put("max", Json.finite(l.max()));
        lv.put("whole", l.whole());
        lv.put("meaning", l.meaning());
        lv.put("line", l.span().line());
        levers.add(lv);
      }
      ev.put("levers", levers);
      events.add(ev);
    }
    out.put("events", events);
    Json.write(ctx, out);
  }

  // ---- runs ----------------------------------------------------------------------------------

  private Lab.Run runOf(Body b) {
    Library.Entry e = lab.library().get(b.text("scenario"));
    return lab.run(e, b.numbers("overrides"), b.integer("periods"));
  }

  void run(Context ctx) {
    Lab.Run run = runOf(Body.read(ctx, "run request", RUN_FIELDS));
    Map<String, Object> out = summary(run);
    if (run.world()) {
      out.put("headline", headline(run.comparison()));
      out.put("bilateral", bilateral(run.comparison()));
    } else {
      Model m = run.results().model();
      List<Integer> slots = m.slots().stream().filter(s -> s.kind() == Kind.ENDOGENOUS).map(Slot::index).limit(8)
          .toList();
      out.put("series", series(run.results(), null, slots, 2));
    }
    ctx.status(201);
    Json.write(ctx, out);
  }

  private Map<String, Object> summary(Lab.Run run) {
    Results r = run.results();
    Model m = r.model();
    int from = run.world() ? run.comparison().start() : 2;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", run.id());
    out.put("scenario", run.entry().name());
    out.put("title", run.file().name());
    out.put("overrides", run.overrides());
    out.put("world", run.world());
    out.put("periods", r.periods());
    out.put("quarters", labels(m, from, r.periods()));
    out.put("warnings", run.file().warnings().stream().map(d -> lab.library().relative(d.render())).toList());
    out.put("fired", run.world() ? ComparisonText.fired(run.comparison()) : List.of());
    out.put("milliseconds", Math.round(run.nanos() / 1e6));
    return out;
  }

  /** Each headline indicator by region: scenario, baseline and the difference as compare reads it. */
  private static List<Object> headline(Comparison c) {
    List<Object> out = new ArrayList<>();
    for (Indicator x : Indicator.HEADLINE) {
      Map<String, Object> regions = new LinkedHashMap<>();
      for (String g : c.regions()) {
        double[] s = new double[c.scenario().periods() - c.start() + 1];
        double[] b = new double[s.length];
        double[] d = new double[s.length];
        for (int i = 0; i < s.length; i++) {
          int p = c.start() + i;
          s[i] = x.series().value(c.scenario(), g, p);
          b[i] = x.series().value(c.baseline(), g, p);
          d[i] = x.change(s[i], b[i]);
        }
        regions.put(g, Map.of("scenario", Json.finite(s), "baseline", Json.finite(b), "difference", Json.finite(d)));
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", x.name());
      row.put("unit", x.unit());
      row.put("difference", x.difference());
      row.put("regions", regions);
      out.add(row);
    }
    return out;
  }

  /** Each region's goods balance with each partner (TBG), USD bn a year. */
  private static Map<String, Object> bilateral(Comparison c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("unit", "USD bn a year");
    Map<String, Object> byRegion = new LinkedHashMap<>();
    for (String g : c.regions()) {
      Map<String, Object> partners = new LinkedHashMap<>();
      for (String q : c.regions()) {
        if (q.equals(g)) {
          continue;
        }
        int slot = c.scenario().model().slotOf("TBG[" + g + "," + q + "]");
        double[] s = column(c.scenario(), slot, c.start());
        double[] b = column(c.baseline(), slot, c.start());
        double[] d = new double[s.length];
        for (int i = 0; i < s.length; i++) {
          d[i] = s[i] - b[i];
        }
        partners.put(q, Map.of("scenario", Json.finite(s), "baseline", Json.finite(b), "difference", Json.finite(d)));
      }
      byRegion.put(g, partners);
    }
    out.put("regions", byRegion);
    return out;
  }

  private static double[] column(Results r, int slot, int from) {
    double[] out = new double[r.periods() - from + 1];
    for (int i = 0; i < out.length; i++) {
      out[i] = r.rows()[from + i - 1][slot];
    }
    return out;
  }

  void series(Context ctx) {
    Query.allow(ctx, "a series request", "vars");
    Lab.Run run = lab.get(ctx.pathParam("id"));
    String vars = ctx.queryParam("vars");
    if (vars == null || vars.isBlank()) {
      throw new ApiError(400, "E703", "a series request needs 'vars'", "for example ?vars=GDP,TBG[USA,*]");
    }
    List<Integer> slots = SeriesSelection.slots(run.results().model(), SeriesSelection.split(vars));
    if (slots.size() > MAX_SERIES) {
      throw new ApiError(400, "E706", "vars=" + vars + " names " + slots.size() + " series; at most " + MAX_SERIES,
          "name fewer, or download them all as CSV: GET /api/runs/" + run.id() + "/csv");
    }
    int from = run.world() ? run.comparison().start() : 2;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", run.id());
    out.put("quarters", labels(run.results().model(), from, run.results().periods()));
    out.put("series", series(run.results(), run.world() ? run.comparison().baseline() : null, slots, from));
    Json.write(ctx, out);
  }

  private static Map<String, Object> series(Results r, Results baseline, List<Integer> slots, int from) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int slot : slots) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("scenario", Json.finite(column(r, slot, from)));
      if (baseline != null) {
        s.put("baseline", Json.finite(column(baseline, slot, from)));
      }
      out.put(r.model().slots().get(slot).label(), s);
    }
    return out;
  }

  void compare(Context ctx) {
    Lab.Run run = runOf(Body.read(ctx, "comparison request", RUN_FIELDS));
    if (!run.world()) {
      throw Requests.notWorld(run, "compare");
    }
    Comparison c = run.comparison();
    Map<String, Object> out = summary(run);
    out.put("against", "the baseline");
    out.put("from", c.label(c.start()));
    out.put("to", c.label(c.scenario().periods()));
    out.put("horizons", c.periods().stream().map(p -> Map.of("quarter", c.label(p), "horizon", c.horizon(p))).toList());
    out.put("text", ComparisonText.render(c));
    out.put("tables", ComparisonText.tables(c).stream().map(Json::table).toList());
    out.put("rows", c.rows());
    List<Violation> broken = new ArrayList<>();
    c.solutions().forEach(r -> broken.addAll(AccountingCheck.check(r)));
    out.put("accounting", broken.isEmpty() ? "every matrix and hidden equation holds in every quarter"
        : broken.size() + " broken identities; the first: " + lab.library().relative(
            broken.get(0).diagnostic(c.scenario().model()).render()));
    ctx.status(201);
    Json.write(ctx, out);
  }

  void csv(Context ctx) {
    Query.allow(ctx, "a CSV request", "vars", "format");
    Lab.Run run = lab.get(ctx.pathParam("id"));
    Model m = run.results().model();
    String vars = ctx.queryParam("vars");
    List<Integer> slots = vars == null || vars.isBlank()
        ? m.slots().stream().map(Slot::index).toList() : SeriesSelection.slots(m, SeriesSelection.split(vars));
    String f = ctx.queryParam("format");
    CsvWriter.Format format = f == null ? (CsvWriter.wideColumns(slots) > CsvWriter.SPREADSHEET_COLUMNS
        ? CsvWriter.Format.LONG : CsvWriter.Format.WIDE) : CsvWriter.Format.of(f);
    if (format == null) {
      throw new ApiError(400, "E703", "unknown format '" + f + "'", "use wide (a column per series) or long (a row "
          + "per period and series)");
    }
    StringWriter w = new StringWriter();
    try {
      CsvWriter.write(run.results(), slots, format, w);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    ctx.contentType("text/csv; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"" + run.entry().name() + "-" + run.id() + ".csv\"");
    ctx.result(w.toString());
  }

  void report(Context ctx) throws IOException {
    Query.allow(ctx, "a report request", "region", "quarter");
    Lab.Run run = lab.get(ctx.pathParam("id"));
    if (!run.world()) {
      throw Requests.notWorld(run, "the report");
    }
    Comparison c = run.comparison();
    String region = Requests.region(ctx, c.scenario().model());
    int period = Requests.quarter(ctx, c.scenario(), c.periods().get(Math.min(1, c.periods().size() - 1)));
    List<List<Backtest.Comparison>> bt = lab.backtest();
    java.nio.file.Path world = lab.library().home().resolve("models/world");
    String html = Report.html(new Report.Inputs(run.file(), c, region, period, bt.get(0), bt.get(1), world));
    if (!run.overrides().isEmpty()) {
      // the page shows the scenario as this run read it: the library's file with the request's values written in
      html = html.replace(Html.esc(run.entry().text()), Html.esc(run.text()));
    }
    ctx.contentType("text/html; charset=utf-8");
    // the report is a self-contained document with its style inline and no script: none may run in it
    ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    ctx.result(lab.library().relative(html));
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static List<String> labels(Model m, int from, int to) {
    List<String> out = new ArrayList<>();
    for (int p = from; p <= to; p++) {
      out.add(m.periodLabel(p));
    }
    return out;
  }
}
