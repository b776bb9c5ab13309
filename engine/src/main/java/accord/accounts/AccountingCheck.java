package accord.accounts;

import accord.model.AccountMatrix;
import accord.model.Equation;
import accord.model.Expr;
import accord.model.Model;
import accord.sim.Results;
import accord.solve.Values;
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
 *
 * <p>Every number a check reads is one expression of a {@link Values}, evaluated once a period
 * (by generated code where it can be made): a sweep checks each of its draws.
 */
public final class AccountingCheck {

  public static final double TOLERANCE = 1e-9;

  private final Model model;
  private final Values values;
  /**
   * The spreads of the equations defining what the hidden equations read: most of the numbers,
   * and needed only where a gap exceeds the tolerance of the hidden equation's own terms (a
   * spread can only widen the scale), so evaluated only in such a period.
   */
  private final Values spreads;
  /** Per hidden equation: where its lhs sits in a period's values (rhs and size follow). */
  private final int[] hiddenAt;
  /** Per hidden equation: where its spreads start and end in {@link #spreads}. */
  private final int[] spreadFrom;
  /** Per matrix row: where its cells sit (present cells only, then the total if any). */
  private final int[] rowAt;

  private AccountingCheck(Model model, boolean generate) {
    this.model = model;
    List<Expr> exprs = new ArrayList<>();
    List<Expr> spreadExprs = new ArrayList<>();
    Map<Integer, Expr> definitions = new HashMap<>();
    model.equations().stream().filter(e -> e.definedSlot() >= 0).forEach(e -> definitions.put(e.definedSlot(), e.rhs()));
    List<Equation> hidden = model.hidden();
    hiddenAt = new int[hidden.size()];
    spreadFrom = new int[hidden.size() + 1];
    for (int i = 0; i < hidden.size(); i++) {
      Equation h = hidden.get(i);
      hiddenAt[i] = exprs.size();
      exprs.add(h.lhs());
      exprs.add(h.rhs());
      exprs.add(Expr.magnitude(new Expr.Binary(Expr.Op.SUB, h.lhs(), h.rhs(), h.span())));
      Set<Integer> read = Incidence.currentSlots(h.lhs());
      read.addAll(Incidence.currentSlots(h.rhs()));
      List<Expr> sources = read.stream().filter(definitions::containsKey).map(definitions::get).toList();
      spreadFrom[i] = spreadExprs.size();
      sources.forEach(s -> spreadExprs.add(spread(s)));
    }
    spreadFrom[hidden.size()] = spreadExprs.size();
    int rowCount = model.matrices().stream().mapToInt(m -> m.rows().size()).sum();
    rowAt = new int[rowCount];
    int r = 0;
    for (AccountMatrix m : model.matrices()) {
      for (AccountMatrix.Row row : m.rows()) {
        rowAt[r++] = exprs.size();
        row.cells().stream().filter(c -> c != null).forEach(exprs::add);
        if (row.total() != null) {
          exprs.add(row.total());
        }
      }
    }
    this.values = generate ? Values.of(exprs) : Values.trees(exprs);
    this.spreads = generate ? Values.of(spreadExprs) : Values.trees(spreadExprs);
  }

  /** The checks of {@code model}, prepared once (with generated code) for the many runs of a sweep. */
  public static AccountingCheck of(Model model) {
    return new AccountingCheck(model, true);
  }

  /** The checks of one run, on the expression trees (generating their code would take longer). */
  public static List<Violation> check(Results results) {
    return new AccountingCheck(results.model(), false).violations(results);
  }

  /** Every broken identity of a run of this check's model, in every solved period. */
  public List<Violation> violations(Results results) {
    return violations(results, 2);
  }

  /**
   * The broken identities from 1-based period {@code first} on: a run continued from another
   * (a sweep's scenario from its baseline) need not check again the periods it took over.
   */
  public List<Violation> violations(Results results, int first) {
    if (results.model().slots().size() != model.slots().size()) {
      throw new IllegalArgumentException("a run of model " + results.model().name() + ", not " + model.name());
    }
    List<Violation> out = new ArrayList<>();
    double[][] rows = results.rows();
    double[] v = new double[values.size()];
    double[] sv = new double[spreads.size()];
    for (int t = Math.max(1, first - 1); t < rows.length; t++) {
      values.eval(rows, t, v);
      boolean spread = false;
      for (int i = 0; i < hiddenAt.length; i++) {
        int at = hiddenAt[i];
        double l = v[at];
        double r = v[at + 1];
        double scale = Math.max(Math.abs(l) + Math.abs(r), v[at + 2]);
        if (broken(l - r, scale) && spreadFrom[i + 1] > spreadFrom[i]) {
          if (!spread) {
            spreads.eval(rows, t, sv);
            spread = true;
          }
          for (int s = spreadFrom[i]; s < spreadFrom[i + 1]; s++) {
            scale = Math.max(scale, sv[s]);
          }
        }
        if (broken(l - r, scale)) {
          out.add(new Violation("hidden equation " + model.hidden().get(i).label().replace("equation at", "at"),
              "left side - right side", t + 1, l - r, Math.max(1, scale)));
        }
      }
      int r = 0;
      for (AccountMatrix m : model.matrices()) {
        matrix(m, r, v, t, out);
        r += m.rows().size();
      }
    }
    return out;
  }

  private void matrix(AccountMatrix m, int firstRow, double[] v, int t, List<Violation> out) {
    int cols = m.columns().size();
    double[] colSum = new double[cols];
    double[] colAbs = new double[cols];
    for (int k = 0; k < m.rows().size(); k++) {
      AccountMatrix.Row row = m.rows().get(k);
      int at = rowAt[firstRow + k];
      double sum = 0;
      double abs = 0;
      for (int c = 0; c < cols; c++) {
        if (row.cells().get(c) == null) {
          continue;
        }
        double x = v[at++];
        sum += x;
        abs += Math.abs(x);
        colSum[c] += x;
        colAbs[c] += Math.abs(x);
      }
      double target = row.total() == null ? 0 : v[at];
      if (broken(sum - target, abs + Math.abs(target))) {
        out.add(new Violation("matrix " + m.name(), "row \"" + row.label() + "\"", t + 1, sum - target,
            Math.max(1, abs + Math.abs(target))));
      }
    }
    for (int c = 0; c < cols; c++) {
      if (broken(colSum[c], colAbs[c])) {
        out.add(new Violation("matrix " + m.name(), "column \"" + m.columns().get(c) + "\"", t + 1, colSum[c],
            Math.max(1, colAbs[c])));
      }
    }
  }

  /**
   * The size of the numbers {@code e} combines, as an expression: |t| summed over its additive
   * terms, through a constant factor and a divisor. {@code CA = FA} is only as exact as the stock
   * changes FA is computed from, so a hidden equation is measured against the spread of the
   * equations that define its variables (one level down), as the solver measured them.
   */
  static Expr spread(Expr e) {
    if (e instanceof Expr.Binary b) {
      switch (b.op()) {
        case ADD, SUB -> {
          return new Expr.Binary(Expr.Op.ADD, spread(b.left()), spread(b.right()), b.span());
        }
        case MUL -> {
          if (b.left() instanceof Expr.Const c) {
            return new Expr.Binary(Expr.Op.MUL, new Expr.Const(Math.abs(c.value())), spread(b.right()), b.span());
          }
          if (b.right() instanceof Expr.Const c) {
            return new Expr.Binary(Expr.Op.MUL, new Expr.Const(Math.abs(c.value())), spread(b.left()), b.span());
          }
        }
        case DIV -> {
          return new Expr.Binary(Expr.Op.DIV, spread(b.left()), abs(b.right()), b.span());
        }
        default -> {
        }
      }
    } else if (e instanceof Expr.Unary u && u.op() == Expr.Op.NEG) {
      return spread(u.operand());
    }
    return abs(e);
  }

  private static Expr abs(Expr e) {
    return new Expr.Call(Expr.Fn.ABS, List.of(e), accord.lang.Span.NONE);
  }

  /** Whether a gap exceeds the tolerance relative to max(1, scale); the labels are built only for one that does. */
  private static boolean broken(double gap, double scale) {
    return !(Math.abs(gap) <= TOLERANCE * Math.max(1, scale));
  }
}
