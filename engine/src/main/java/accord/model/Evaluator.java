package accord.model;

import accord.model.Expr.Binary;
import accord.model.Expr.Call;
import accord.model.Expr.Cond;
import accord.model.Expr.Const;
import accord.model.Expr.Ref;
import accord.model.Expr.Unary;

/**
 * Evaluates a resolved expression by walking the tree. Used where speed does not matter
 * (parameters, accounting checks); the solver compiles expressions instead. Both share
 * {@link #apply} so they agree on every operation and error.
 */
public final class Evaluator {

  private Evaluator() {
  }

  /** The value of {@code e} in period {@code t}; lags before period 0 read period 0. */
  public static double eval(Expr e, double[][] rows, int t) {
    if (e instanceof Const c) {
      return c.value();
    } else if (e instanceof Ref r) {
      return rows[Math.max(0, t - r.lag())][r.slot()];
    } else if (e instanceof Unary u) {
      double v = eval(u.operand(), rows, t);
      return u.op() == Expr.Op.NEG ? -v : (v == 0 ? 1 : 0);
    } else if (e instanceof Binary b) {
      if (b.op() == Expr.Op.AND) {
        return eval(b.left(), rows, t) != 0 && eval(b.right(), rows, t) != 0 ? 1 : 0;
      }
      if (b.op() == Expr.Op.OR) {
        return eval(b.left(), rows, t) != 0 || eval(b.right(), rows, t) != 0 ? 1 : 0;
      }
      return apply(b, eval(b.left(), rows, t), eval(b.right(), rows, t));
    } else if (e instanceof Call c) {
      double[] args = new double[c.args().size()];
      for (int i = 0; i < args.length; i++) {
        args[i] = eval(c.args().get(i), rows, t);
      }
      return apply(c, args);
    } else {
      Cond c = (Cond) e;
      return eval(c.condition(), rows, t) != 0 ? eval(c.then(), rows, t) : eval(c.otherwise(), rows, t);
    }
  }

  /** A binary operation, with the run-time errors a user must hear about. */
  public static double apply(Binary b, double x, double y) {
    switch (b.op()) {
      case ADD: return x + y;
      case SUB: return x - y;
      case MUL: return x * y;
      case DIV:
        if (y == 0) {
          throw new EvalException("division by zero", b.span());
        }
        return x / y;
      case POW: {
        double v = Math.pow(x, y);
        if (Double.isNaN(v)) {
          throw new EvalException("power of a negative number to a fractional exponent (" + x + "^" + y + ")", b.span());
        }
        return v;
      }
      case EQ: return x == y ? 1 : 0;
      case NE: return x != y ? 1 : 0;
      case LT: return x < y ? 1 : 0;
      case LE: return x <= y ? 1 : 0;
      case GT: return x > y ? 1 : 0;
      case GE: return x >= y ? 1 : 0;
      case AND: return x != 0 && y != 0 ? 1 : 0;
      case OR: return x != 0 || y != 0 ? 1 : 0;
      default: throw new IllegalStateException(b.op().name());
    }
  }

  /** A function call, with domain errors reported. */
  public static double apply(Call c, double[] a) {
    switch (c.fn()) {
      case EXP: return Math.exp(a[0]);
      case LOG:
        if (a[0] <= 0) {
          throw new EvalException("log of a non-positive number (" + a[0] + ")", c.span());
        }
        return Math.log(a[0]);
      case SQRT:
        if (a[0] < 0) {
          throw new EvalException("square root of a negative number (" + a[0] + ")", c.span());
        }
        return Math.sqrt(a[0]);
      case ABS: return Math.abs(a[0]);
      case MIN: {
        double m = a[0];
        for (double v : a) {
          m = Math.min(m, v);
        }
        return m;
      }
      default: {
        double m = a[0];
        for (double v : a) {
          m = Math.max(m, v);
        }
        return m;
      }
    }
  }
}
