package accord.solve;

import accord.lang.Diagnostic;
import accord.lang.Span;

/**
 * An equation could not be evaluated at run time (division by zero, log of a negative number,
 * a value that is not finite): the user's model is wrong for the data it meets.
 */
public final class EvalFailure extends RuntimeException {

  private final int period;
  private final String equation;
  private final transient Span span;
  /** The period as the model names it (2028Q1, or period 14 without a calendar). */
  private final String periodName;

  public EvalFailure(String message, int period, String equation, Span span) {
    this(message, period, equation, span, "period " + period);
  }

  private EvalFailure(String message, int period, String equation, Span span, String periodName) {
    super(message, null, false, false);
    this.period = period;
    this.equation = equation;
    this.span = span;
    this.periodName = periodName;
  }

  /** The same failure with its period named as the model names it. */
  public EvalFailure named(String name) {
    return new EvalFailure(getMessage(), period, equation, span, name);
  }

  public int period() {
    return period;
  }

  /** Where the failing expression is in the model file. */
  public Span span() {
    return span;
  }

  /** The label of the equation that failed. */
  public String equation() {
    return equation;
  }

  public Diagnostic diagnostic() {
    return Diagnostic.error("E201", span, getMessage() + " in " + periodName + ", equation for '" + equation + "'")
        .withHint("guard the expression, e.g. with max(x, 1e-9) or if x > 0 then ... else ...,"
            + " or give the variables non-zero initial values");
  }
}
