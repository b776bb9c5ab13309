package accord.cli;

import accord.accounts.AccountingCheck;
import accord.accounts.ConditionCheck;
import accord.accounts.Violation;
import accord.cache.ModelCache;
import accord.cache.Timings;
import accord.lang.Diagnostic;
import accord.lang.ModelException;
import accord.lang.Span;
import accord.model.Kind;
import accord.model.Model;
import accord.model.Slot;
import accord.output.CsvWriter;
import accord.output.OutputFile;
import accord.output.SeriesSelection;
import accord.output.TextTable;
import accord.scenario.ScenarioFile;
import accord.scenario.ScenarioRunner;
import accord.sim.ProgressListener;
import accord.sim.Results;
import accord.sim.Scenario;
import accord.sim.Simulator;
import accord.solve.Method;
import accord.solve.Program;
import accord.solve.SolverSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code accord run}: simulate a model or a scenario, print a table, write a CSV. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Simulate a model file (.acc), a scenario file (.yaml) or the shipped world model (world).",
        "Period 1 holds the initial values (the world: the 2024Q4 starting state); periods 2..N are solved.",
        "Every accounting matrix and hidden equation of the model is checked in every solved period.",
        "The CSV has every period from period 1 on; the world's flows in it and in the tables are at annual rates."},
    footer = {"", "Examples:", "  accord run world --out world.csv --vars GDP,TBG[USA,*]",
        "  accord run world --out world-long.csv --format long",
        "  accord run models/gl/sim-gov.yaml --periods 100 --out sim-gov.csv", "", Accord.EXIT_CODES})
final class RunCommand implements Callable<Integer> {

  /** The most periods a run may have (the same limit as a scenario's 'periods'). */
  static final int MAX_PERIODS = 1_000_000;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<model.acc | scenario.yaml | world>",
      description = "what to run: a model or scenario file, or 'world' for the shipped world model")
  Path input;

  @Option(names = "--periods", paramLabel = "N", description = {"number of periods, period 1 included (default: the "
      + "scenario's; a model's: 41 with a calendar, i.e. 40 quarters, else 50). A scenario's changes without 'until' "
      + "last to the end of the run; those starting after a shorter run are named in a warning"})
  Integer periods;

  @Option(names = "--out", paramLabel = "results.csv", description = "write the series (all, or those of --vars) to "
      + "this CSV file, every period from period 1 on")
  Path out;

  @Option(names = "--format", paramLabel = "wide|long", defaultValue = "wide", description = {"the CSV's layout: "
      + "wide (default; a column period, then one column per series, e.g. TBG[USA,CHN]) or long (tidy rows "
      + "period,series,i1,...,value: one column per index place, for pandas, R, DuckDB)"})
  String format;

  @Option(names = "--closure", paramLabel = "NAME", description = "a closure declared in the model")
  String closure;

  @Option(names = "--method", paramLabel = "METHOD", defaultValue = "newton",
      description = "newton (default), broyden or gauss-seidel, for simultaneous blocks")
  String method;

  @Option(names = "--vars", paramLabel = "PATTERNS", description = {"series for the table and the CSV, separated by "
      + "commas: a name (all its elements: GDP), an element (Y[N], TBG[USA,CHN]) or * in index places (TBG[USA,*], "
      + "QS[*,ELE]). Default: the table shows the first eight variables (the world: its headline table), the CSV "
      + "every variable and exogenous series"})
  List<String> vars;

  @Option(names = "--debug", description = "show stack traces of internal errors")
  boolean debug;

  /** The branches of a scenario with odds, once run (else empty). */
  private List<ScenarioRunner.BranchRun> branches = List.of();

  /** The slots --vars selects (null: none given), found before the run. */
  private List<Integer> selected;

  /** The most series the terminal table shows; the CSV has every one selected. */
  static final int TABLE_SERIES = 12;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CsvWriter.Format layout = CsvWriter.Format.of(format);
    if (layout == null) {
      throw new ModelException(Diagnostic.error("E405", Span.NONE, "unknown --format '" + format + "'")
          .withHint("use wide (a column per series) or long (a row per period and series)"));
    }
    SolverSettings settings = SolverSettings.DEFAULT.withMethod(method(method));
    if (this.out != null) {
      OutputFile.check(this.out, "--out");   // before the run: a path that cannot be written fails at once
    }
    Results r = simulate(settings, err);
    Model model = r.model();
    out.println("model " + model.name() + (model.doc().isEmpty() ? "" : ": " + model.doc()));
    out.println("scenario " + r.scenario().name() + ": " + span(model, r.periods())
        + (r.scenario().closure() == null ? "" : ", closure " + r.scenario().closure()));
    out.println();
    out.print(Headline.applies(r) && selected == null ? Headline.table(r) : table(r, shownSeries(model, selected)));
    if (selected != null && selected.size() > TABLE_SERIES) {
      out.println("(the table shows " + TABLE_SERIES + " of the " + selected.size() + " series selected"
          + (this.out == null ? "; --out writes them all)" : "; " + this.out + " has them all)"));
    }
    r.fired().forEach((name, period) -> out.println("triggered: " + name + ", in effect from "
        + model.periodLabel(period)));
    // a scenario with odds: every branch is a solution and is checked; the weighted path is their average
    List<Violation> violations = new ArrayList<>();
    if (branches.isEmpty()) {
      violations.addAll(AccountingCheck.check(r));
    } else {
      branches.forEach(b -> violations.addAll(AccountingCheck.check(b.results())));
      out.println();
      out.println("branches: " + String.join(", ", branches.stream().map(b -> b.branch().name() + " (probability "
          + b.branch().probability() + ")").toList()) + "; the table and --out show their probability-weighted path");
    }
    out.println();
    out.println(String.format("solved %d %s in %.1f ms (%d iteration%s in simultaneous blocks)",
        r.periods() - 1, unit(model, r.periods() - 1), r.nanos() / 1e6, r.iterations(),
        r.iterations() == 1 ? "" : "s"));
    if (this.out != null && !violations.isEmpty()) {
      // a run whose accounting is broken is not a solution to keep: the user's file stays as it was
      out.println("not written: " + this.out + " (the run breaks the accounting identities below; "
          + (java.nio.file.Files.exists(this.out) ? "the file is unchanged)" : "no file was made)"));
    } else if (this.out != null) {
      List<Integer> written = selected != null ? selected
          : model.outputLabels().stream().map(model::slotOf).toList();
      int columns = CsvWriter.wideColumns(written);
      CsvWriter.write(r, written, layout, this.out);
      out.println("wrote " + this.out + " (" + (layout == CsvWriter.Format.WIDE ? columns + " columns" : "long form, "
          + written.size() + " series") + ", the solved " + unit(model, 2) + " " + model.periodLabel(2) + " to "
          + model.periodLabel(r.periods()) + ")");
      if (layout == CsvWriter.Format.WIDE && columns > CsvWriter.SPREADSHEET_COLUMNS) {
        err.print(Errors.warning(Diagnostic.error("W408", Span.NONE, this.out + " has " + columns
            + " columns, more than the " + CsvWriter.SPREADSHEET_COLUMNS + " a spreadsheet opens")
            .withHint("pick series with --vars (e.g. --vars GDP,CA,TBG[USA,*]) or write tidy rows with --format long")));
      }
    }
    for (ConditionCheck.Failure f : ConditionCheck.check(r)) {
      err.print(f.diagnostic(model).render());
    }
    err.flush();
    return report(violations, r, out);
  }

  /** "40 quarters, 2025Q1 to 2034Q4, from the 2024Q4 state" or "49 periods, 2 to 50, from the initial values in period 1". */
  static String span(Model m, int periods) {
    if (m.calendar() == null) {
      return (periods - 1) + " " + unit(m, periods - 1) + ", 2 to " + periods + ", from the initial values in period 1";
    }
    return (periods - 1) + " " + unit(m, periods - 1) + ", " + m.periodLabel(2) + " to " + m.periodLabel(periods)
        + ", from the " + m.periodLabel(1) + " state";
  }

  /** What a model's periods are called: quarters, months, years, or periods. */
  static String unit(Model m, int n) {
    String one = m.calendar() == null ? "period" : m.calendar().length() == 4 ? "year"
        : m.calendar().charAt(4) == 'Q' ? "quarter" : "month";
    return n == 1 ? one : one + "s";
  }

  private Results simulate(SolverSettings settings, PrintWriter err) {
    input = Home.resolve(input);
    String name = input.getFileName().toString();
    if (!Files.exists(input)) {
      throw new Errors.UserError("E409", "no such file: " + input);
    }
    if (periods != null && periods < 2) {
      throw new Errors.UserError("E410", "--periods must be at least 2 (period 1 holds the initial values), not " + periods);
    }
    if (periods != null && periods > MAX_PERIODS) {
      throw new Errors.UserError("E410", "--periods must be at most " + MAX_PERIODS + ", not " + periods);
    }
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      ScenarioFile file = ScenarioFile.load(input, periods);
      select(file.model());
      Errors.warn(file.warnings(), err);
      if (!file.branches().isEmpty()) {
        branches = ScenarioRunner.runBranches(file, null, closure, settings);
        return ScenarioRunner.weighted(branches);
      }
      return ScenarioRunner.run(file, null, closure, settings, ProgressListener.NONE);
    }
    long t0 = System.nanoTime();
    Model model = ModelCache.load(input);
    select(model);
    long t1 = System.nanoTime();
    Program program = ModelCache.program(model, closure);
    long t3 = System.nanoTime();
    int n = periods == null ? (model.calendar() != null ? ScenarioFile.CALENDAR_PERIODS : 50) : periods;
    Results r = Simulator.run(program, new Scenario("baseline", n, closure, List.of(), null), settings);
    long t4 = System.nanoTime();
    if (Timings.on()) {
      // the cache's own phases (read, decoded, ...) first, then the command's
      String cache = Timings.drain();
      err.printf("timings: %sload %.0f ms, analyse and compile %.0f ms, solve %.0f ms%n",
          cache.isEmpty() ? "" : cache + "; ", (t1 - t0) / 1e6, (t3 - t1) / 1e6, (t4 - t3) / 1e6);
    }
    return r;
  }

  /** Reads --vars (patterns, split on the commas outside brackets) against the model; none matching is an error. */
  private void select(Model model) {
    if (vars != null) {
      selected = SeriesSelection.slots(model, vars.stream().flatMap(v -> SeriesSelection.split(v).stream()).toList());
    }
  }

  static Method method(String name) {
    switch (name.toLowerCase().replace('_', '-')) {
      case "newton": return Method.NEWTON;
      case "broyden": return Method.BROYDEN;
      case "gauss-seidel": case "gs": return Method.GAUSS_SEIDEL;
      default: throw new Errors.UserError("E410", "unknown --method '" + name + "'; use newton, broyden or gauss-seidel");
    }
  }

  /** The table's series: the first of those selected, else the first eight variables. */
  private static List<String> shownSeries(Model model, List<Integer> selected) {
    if (selected != null) {
      return selected.stream().limit(TABLE_SERIES).map(s -> model.slots().get(s).label()).toList();
    }
    return model.slots().stream().filter(s -> s.kind() == Kind.ENDOGENOUS).map(Slot::label).limit(8).toList();
  }

  private static String table(Results r, List<String> series) {
    List<String> header = new ArrayList<>(List.of("period"));
    header.addAll(series);
    TextTable t = new TextTable(header);
    for (int p : shownPeriods(r.periods())) {
      List<String> row = new ArrayList<>(List.of(r.model().periodLabel(p)));
      series.forEach(s -> row.add(TextTable.number(r.value(s, p))));
      t.add(row);
    }
    return t.render();
  }

  /**
   * The solved periods (2..n) the table shows: all of a short run; of a long one the first five,
   * ten evenly spaced, and the last. Period 1 holds starting values, not a solution (as in the CSV).
   */
  static List<Integer> shownPeriods(int n) {
    List<Integer> out = new ArrayList<>();
    if (n <= 21) {
      IntStream.rangeClosed(2, n).forEach(out::add);
      return out;
    }
    IntStream.rangeClosed(2, 6).forEach(out::add);
    for (int k = 1; k <= 10; k++) {
      int p = 6 + (int) Math.round(k * (n - 6) / 11.0);
      if (p > out.get(out.size() - 1) && p < n) {
        out.add(p);
      }
    }
    out.add(n);
    return out;
  }


  private static int report(List<Violation> violations, Results r, PrintWriter out) {
    Model m = r.model();
    int checks = m.matrices().size() + m.hidden().size();
    if (violations.isEmpty()) {
      out.println("accounting: " + m.matrices().size() + " matri" + (m.matrices().size() == 1 ? "x" : "ces") + " and "
          + m.hidden().size() + " hidden equation" + (m.hidden().size() == 1 ? "" : "s")
          + " hold in every solved period" + (checks == 0 ? " (the model declares none)" : ""));
      return 0;
    }
    out.println("accounting: " + violations.size() + " broken identit" + (violations.size() == 1 ? "y" : "ies") + ":");
    violations.stream().limit(10).forEach(v -> out.print(v.diagnostic(m).render()));
    return Errors.USER;
  }
}
