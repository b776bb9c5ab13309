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
    return 3;
  }

  /** A user mistake that is not in a model or scenario file (an option, an output path). */
  static final class UserError extends RuntimeException {
    UserError(String message) {
      super(message, null, false, false);
    }
  }
}
