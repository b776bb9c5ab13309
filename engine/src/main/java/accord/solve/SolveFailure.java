package accord.solve;

import accord.lang.Diagnostic;
import accord.lang.Span;
import java.util.List;

/**
 * A block did not converge, or its Jacobian was singular. Names the period, the block, its
 * variables, the equation with the largest residual and the iterations tried, and a hint that
 * suggests only what can help this block (another method only where it applies).
 */
public final class SolveFailure extends RuntimeException {

  /** What went wrong, which decides the hint. */
  public enum Kind {
    /** Singular at the solution found: the block's equations are not independent. */
    INDETERMINATE,
    /** Singular where the iteration stood: no Newton step can be taken there. */
    SINGULAR,
    /** The iterations ran out. */
    NO_CONVERGENCE,
    /** Anything else (a Jacobian that cannot be evaluated, Gauss-Seidel on a flat implicit equation). */
    OTHER
  }

  /** The hint of a singular Jacobian where the iteration stood. */
  static final String SINGULAR_HELP = "the block's equations do not depend on its variables near this point: check for"
      + " a variable that drops out (multiplied by zero) or a redundant equation";

  /** The hint of a block that is singular at its solution. */
  static final String INDETERMINATE_HELP = "one of this block's equations follows from the others (or contradicts"
      + " them): remove or restate it, or make one of the block's variables exogenous; no solution method can fix"
      + " this";

  private final Kind kind;
  private final String help;
  /** The worst equation's place in the model file, and the period as the model names it. */
  private final Span span;
  private final String periodName;

  private final int period;
  private final int block;
  private final List<String> variables;
  private final String equation;
  private final String where;
  private final double residual;
  private final double scale;
  private final int iterations;

  public SolveFailure(String reason, int period, int block, List<String> variables, String equation, String where,
      double residual, int iterations) {
    this(reason, period, block, variables, equation, where, residual, 1, iterations);
  }

  /**
   * {@code residual} is the absolute residual of the worst equation and {@code scale} the size it
   * is measured against (the convergence test and the choice of the worst equation use
   * residual / scale).
   */
  public SolveFailure(String reason, int period, int block, List<String> variables, String equation, String where,
      double residual, double scale, int iterations) {
    this(kindOf(reason), reason, null, period, block, variables, equation, where, residual, scale, iterations);
  }

  /** {@code help}: the hint to show, null for the default of the kind. */
  public SolveFailure(Kind kind, String reason, String help, int period, int block, List<String> variables,
      String equation, String where, double residual, double scale, int iterations) {
    this(kind, reason, help, period, block, variables, equation, where, residual, scale, iterations, Span.NONE,
        "period " + period);
  }

  private SolveFailure(Kind kind, String reason, String help, int period, int block, List<String> variables,
      String equation, String where, double residual, double scale, int iterations, Span span, String periodName) {
    super(reason, null, false, false);
    this.span = span;
    this.periodName = periodName;
    this.kind = kind;
    this.help = help != null ? help : switch (kind) {
      case INDETERMINATE -> INDETERMINATE_HELP;
      case SINGULAR -> SINGULAR_HELP;
      default -> "check this block's equations for a sign error or a missing term, and the values the scenario"
          + " sets for it";
    };
    this.scale = scale > 0 ? scale : 1;
    this.period = period;
    this.block = block;
    this.variables = List.copyOf(variables);
    this.equation = equation;
    this.where = where;
    this.residual = residual;
    this.iterations = iterations;
  }

  /** The same failure placed at its equation's span, its period named as the model names it (2028Q1). */
  public SolveFailure located(Span at, String name) {
    return new SolveFailure(kind, getMessage(), help, period, block, variables, equation, where, residual, scale,
        iterations, at, name);
  }

  /**
   * An equation that cannot be evaluated (a log of a negative number, a division by zero) in a
   * period whose values a scenario changed: the scenario took the run where the model is not
   * defined, a failure of this run rather than an error in the model's text.
   */
  public static SolveFailure evaluation(EvalFailure e, String periodName, String help) {
    return new SolveFailure(Kind.OTHER, "the scenario's values take the run where an equation cannot be evaluated: "
        + e.getMessage() + " in the equation for '" + e.equation() + "'", help, e.period(), -1, List.of(), e.equation(),
        e.span() == null ? "" : e.span().where(), Double.NaN, 1, 0, e.span() == null ? Span.NONE : e.span(), periodName);
  }

  private static Kind kindOf(String reason) {
    return reason.startsWith("the Jacobian is singular") ? Kind.SINGULAR
        : reason.startsWith("no convergence") ? Kind.NO_CONVERGENCE : Kind.OTHER;
  }

  public Kind kind() {
    return kind;
  }

  /** The hint shown after {@code = help:}. */
  public String help() {
    return help;
  }

  public int period() {
    return period;
  }

  public List<String> variables() {
    return variables;
  }

  public double residual() {
    return residual;
  }

  /** The worst equation's residual relative to its scale, as in the convergence test. */
  public double relativeResidual() {
    return residual / scale;
  }

  public int iterations() {
    return iterations;
  }

  /** The failure as every problem is reported: the code of its kind, the worst equation's line, notes and a hint. */
  public Diagnostic diagnostic() {
    List<String> shown = variables.size() > 12 ? variables.subList(0, 12) : variables;
    String code = switch (kind) {
      case INDETERMINATE -> "E202";
      case SINGULAR -> "E221";
      case NO_CONVERGENCE -> "E220";
      case OTHER -> "E222";
    };
    Diagnostic d = Diagnostic.error(code, span, "solver failure in " + periodName + ": " + getMessage());
    if (variables.isEmpty()) {
      return d.withHint(help);
    }
    return d.withNote("block " + block + " (" + variables.size() + " variable" + (variables.size() == 1 ? "" : "s") + "): "
            + String.join(", ", shown) + (variables.size() > shown.size() ? ", ..." : ""))
        .withNote(kind == Kind.INDETERMINATE
            ? "the equation that depends on the others: '" + equation + "' (" + where + "), residual "
                + String.format("%.3g", relativeResidual()) + " relative to scale"
            : "largest residual " + String.format("%.3g", relativeResidual()) + " relative to scale ("
                + String.format("%.3g", residual) + " / " + String.format("%.3g", scale) + ") in equation '"
                + equation + "' (" + where + ")")
        .withNote("iterations tried: " + iterations)
        .withHint(help);
  }

  /** The report shown to the user: {@link #diagnostic()} rendered. */
  public String report() {
    return diagnostic().render();
  }
}
