package accord.model;

import accord.lang.Span;
import java.util.List;

/**
 * A resolved expression over slots: every name is a slot index with a lag, every index set is
 * expanded. This is what the structure, solve and accounts stages read.
 */
public sealed interface Expr {

  /** A constant. */
  record Const(double value) implements Expr {
  }

  /** The value of slot {@code slot} {@code lag} periods ago. */
  record Ref(int slot, int lag) implements Expr {
  }

  /** Unary minus or logical not. */
  record Unary(Op op, Expr operand) implements Expr {
  }

  /** A binary operation; span points at the operator for run-time errors. */
  record Binary(Op op, Expr left, Expr right, Span span) implements Expr {
  }

  /** exp, log, sqrt, abs, min, max. */
  record Call(Fn fn, List<Expr> args, Span span) implements Expr {
  }

  /** {@code if condition then a else b}; a condition is true when not zero. */
  record Cond(Expr condition, Expr then, Expr otherwise) implements Expr {
  }

  enum Op {
    NEG("-"), NOT("not "), ADD("+"), SUB("-"), MUL("*"), DIV("/"), POW("^"),
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), AND("and"), OR("or");

    public final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    public static Op binary(String s) {
      for (Op op : values()) {
        if (op.symbol.equals(s) && op != NEG) {
          return op;
        }
      }
      throw new IllegalArgumentException(s);
    }
  }

  enum Fn { EXP, LOG, SQRT, ABS, MIN, MAX }

  /** The same expression with every lag increased by {@code k} (for {@code d(x)}). */
  static Expr shift(Expr e, int k) {
    if (e instanceof Ref r) {
      return new Ref(r.slot(), r.lag() + k);
    } else if (e instanceof Unary u) {
      return new Unary(u.op(), shift(u.operand(), k));
    } else if (e instanceof Binary b) {
      return new Binary(b.op(), shift(b.left(), k), shift(b.right(), k), b.span());
    } else if (e instanceof Call c) {
      return new Call(c.fn(), c.args().stream().map(a -> shift(a, k)).toList(), c.span());
    } else if (e instanceof Cond c) {
      return new Cond(shift(c.condition(), k), shift(c.then(), k), shift(c.otherwise(), k));
    }
    return e;
  }

  /**
   * Sums and products of more terms than this (a sum over a large set) are balanced trees; up
   * to it they are evaluated left to right, as before (the world model's largest sum has 100).
   */
  int BALANCE_FROM = 256;

  /**
   * {@code terms[0] op terms[1] op ...} for an associative op (+, *): left-associative up to
   * {@link #BALANCE_FROM} terms, else a balanced tree (pairwise), whose depth is the logarithm of
   * its length, so that recursive walks of a sum over a large set stay shallow.
   */
  static Expr chain(Op op, List<Expr> terms, Span span) {
    if (terms.size() <= BALANCE_FROM) {
      Expr acc = terms.get(0);
      for (int i = 1; i < terms.size(); i++) {
        acc = new Binary(op, acc, terms.get(i), span);
      }
      return acc;
    }
    return balanced(op, terms, 0, terms.size(), span);
  }

  private static Expr balanced(Op op, List<Expr> terms, int lo, int hi, Span span) {
    if (hi - lo == 1) {
      return terms.get(lo);
    }
    int mid = (lo + hi) >>> 1;
    return new Binary(op, balanced(op, terms, lo, mid, span), balanced(op, terms, mid, hi, span), span);
  }

  /**
   * The sum of |t| over the additive terms t of e: the natural size of an equation such as
   * 0 = B - BHH - BCB or sum(CA) = 0, whose two sides are no guide to the numbers it balances.
   */
  static Expr magnitude(Expr e) {
    List<Expr> terms = new java.util.ArrayList<>();
    magnitude(e, terms);
    return terms.isEmpty() ? new Const(0) : chain(Op.ADD, terms, Span.NONE);
  }

  private static void magnitude(Expr e, List<Expr> terms) {
    if (e instanceof Binary b && (b.op() == Op.ADD || b.op() == Op.SUB)) {
      magnitude(b.left(), terms);
      magnitude(b.right(), terms);
    } else if (e instanceof Unary u && u.op() == Op.NEG) {
      magnitude(u.operand(), terms);
    } else if (e instanceof Const c) {
      if (c.value() != 0) {
        terms.add(new Const(Math.abs(c.value())));
      }
    } else {
      terms.add(new Call(Fn.ABS, List.of(e), Span.NONE));
    }
  }
}
