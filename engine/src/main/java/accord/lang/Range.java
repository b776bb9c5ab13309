package accord.lang;

/**
 * A series' valid range, declared in the model ({@code in [0, 1]}, {@code in (-1, inf]}): a
 * bound is inclusive with a square bracket, exclusive with a parenthesis, and may be infinite.
 * Values outside it are refused where they are given (a declaration, a data file, a scenario).
 */
public record Range(double low, boolean lowOpen, double high, boolean highOpen, Span span) {

  /** No declared range: every number. */
  public static final Range ANY = new Range(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true, Span.NONE);

  public boolean contains(double v) {
    return (lowOpen ? v > low : v >= low) && (highOpen ? v < high : v <= high);
  }

  public boolean declared() {
    return this != ANY;
  }

  /** As written in a model: {@code [0, 1]}, {@code (-1, inf]}. */
  @Override
  public String toString() {
    return (lowOpen ? "(" : "[") + bound(low) + ", " + bound(high) + (highOpen ? ")" : "]");
  }

  /** A number as people write it: 1, 0.25, -1, inf, 1e-06 stays short. */
  public static String bound(double v) {
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.valueOf((long) v);
    }
    return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toString();
  }
}
