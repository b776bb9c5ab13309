package accord.cli;

import accord.lang.Diagnostic;
import accord.lang.ModelException;
import accord.lang.Span;
import accord.solve.EvalFailure;
import accord.solve.SolveFailure;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Maps failures to messages and exit codes: user errors (model, scenario, data) print their
 * diagnostics and exit 1, solver failures print their report and exit 2. A stack trace only
 * with --debug.
 */
final class Errors implements CommandLine.IExecutionExceptionHandler {

  static final int USER = 1;
  static final int SOLVER = 2;
  static final int INTERNAL = 3;

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (parsed.hasMatchedOption("--debug") || parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"))) {
      ex.printStackTrace(err);
    }
    if (ex instanceof ModelException m) {
      err.print(m.render());
      err.flush();
      return USER;
    }
    if (ex instanceof EvalFailure f) {
      err.print(f.diagnostic().render());
      err.flush();
      return USER;
    }
    if (ex instanceof SolveFailure f) {
      err.print(f.report());
      err.flush();
      return SOLVER;
    }
    if (ex instanceof UserError u) {
      err.print(u.diagnostic().render());
      err.flush();
      return USER;
    }
    err.print(Diagnostic.error("E900", Span.NONE, "internal error: " + ex)
        .withHint("please report it, with the output of the same command run with --debug").render());
    err.flush();
    return INTERNAL;
  }

  /** The most warnings of one kind printed in full; the rest are counted. */
  static final int WARNINGS_SHOWN = 5;

  /** Prints the warnings (the first few in full, then their count) and flushes. */
  static void warn(java.util.List<accord.lang.Diagnostic> warnings, PrintWriter err) {
    warnings.stream().limit(WARNINGS_SHOWN).forEach(w -> err.print(warning(w)));
    if (warnings.size() > WARNINGS_SHOWN) {
      err.println("... and " + (warnings.size() - WARNINGS_SHOWN) + " more warnings like these");
    }
    err.flush();
  }

  /** A warning ({@code warning[W406]: ...}; the catalogue gives the severity): the run goes on. */
  static String warning(Diagnostic d) {
    return d.render();
  }

  /** A user mistake that is not in a model or scenario file (an option, an output path): a code, what and how to fix it. */
  static final class UserError extends RuntimeException {

    private final String code;
    private final String hint;

    UserError(String code, String message, String hint) {
      super(message, null, false, false);
      this.code = code;
      this.hint = hint;
    }

    UserError(String code, String message) {
      this(code, message, "");
    }

    Diagnostic diagnostic() {
      return Diagnostic.error(code, Span.NONE, getMessage()).withHint(hint);
    }
  }
}
