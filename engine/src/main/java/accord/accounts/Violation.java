package accord.accounts;

import accord.lang.Diagnostic;
import accord.lang.Span;
import accord.model.Model;
import java.util.Locale;

/**
 * A broken identity: which check (a matrix or a hidden equation), which row or column, the
 * 1-based period, the gap and the scale it was measured against.
 */
public record Violation(String check, String line, int period, double gap, double scale) {

  public String describe() {
    return String.format(Locale.ROOT, "%s, %s, period %d: off by %.6g (relative %.3g)", check, line, period, gap,
        gap / scale);
  }

  /** As every problem is reported: E501 (a matrix) or E502 (a hidden equation), the period named as the model names it. */
  public Diagnostic diagnostic(Model model) {
    boolean hidden = check.startsWith("hidden");
    return Diagnostic.error(hidden ? "E502" : "E501", Span.NONE, String.format(Locale.ROOT,
        "%s, %s, %s: off by %.6g (relative %.3g)", check, line,
        model.periodName(period), gap, gap / scale))
        .withHint(hidden ? "the model's equations do not imply this identity: look for a flow missing from one side"
            : "a flow in this row or column comes from nowhere or goes nowhere: compare the equations of its cells");
  }
}
