package accord.cli;

import accord.lang.ModelException;
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
      err.println("error: " + u.getMessage());
      err.flush();
      return USER;
    }
    err.println("internal error: " + ex + " (please report it; run with --debug for the stack trace)");
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

  /**
   * A diagnostic rendered as a warning ({@code warning[E406]: ...}): the run goes on. Diagnostics
   * carry no severity yet, so the renderer's word is replaced.
   */
  static String warning(accord.lang.Diagnostic d) {
    String text = d.render();
    String mark = "error[" + d.code() + "]";
    int at = text.indexOf(mark);
    return at < 0 ? text : text.substring(0, at) + "warning[" + d.code() + "]" + text.substring(at + mark.length());
  }

  /** A user mistake that is not in a model or scenario file (an option, an output path). */
  static final class UserError extends RuntimeException {
    UserError(String message) {
      super(message, null, false, false);
    }
  }
}
