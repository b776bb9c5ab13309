package accord.cli;

import accord.accounts.AccountingCheck;
import accord.accounts.ConditionCheck;
import accord.accounts.Violation;
import accord.model.Kind;
import accord.model.Model;
import accord.model.ModelLoader;
import accord.model.Slot;
import accord.output.CsvWriter;
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
import accord.structure.StructuralAnalysis;
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
    description = {"Simulate a model file (.acc) or a scenario file (.yaml).",
        "Period 1 holds the initial values; periods 2..N are solved. Every accounting matrix and",
        "hidden equation of the model is checked in every solved period."})
final class RunCommand implements Callable<Integer> {

  /** The most periods a run may have (the same limit as a scenario's 'periods'). */
  static final int MAX_PERIODS = 1_000_000;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<model.acc | scenario.yaml>", description = "what to run")
  Path input;

  @Option(names = "--periods", paramLabel = "N", description = "number of periods (default: the scenario's, or 50)")
  Integer periods;

  @Option(names = "--out", paramLabel = "results.csv", description = "write every series to this CSV file")
  Path out;

  @Option(names = "--closure", paramLabel = "NAME", description = "a closure declared in the model")
  String closure;

  @Option(names = "--method", paramLabel = "METHOD", defaultValue = "newton",
      description = "newton (default), broyden or gauss-seidel, for simultaneous blocks")
  String method;

  @Option(names = "--vars", split = ",", paramLabel = "Y,C", description = "series to print (default: the first eight variables)")
  List<String> vars;

  @Option(names = "--debug", description = "show stack traces of internal errors")
  boolean debug;

  /** The branches of a scenario with odds, once run (else empty). */
  private List<ScenarioRunner.BranchRun> branches = List.of();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    SolverSettings settings = SolverSettings.DEFAULT.withMethod(method(method));
    Results r = simulate(settings);
    List<String> shown = shownSeries(r.model());
    out.println("model " + r.model().name() + (r.model().doc().isEmpty() ? "" : ": " + r.model().doc()));
    out.println("scenario " + r.scenario().name() + ", " + r.periods() + " periods"
        + (r.scenario().closure() == null ? "" : ", closure " + r.scenario().closure()));
    out.println();
    out.print(Headline.applies(r) && vars == null ? Headline.table(r) : table(r, shown));
    r.fired().forEach((name, period) -> out.println("triggered: " + name + ", in effect from "
        + r.model().periodLabel(period)));
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
    out.println(String.format("solved %d period%s in %.1f ms (%d iteration%s in simultaneous blocks)",
        r.periods() - 1, r.periods() - 1 == 1 ? "" : "s", r.nanos() / 1e6, r.iterations(),
        r.iterations() == 1 ? "" : "s"));
    if (this.out != null) {
      // a model with a calendar writes its solved quarters only: period 1 holds initial values
      int first = r.model().calendar() != null ? 2 : 1;
      CsvWriter.write(r, r.model().outputLabels(), first,
          IntStream.rangeClosed(1, r.periods()).mapToObj(r.model()::periodLabel).toList(), this.out);
      out.println("wrote " + this.out);
    }
    for (ConditionCheck.Failure f : ConditionCheck.check(r)) {
      spec.commandLine().getErr().println("warning: " + f.describe(r.model()));
    }
    return report(violations, r, out);
  }

  private Results simulate(SolverSettings settings) {
    input = Home.resolve(input);
    String name = input.getFileName().toString();
    if (!Files.exists(input)) {
      throw new Errors.UserError("no such file: " + input);
    }
    if (periods != null && periods < 2) {
      throw new Errors.UserError("--periods must be at least 2 (period 1 holds the initial values), not " + periods);
    }
    if (periods != null && periods > MAX_PERIODS) {
      throw new Errors.UserError("--periods must be at most " + MAX_PERIODS + ", not " + periods);
    }
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      ScenarioFile file = ScenarioFile.load(input);
      if (!file.branches().isEmpty()) {
        branches = ScenarioRunner.runBranches(file, periods, closure, settings);
        return ScenarioRunner.weighted(branches);
      }
      return ScenarioRunner.run(file, periods, closure, settings, ProgressListener.NONE);
    }
    Model model = ModelLoader.load(input);
    Program program = Program.compile(StructuralAnalysis.analyze(model, closure));
    int n = periods == null ? (model.calendar() != null ? 41 : 50) : periods;
    return Simulator.run(program, new Scenario("baseline", n, closure, List.of(), null), settings);
  }

  static Method method(String name) {
    switch (name.toLowerCase().replace('_', '-')) {
      case "newton": return Method.NEWTON;
      case "broyden": return Method.BROYDEN;
      case "gauss-seidel": case "gs": return Method.GAUSS_SEIDEL;
      default: throw new Errors.UserError("unknown --method '" + name + "'; use newton, broyden or gauss-seidel");
    }
  }

  private List<String> shownSeries(Model model) {
    if (vars != null) {
      for (String v : vars) {
        if (model.slotOf(v) < 0) {
          throw new Errors.UserError("model " + model.name() + " has no series '" + v + "'");
        }
      }
      return vars;
    }
    return model.slots().stream().filter(s -> s.kind() == Kind.ENDOGENOUS).map(Slot::label).limit(8).toList();
  }

  private static String table(Results r, List<String> series) {
    List<String> header = new ArrayList<>(List.of("period"));
    header.addAll(series);
    TextTable t = new TextTable(header);
    for (int p : shownPeriods(r.periods())) {
      if (p == 1 && r.model().calendar() != null) {
        continue;
      }
      List<String> row = new ArrayList<>(List.of(r.model().periodLabel(p)));
      series.forEach(s -> row.add(TextTable.number(r.value(s, p))));
      t.add(row);
    }
    return t.render();
  }

  /** All periods of a short run; of a long one the first five, ten evenly spaced, and the last. */
  static List<Integer> shownPeriods(int n) {
    List<Integer> out = new ArrayList<>();
    if (n <= 20) {
      IntStream.rangeClosed(1, n).forEach(out::add);
      return out;
    }
    IntStream.rangeClosed(1, 5).forEach(out::add);
    for (int k = 1; k <= 10; k++) {
      int p = 5 + (int) Math.round(k * (n - 5) / 11.0);
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
    violations.stream().limit(10).forEach(v -> out.println("  " + v.describe()));
    return Errors.USER;
  }
}
