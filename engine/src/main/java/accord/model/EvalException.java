package accord.model;

import accord.lang.Span;

/** An expression could not be evaluated (division by zero, log of a non-positive number). */
public final class EvalException extends RuntimeException {

  private final transient Span span;

  public EvalException(String message, Span span) {
    super(message, null, false, false);
    this.span = span;
  }

  public Span span() {
    return span;
  }
}
