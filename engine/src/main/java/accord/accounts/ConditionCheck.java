package accord.accounts;

import accord.model.Check;
import accord.model.Evaluator;
import accord.model.Model;
import accord.model.Printer;
import accord.sim.Results;
import java.util.ArrayList;
import java.util.List;

/**
 * The model's declared conditions ({@code check}) against a run: for each one broken, where it
 * first failed and in how many solved periods. A broken condition does not stop a run; it says
 * the scenario has left the range in which the model's behaviour means something (a peg
 * defended with reserves the central bank no longer has).
 */
public final class ConditionCheck {

  /** A condition broken in {@code periods} solved periods, first in period {@code first} (1-based). */
  public record Failure(Check check, String condition, int first, int periods) {

    public String describe(Model model) {
      return check.condition().label().replace("equation at", "check at") + ": " + condition + " fails in "
          + periods + " period" + (periods == 1 ? "" : "s") + " from " + model.periodLabel(first)
          + (check.doc().isEmpty() ? "" : " (" + check.doc() + ")");
    }

    /** As every problem is reported: W501 at the condition's place in the model file. */
    public accord.lang.Diagnostic diagnostic(Model model) {
      return accord.lang.Diagnostic.warning("W501", check.condition().span(), condition + " fails in " + periods
          + " period" + (periods == 1 ? "" : "s") + " from " + model.periodName(first)
          + (check.doc().isEmpty() ? "" : " (" + check.doc() + ")"))
          .withHint("the run has left the range where the model's behaviour means something: read its results with care");
    }
  }

  private ConditionCheck() {
  }

  public static List<Failure> check(Results results) {
    Model model = results.model();
    double[][] rows = results.rows();
    List<Failure> out = new ArrayList<>();
    for (Check c : model.checks()) {
      int first = -1;
      int count = 0;
      for (int t = 1; t < rows.length; t++) {
        if (Evaluator.eval(c.condition().lhs(), rows, t) == 0) {
          first = first < 0 ? t + 1 : first;
          count++;
        }
      }
      if (count > 0) {
        out.add(new Failure(c, Printer.print(c.condition().lhs(), model.slots()), first, count));
      }
    }
    return out;
  }
}
