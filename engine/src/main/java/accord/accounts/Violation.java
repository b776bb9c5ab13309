package accord.accounts;

/**
 * A broken identity: which check (a matrix or a hidden equation), which row or column, the
 * 1-based period, the gap and the scale it was measured against.
 */
public record Violation(String check, String line, int period, double gap, double scale) {

  public String describe() {
    return String.format("%s, %s, period %d: off by %.6g (relative %.3g)", check, line, period, gap, gap / scale);
  }
}
