package accord.cli;

import accord.cache.ModelCache;
import accord.model.AccountMatrix;
import accord.model.Closure;
import accord.model.Kind;
import accord.model.Model;
import accord.scenario.ScenarioFile;
import accord.structure.Block;
import accord.structure.BlockStructure;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code accord check}: parse and analyse a model or a scenario, print its structure or every error found. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Check a model (.acc), a scenario (.yaml) or the world model (world) without running it.",
        "A model is parsed, resolved and its equations ordered into blocks; a scenario is read with every",
        "reference, event and value checked against its model (and the scenarios it starts from), then its",
        "model is checked under the scenario's closure. Prints equations, variables, blocks (explicit and",
        "simultaneous, with their sizes), matrices, hidden equations and closures, or every error found."},
    footer = {"", Accord.EXIT_CODES})
final class CheckCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<model.acc | scenario.yaml | world>")
  Path input;

  @Option(names = "--closure", paramLabel = "NAME", description = "analyse under this closure (default: the scenario's)")
  String closure;

  @Option(names = "--periods", paramLabel = "N", description = "check a scenario for a run of N periods (as run --periods)")
  Integer periods;

  @Option(names = "--blocks", description = "list every block, not only the simultaneous ones")
  boolean allBlocks;

  @Option(names = "--debug", description = "show stack traces of internal errors")
  boolean debug;

  @Override
  public Integer call() {
    input = Home.resolve(input);
    if (!Files.exists(input)) {
      throw new Errors.UserError("E409", "no such file: " + input);
    }
    PrintWriter out = spec.commandLine().getOut();
    String name = input.getFileName().toString();
    Model m;
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      if (periods != null && periods < 2) {
        throw new Errors.UserError("E410", "--periods must be at least 2 (period 1 holds the initial values), not " + periods);
      }
      ScenarioFile f = ScenarioFile.load(input, periods);
      startFromChain(f);
      Errors.warn(f.warnings(), spec.commandLine().getErr());
      describe(f, out);
      m = f.model();
      closure = closure != null ? closure : f.closure();
    } else {
      m = ModelCache.load(input);
    }
    BlockStructure s = ModelCache.analyze(m, closure);
    out.println("model " + m.name() + (m.doc().isEmpty() ? "" : ": " + m.doc()));
    out.println("  sets:        " + m.sets().size() + (m.sets().isEmpty() ? "" : " (" + String.join(", ", m.sets().keySet()) + ")"));
    out.println("  equations:   " + m.equations().size());
    out.println("  unknowns:    " + s.unknowns().length);
    out.println("  parameters:  " + count(m, Kind.PARAM));
    out.println("  exogenous:   " + count(m, Kind.EXOGENOUS));
    long explicit = s.blocks().stream().filter(b -> !b.simultaneous()).count();
    out.println("  blocks:      " + s.blocks().size() + " (" + explicit + " explicit, " + s.simultaneousCount()
        + " simultaneous); largest has " + s.largest().size() + " equation" + (s.largest().size() == 1 ? "" : "s"));
    for (Block b : s.blocks()) {
      if (b.simultaneous() || allBlocks) {
        out.println("    block " + b.index() + ": " + (b.simultaneous() ? "simultaneous, " : "explicit, ") + b.size()
            + " equation" + (b.size() == 1 ? "" : "s") + ": " + shortList(m.labels(b.variables()))
            + (b.simultaneous() ? "; Newton on " + shortList(m.labels(b.tearVariables())) : ""));
      }
    }
    out.println("  matrices:    " + m.matrices().size());
    for (AccountMatrix x : m.matrices()) {
      out.println("    " + x.name() + ": " + x.rows().size() + (x.rows().size() == 1 ? " row x " : " rows x ") + x.columns().size()
          + (x.columns().size() == 1 ? " column" : " columns")
          + (x.doc().isEmpty() ? "" : " (" + x.doc() + ")"));
    }
    out.println("  checks:      " + m.checks().size() + (m.checks().isEmpty() ? "" : " (at " + String.join("; ",
        m.checks().stream().map(c -> c.condition().span().where()).distinct().toList()) + ")"));
    out.println("  hidden:      " + m.hidden().size() + (m.hidden().isEmpty() ? "" : " (at " + String.join("; ",
        m.hidden().stream().map(h -> h.span().where()).distinct().toList()) + ")"));
    out.println("  closures:    " + (m.closures().isEmpty() ? "none" : ""));
    for (Closure c : m.closures().values()) {
      out.println("    " + c.name() + ": exogenize " + shortList(m.labels(ints(c.exogenize()))) + "; endogenize "
          + shortList(m.labels(ints(c.endogenize()))) + (c.doc().isEmpty() ? "" : " (" + c.doc() + ")"));
    }
    out.println("no errors");
    return 0;
  }

  /** The scenario's own lines: its model, horizon, closure and what it changes. */
  private static void describe(ScenarioFile f, PrintWriter out) {
    Model m = f.model();
    out.println("scenario " + f.name() + ": model " + m.name() + " (" + f.modelPath() + "), "
        + RunCommand.span(m, f.periods()) + (f.closure() == null ? "" : ", closure " + f.closure()));
    long series = f.changes().stream().mapToInt(accord.sim.Change::slot).distinct().count();
    out.println("  changes:     " + f.changes().size() + " to " + series + " series"
        + (f.triggers().isEmpty() ? "" : "; " + f.triggers().size() + " waiting for a condition")
        + (f.accords().isEmpty() ? "" : "; " + f.accords().size() + " currency accord" + (f.accords().size() == 1 ? "" : "s")));
    if (f.startFrom() != null) {
      out.println("  start from:  " + f.startFrom().getFileName() + " (its last period is this run's period 1)");
    }
    for (ScenarioFile.Branch b : f.branches()) {
      out.println("  branch:      " + b.name() + " (probability " + b.probability() + "), " + b.scenario().changes().size()
          + " changes");
    }
  }

  /** Reads every scenario a scenario starts from, as a run would: the same model, no cycle. */
  private static void startFromChain(ScenarioFile f) {
    List<Path> seen = new java.util.ArrayList<>(List.of(f.path().toAbsolutePath().normalize()));
    for (ScenarioFile s = f; s.startFrom() != null; ) {
      Path next = s.startFrom().toAbsolutePath().normalize();
      if (seen.contains(next)) {
        List<String> names = new java.util.ArrayList<>(seen.subList(seen.indexOf(next), seen.size()).stream()
            .map(p -> String.valueOf(p.getFileName())).toList());
        names.add(String.valueOf(next.getFileName()));
        throw new accord.lang.ModelException(accord.lang.Diagnostic.error("E358", ScenarioFile.startFromSpan(s.path()),
            "start_from makes a cycle: " + String.join(" -> ", names))
            .withHint("a scenario starts from one that runs before it; the first in the chain starts from none"));
      }
      seen.add(next);
      ScenarioFile base = ScenarioFile.load(next);
      if (!base.modelPath().equals(s.modelPath())) {
        throw new accord.lang.ModelException(accord.lang.Diagnostic.error("E319", ScenarioFile.startFromSpan(s.path()),
            "scenario " + s.path().getFileName() + " starts from " + next.getFileName() + ", which runs another model ("
                + base.modelPath().getFileName() + ", not " + s.modelPath().getFileName() + ")")
            .withHint("start_from must name a scenario of the same model"));
      }
      s = base;
    }
  }

  private static long count(Model m, Kind k) {
    return m.slots().stream().filter(s -> s.kind() == k).count();
  }

  private static int[] ints(List<Integer> xs) {
    return xs.stream().mapToInt(Integer::intValue).toArray();
  }

  private static String shortList(List<String> xs) {
    return xs.size() <= 10 ? String.join(", ", xs) : String.join(", ", xs.subList(0, 10)) + ", ... (" + xs.size() + ")";
  }
}
