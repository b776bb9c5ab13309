package accord.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the command line may answer to any input: exit code 0 (the input was valid), 1 with a
 * positioned diagnostic first (or a broken identity of a run that solved), or 2 with a solver
 * report; never a stack trace, an internal error, a hang or a changed output file.
 */
final class CliOracle {

  /** What one in-process run of the command line did. */
  record Outcome(int code, String out, String err, Throwable thrown, long millis, boolean timedOut,
      boolean outputChanged, List<String> litter, String nonFinite) {

    Outcome(int code, String out, String err, Throwable thrown, long millis, boolean timedOut, boolean outputChanged,
        List<String> litter) {
      this(code, out, err, thrown, millis, timedOut, outputChanged, litter, null);
    }
  }

  /** {@code file:line:col: error[E123]: message}: the diagnostic of a place in a file. */
  static final Pattern POSITIONED = Pattern.compile("^\\S.*:\\d+:\\d+: error\\[E\\d{3}\\]: \\S.*", Pattern.DOTALL);
  /** {@code file: error[E123]: message}: the file-level form, where the problem has no position. */
  static final Pattern FILE_LEVEL = Pattern.compile("^\\S.*: error\\[E\\d{3}\\]: \\S.*", Pattern.DOTALL);
  private static final Pattern WARNING = Pattern.compile("^(?:\\S.*: )?warning\\[W\\d{3}\\]: ");
  /** The solver's report, a diagnostic with an E2xx code. */
  private static final Pattern SOLVER = Pattern.compile("^(?:\\S.*: )?error\\[E2\\d{2}\\]: solver failure in ");
  private static final Pattern BROKEN_IDENTITY = Pattern.compile("(?m)^accounting: \\d+ broken identit");
  /** A line of a Java stack trace or exception text (source lines echoed by a diagnostic start with "  N | "). */
  private static final Pattern TRACE = Pattern.compile(
      "(?m)^(?!\\s+\\d+ \\| ).*(\\tat [\\w$.<>/]+\\(|java\\.lang\\.|Exception\\b|StackOverflowError|OutOfMemoryError"
          + "|internal error)");

  private CliOracle() {
  }

  /** Every way {@code o} breaks the contract; empty if it keeps it. */
  static List<String> problems(Outcome o) {
    List<String> out = new ArrayList<>();
    if (o.timedOut()) {
      out.add("no answer within the time limit (" + o.millis() + " ms)");
      return out;
    }
    if (o.thrown() != null) {
      out.add("the command line threw " + o.thrown());
      return out;
    }
    String all = o.out() + o.err();
    if (TRACE.matcher(all).find()) {
      java.util.regex.Matcher m = TRACE.matcher(all);
      m.find();
      out.add("a stack trace or internal error: '" + m.group().strip() + "'");
    }
    // warnings (warning[W...] with their source excerpt, notes and hint) go with any exit code
    List<String> errLines = o.err().lines().filter(l -> !l.isBlank() && !l.startsWith(" ")
        && !WARNING.matcher(l).find() && !l.startsWith("... and ")).toList();
    String first = errLines.isEmpty() ? "" : errLines.get(0);
    switch (o.code()) {
      case 0 -> {
        if (!first.isEmpty()) {
          out.add("exit code 0, but the error output says '" + first + "'");
        }
      }
      case 1 -> {
        boolean diagnostic = POSITIONED.matcher(first).matches() || FILE_LEVEL.matcher(first).matches();
        boolean identity = first.isEmpty() && BROKEN_IDENTITY.matcher(o.out()).find();
        if (!diagnostic && !identity) {
          out.add("exit code 1 without 'file:line:col: error[E...]' (or 'file: error[E...]') first: '" + first + "'");
        }
      }
      case 2 -> {
        if (!SOLVER.matcher(first).find()) {
          out.add("exit code 2 without a solver report first: '" + first + "'");
        }
      }
      default -> out.add("exit code " + o.code());
    }
    if (o.code() != 0 && o.outputChanged()) {
      out.add("exit code " + o.code() + ", and the output file changed");
    }
    if (o.code() == 0 && o.nonFinite() != null) {
      out.add("exit code 0, and the output file holds " + o.nonFinite());
    }
    if (!o.litter().isEmpty()) {
      out.add("files left beside the output: " + o.litter());
    }
    return out;
  }
}
