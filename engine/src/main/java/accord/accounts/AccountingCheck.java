package accord.accounts;

import accord.model.AccountMatrix;
import accord.model.Equation;
import accord.model.Evaluator;
import accord.model.Expr;
import accord.model.Model;
import accord.sim.Results;
import accord.structure.Incidence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The accounts stage: after a run, every declared matrix must have rows and columns summing to
 * zero (or to a row's stated total) and every hidden equation must hold, in every solved period,
 * to a relative {@link #TOLERANCE} of the sum of the absolute values involved (for a hidden
 * equation, of its additive terms: {@code sum(CA) = 0} is measured against the current accounts).
 */
public final class AccountingCheck {

  public static final double TOLERANCE = 1e-9;

  private AccountingCheck() {
  }

  public static List<Violation> check(Results results) {
    List<Violation> out = new ArrayList<>();
    Model model = results.model();
    double[][] rows = results.rows();
    List<Expr> sizes = model.hidden().stream()
        .map(h -> Expr.magnitude(new Expr.Binary(Expr.Op.SUB, h.lhs(), h.rhs(), h.span()))).toList();
    Map<Integer, Expr> definitions = new HashMap<>();
    model.equations().stream().filter(e -> e.definedSlot() >= 0).forEach(e -> definitions.put(e.definedSlot(), e.rhs()));
    List<List<Expr>> sources = model.hidden().stream().map(h -> {
      Set<Integer> read = Incidence.currentSlots(h.lhs());
      read.addAll(Incidence.currentSlots(h.rhs()));
      return read.stream().filter(definitions::containsKey).map(definitions::get).toList();
    }).toList();
    for (int t = 1; t < rows.length; t++) {
      for (int i = 0; i < model.hidden().size(); i++) {
        Equation h = model.hidden().get(i);
        double l = Evaluator.eval(h.lhs(), rows, t);
        double r = Evaluator.eval(h.rhs(), rows, t);
        double scale = Math.max(Math.abs(l) + Math.abs(r), Evaluator.eval(sizes.get(i), rows, t));
        for (Expr source : sources.get(i)) {
          scale = Math.max(scale, spread(source, rows, t));
        }
        record(out, "hidden equation " + h.label().replace("equation at", "at"), "left side - right side", t + 1,
            l - r, scale);
      }
      for (AccountMatrix m : model.matrices()) {
        matrix(m, rows, t, out);
      }
    }
    return out;
  }

  /**
   * The size of the numbers {@code e} combines: |t| summed over its additive terms, through a
   * constant factor and a divisor. {@code CA = FA} is only as exact as the stock changes FA is
   * computed from, so a hidden equation is measured against the spread of the equations that
   * define its variables (one level down), as the solver measured them.
   */
  private static double spread(Expr e, double[][] rows, int t) {
    if (e instanceof Expr.Binary b) {
      switch (b.op()) {
        case ADD, SUB -> {
          return spread(b.left(), rows, t) + spread(b.right(), rows, t);
        }
        case MUL -> {
          if (b.left() instanceof Expr.Const c) {
            return Math.abs(c.value()) * spread(b.right(), rows, t);
          }
          if (b.right() instanceof Expr.Const c) {
            return Math.abs(c.value()) * spread(b.left(), rows, t);
          }
        }
        case DIV -> {
          double d = Math.abs(Evaluator.eval(b.right(), rows, t));
          if (d > 0) {
            return spread(b.left(), rows, t) / d;
          }
        }
        default -> {
        }
      }
    } else if (e instanceof Expr.Unary u && u.op() == Expr.Op.NEG) {
      return spread(u.operand(), rows, t);
    }
    return Math.abs(Evaluator.eval(e, rows, t));
  }

  private static void matrix(AccountMatrix m, double[][] rows, int t, List<Violation> out) {
    int cols = m.columns().size();
    double[] colSum = new double[cols];
    double[] colAbs = new double[cols];
    for (AccountMatrix.Row row : m.rows()) {
      double sum = 0;
      double abs = 0;
      for (int c = 0; c < cols; c++) {
        Expr cell = row.cells().get(c);
        if (cell == null) {
          continue;
        }
        double v = Evaluator.eval(cell, rows, t);
        sum += v;
        abs += Math.abs(v);
        colSum[c] += v;
        colAbs[c] += Math.abs(v);
      }
      double target = row.total() == null ? 0 : Evaluator.eval(row.total(), rows, t);
      record(out, "matrix " + m.name(), "row \"" + row.label() + "\"", t + 1, sum - target, abs + Math.abs(target));
    }
    for (int c = 0; c < cols; c++) {
      record(out, "matrix " + m.name(), "column \"" + m.columns().get(c) + "\"", t + 1, colSum[c], colAbs[c]);
    }
  }

  private static void record(List<Violation> out, String check, String line, int period, double gap, double scale) {
    double s = Math.max(1, scale);
    if (!(Math.abs(gap) <= TOLERANCE * s)) {
      out.add(new Violation(check, line, period, gap, s));
    }
  }
}
