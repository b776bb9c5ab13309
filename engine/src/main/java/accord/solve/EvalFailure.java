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

  public EvalFailure(String message, int period, String equation, Span span) {
    super(message, null, false, false);
    this.period = period;
    this.equation = equation;
    this.span = span;
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
    return Diagnostic.error("E201", span, getMessage() + " in period " + period + ", equation for '" + equation + "'")
        .withHint("guard the expression, e.g. with max(x, 1e-9) or if x > 0 then ... else ...,"
            + " or give the variables non-zero initial values");
  }
}
