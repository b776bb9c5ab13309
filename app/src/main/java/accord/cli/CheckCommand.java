package accord.cli;

import accord.model.AccountMatrix;
import accord.model.Closure;
import accord.model.Kind;
import accord.model.Model;
import accord.model.ModelLoader;
import accord.structure.Block;
import accord.structure.BlockStructure;
import accord.structure.StructuralAnalysis;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code accord check}: parse and analyse a model, print its structure or every error found. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Check a model file: parse it, resolve it, and order its equations into blocks.",
        "Prints equations, variables, blocks (explicit and simultaneous, with their sizes),",
        "matrices, hidden equations and closures, or every error found."})
final class CheckCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<model.acc>")
  Path input;

  @Option(names = "--closure", paramLabel = "NAME", description = "analyse under this closure")
  String closure;

  @Option(names = "--blocks", description = "list every block, not only the simultaneous ones")
  boolean allBlocks;

  @Option(names = "--debug", description = "show stack traces of internal errors")
  boolean debug;

  @Override
  public Integer call() {
    input = Home.resolve(input);
    if (!Files.exists(input)) {
      throw new Errors.UserError("no such file: " + input);
    }
    Model m = ModelLoader.load(input);
    BlockStructure s = StructuralAnalysis.analyze(m, closure);
    PrintWriter out = spec.commandLine().getOut();
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
