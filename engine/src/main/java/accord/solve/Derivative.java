package accord.solve;

import accord.model.Expr;
import accord.model.Expr.Binary;
import accord.model.Expr.Call;
import accord.model.Expr.Cond;
import accord.model.Expr.Const;
import accord.model.Expr.Fn;
import accord.model.Expr.Op;
import accord.model.Expr.Ref;
import accord.model.Expr.Unary;
import accord.lang.Span;
import java.util.List;

/**
 * Symbolic differentiation of a resolved expression with respect to the current-period value
 * of one slot. The result is exact (no finite differences); {@code if}, min, max and abs
 * differentiate the branch that is taken, comparisons have derivative zero.
 */
public final class Derivative {

  private static final Const ZERO = new Const(0);
  private static final Const ONE = new Const(1);

  private Derivative() {
  }

  public static Expr of(Expr e, int slot) {
    if (e instanceof Const) {
      return ZERO;
    } else if (e instanceof Ref r) {
      return r.slot() == slot && r.lag() == 0 ? ONE : ZERO;
    } else if (e instanceof Unary u) {
      return u.op() == Op.NEG ? neg(of(u.operand(), slot)) : ZERO;
    } else if (e instanceof Binary b) {
      return binary(b, slot);
    } else if (e instanceof Call c) {
      return call(c, slot);
    } else {
      Cond c = (Cond) e;
      Expr a = of(c.then(), slot);
      Expr b = of(c.otherwise(), slot);
      return isZero(a) && isZero(b) ? ZERO : new Cond(c.condition(), a, b);
    }
  }

  private static Expr binary(Binary b, int slot) {
    Expr f = b.left();
    Expr g = b.right();
    Span s = b.span();
    switch (b.op()) {
      case ADD: return add(of(f, slot), of(g, slot));
      case SUB: return sub(of(f, slot), of(g, slot));
      case MUL: return add(mul(of(f, slot), g), mul(f, of(g, slot)));
      case DIV: {
        Expr df = of(f, slot);
        Expr dg = of(g, slot);
        if (isZero(dg)) {
          return div(df, g, s);
        }
        // (f/g)' = (f' - (f/g) g') / g
        return div(sub(df, mul(new Binary(Op.DIV, f, g, s), dg)), g, s);
      }
      case POW: {
        Expr df = of(f, slot);
        Expr dg = of(g, slot);
        if (isZero(dg)) {
          if (isZero(df)) {
            return ZERO;
          }
          return mul(mul(g, new Binary(Op.POW, f, sub(g, ONE), s)), df);
        }
        Expr logF = new Call(Fn.LOG, List.of(f), s);
        return mul(b, add(mul(dg, logF), mul(g, div(df, f, s))));
      }
      default:
        return ZERO;
    }
  }

  private static Expr call(Call c, int slot) {
    Expr x = c.args().get(0);
    Expr dx = of(x, slot);
    switch (c.fn()) {
      case EXP: return mul(c, dx);
      case LOG: return div(dx, x, c.span());
      case SQRT: return div(dx, mul(new Const(2), c), c.span());
      case ABS: return isZero(dx) ? ZERO : new Cond(new Binary(Op.GE, x, ZERO, c.span()), dx, neg(dx));
      default: {
        Op pick = c.fn() == Fn.MIN ? Op.LE : Op.GE;
        Expr best = c.args().get(0);
        Expr dBest = of(best, slot);
        for (int i = 1; i < c.args().size(); i++) {
          Expr y = c.args().get(i);
          Expr dy = of(y, slot);
          dBest = isZero(dBest) && isZero(dy) ? ZERO : new Cond(new Binary(pick, best, y, c.span()), dBest, dy);
          best = new Call(c.fn(), List.of(best, y), c.span());
        }
        return dBest;
      }
    }
  }

  static boolean isZero(Expr e) {
    return e instanceof Const c && c.value() == 0;
  }

  private static boolean isOne(Expr e) {
    return e instanceof Const c && c.value() == 1;
  }

  private static Expr add(Expr a, Expr b) {
    if (isZero(a)) {
      return b;
    }
    if (isZero(b)) {
      return a;
    }
    if (a instanceof Const x && b instanceof Const y) {
      return new Const(x.value() + y.value());
    }
    return new Binary(Op.ADD, a, b, Span.NONE);
  }

  private static Expr sub(Expr a, Expr b) {
    if (isZero(b)) {
      return a;
    }
    if (isZero(a)) {
      return neg(b);
    }
    if (a instanceof Const x && b instanceof Const y) {
      return new Const(x.value() - y.value());
    }
    return new Binary(Op.SUB, a, b, Span.NONE);
  }

  private static Expr mul(Expr a, Expr b) {
    if (isZero(a) || isZero(b)) {
      return ZERO;
    }
    if (isOne(a)) {
      return b;
    }
    if (isOne(b)) {
      return a;
    }
    if (a instanceof Const x && b instanceof Const y) {
      return new Const(x.value() * y.value());
    }
    return new Binary(Op.MUL, a, b, Span.NONE);
  }

  private static Expr div(Expr a, Expr b, Span s) {
    if (isZero(a)) {
      return ZERO;
    }
    if (isOne(b)) {
      return a;
    }
    return new Binary(Op.DIV, a, b, s);
  }

  private static Expr neg(Expr a) {
    if (a instanceof Const x) {
      return new Const(-x.value());
    }
    return new Unary(Op.NEG, a);
  }
}
