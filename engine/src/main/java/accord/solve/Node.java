package accord.solve;

import accord.lang.Span;
import accord.model.EvalException;
import accord.model.Evaluator;
import accord.model.Expr;

/**
 * A compiled expression: a tree of small final classes the JIT can inline, reading the current
 * period's row directly and lagged rows through the history. Run-time errors match the
 * interpreter's ({@link Evaluator}).
 */
public abstract class Node {

  /** The value in period {@code t}; {@code cur == rows[t]}. */
  public abstract double eval(double[] cur, double[][] rows, int t);

  public static Node compile(Expr e) {
    if (e instanceof Expr.Const c) {
      return new ConstNode(c.value());
    } else if (e instanceof Expr.Ref r) {
      return r.lag() == 0 ? new CurrentNode(r.slot()) : new LagNode(r.slot(), r.lag());
    } else if (e instanceof Expr.Unary u) {
      Node x = compile(u.operand());
      return u.op() == Expr.Op.NEG ? new NegNode(x) : new NotNode(x);
    } else if (e instanceof Expr.Binary b) {
      return binary(b);
    } else if (e instanceof Expr.Call c) {
      return new CallNode(c, c.args().stream().map(Node::compile).toArray(Node[]::new));
    } else {
      Expr.Cond c = (Expr.Cond) e;
      return new CondNode(compile(c.condition()), compile(c.then()), compile(c.otherwise()));
    }
  }

  private static Node binary(Expr.Binary b) {
    Node l = compile(b.left());
    Node r = compile(b.right());
    Expr.Op op = b.op();
    boolean arithmetic = op == Expr.Op.ADD || op == Expr.Op.SUB || op == Expr.Op.MUL || op == Expr.Op.DIV;
    if (arithmetic && Leaf.of(l) != null && Leaf.of(r) != null) {
      return new LeafBinary(op, Leaf.of(l), Leaf.of(r), b.span());
    }
    switch (op) {
      case ADD: return new AddNode(l, r);
      case SUB: return new SubNode(l, r);
      case MUL: return new MulNode(l, r);
      case DIV: return new DivNode(l, r, b.span());
      default: return new GenericBinary(b, l, r);
    }
  }

  /** A constant, a current value or a lagged value: read without a virtual call. */
  record Leaf(int kind, double value, int slot, int lag) {

    static Leaf of(Node n) {
      if (n instanceof ConstNode c) {
        return new Leaf(0, c.v, 0, 0);
      }
      if (n instanceof CurrentNode c) {
        return new Leaf(1, 0, c.slot, 0);
      }
      if (n instanceof LagNode l) {
        return new Leaf(2, 0, l.slot, l.lag);
      }
      return null;
    }
  }

  /**
   * Arithmetic on two leaves in one node: the commonest shape of model equations (a*Y, Y - T,
   * V(-1) + YD) costs one virtual call instead of three.
   */
  static final class LeafBinary extends Node {
    private final int op;
    private final int lk;
    private final double lv;
    private final int ls;
    private final int ll;
    private final int rk;
    private final double rv;
    private final int rs;
    private final int rl;
    private final Span span;

    LeafBinary(Expr.Op op, Leaf l, Leaf r, Span span) {
      this.op = op.ordinal();
      this.lk = l.kind();
      this.lv = l.value();
      this.ls = l.slot();
      this.ll = l.lag();
      this.rk = r.kind();
      this.rv = r.value();
      this.rs = r.slot();
      this.rl = r.lag();
      this.span = span;
    }

    private static double read(int kind, double value, int slot, int lag, double[] cur, double[][] rows, int t) {
      if (kind == 1) {
        return cur[slot];
      }
      if (kind == 0) {
        return value;
      }
      int p = t - lag;
      return rows[p < 0 ? 0 : p][slot];
    }

    @Override
    public double eval(double[] cur, double[][] rows, int t) {
      double x = read(lk, lv, ls, ll, cur, rows, t);
      double y = read(rk, rv, rs, rl, cur, rows, t);
      if (op == ADD) {
        return x + y;
      } else if (op == SUB) {
        return x - y;
      } else if (op == MUL) {
        return x * y;
      }
      if (y == 0) {
        throw new EvalException("division by zero", span);
      }
      return x / y;
    }

    private static final int ADD = Expr.Op.ADD.ordinal();
    private static final int SUB = Expr.Op.SUB.ordinal();
    private static final int MUL = Expr.Op.MUL.ordinal();
  }

  static final class ConstNode extends Node {
    private final double v;

    ConstNode(double v) {
      this.v = v;
    }

    @Override
    public double eval(double[] cur, double[][] rows, int t) {
      return v;
    }
  }

  static final class CurrentNode extends Node {
    private final int slot;

    CurrentNode(int slot) {
      this.slot = slot;
    }

    @Override
    public double eval(double[] cur, double[][] rows, int t) {
      return cur[slot];
    }
  }

  static final class LagNode extends Node {
    private final int slot;
    private final int lag;

    LagNode(int slot, int lag) {
      this.slot = slot;
      this.lag = lag;
    }

    @Override
    public double eval(double[] cur, double[][] rows, int t) {
      int p = t - lag;
      return rows[p < 0 ? 0 : p][slot];
    }
  }

  static final class NegNode extends Node {
    private final Node x;

    NegNode(Node x) {
      this.x = x;
    }

    @Override
    public double eval(double[] cur, double[][] rows, int t) {
      return -x.eval(cur, rows, t);
    }
  }

  static final class NotNode extends Node {
    private final Node x;

    NotNode(Node x) {
      this.x = x;
    }

    @Override
    public double eval(double[] cur, double[][] rows, int t) {
      return x.eval(cur, rows, t) == 0 ? 1 : 0;
    }
  }

  static final class AddNode extends Node {
    private final Node l;
    private final Node r;

    AddNode(Node l, Node r) {
      this.l = l;
      this.r = r;
    }

    @Override
    public double eval(double[] cur, double[][] rows, int t) {
      return l.eval(cur, rows, t) + r.eval(cur, rows, t);
    }
  }

  static final class SubNode extends Node {
    private final Node l;
    private final Node r;

    SubNode(Node l, Node r) {
      this.l = l;
      this.r = r;
    }

    @Override
    public double eval(double[] cur, double[][] rows, int t) {
      return l.eval(cur, rows, t) - r.eval(cur, rows, t);
    }
  }

  static final class MulNode extends Node {
    private final Node l;
    private final Node r;

    MulNode(Node l, Node r) {
      this.l = l;
      this.r = r;
    }

    @Override
    public double eval(double[] cur, double[][] rows, int t) {
      return l.eval(cur, rows, t) * r.eval(cur, rows, t);
    }
  }

  static final class DivNode extends Node {
    private final Node l;
    private final Node r;
    private final Span span;

    DivNode(Node l, Node r, Span span) {
      this.l = l;
      this.r = r;
      this.span = span;
    }

    @Override
    public double eval(double[] cur, double[][] rows, int t) {
      double d = r.eval(cur, rows, t);
      if (d == 0) {
        throw new EvalException("division by zero", span);
      }
      return l.eval(cur, rows, t) / d;
    }
  }

  /** Power, comparisons and logic: rarer, so one class through the shared interpreter rules. */
  static final class GenericBinary extends Node {
    private final Expr.Binary b;
    private final Node l;
    private final Node r;
    private final boolean shortCircuit;

    GenericBinary(Expr.Binary b, Node l, Node r) {
      this.b = b;
      this.l = l;
      this.r = r;
      this.shortCircuit = b.op() == Expr.Op.AND || b.op() == Expr.Op.OR;
    }

    @Override
    public double eval(double[] cur, double[][] rows, int t) {
      double x = l.eval(cur, rows, t);
      if (shortCircuit) {
        boolean lt = x != 0;
        if (b.op() == Expr.Op.AND ? !lt : lt) {
          return lt ? 1 : 0;
        }
        return r.eval(cur, rows, t) != 0 ? 1 : 0;
      }
      return Evaluator.apply(b, x, r.eval(cur, rows, t));
    }
  }

  static final class CallNode extends Node {
    private final Expr.Call call;
    private final Node[] args;

    CallNode(Expr.Call call, Node[] args) {
      this.call = call;
      this.args = args;
    }

    @Override
    public double eval(double[] cur, double[][] rows, int t) {
      if (args.length == 1) {
        double x = args[0].eval(cur, rows, t);
        switch (call.fn()) {
          case EXP: return Math.exp(x);
          case ABS: return Math.abs(x);
          default: return Evaluator.apply(call, new double[] {x});
        }
      }
      double[] a = new double[args.length];
      for (int i = 0; i < a.length; i++) {
        a[i] = args[i].eval(cur, rows, t);
      }
      return Evaluator.apply(call, a);
    }
  }

  static final class CondNode extends Node {
    private final Node c;
    private final Node a;
    private final Node b;

    CondNode(Node c, Node a, Node b) {
      this.c = c;
      this.a = a;
      this.b = b;
    }

    @Override
    public double eval(double[] cur, double[][] rows, int t) {
      return c.eval(cur, rows, t) != 0 ? a.eval(cur, rows, t) : b.eval(cur, rows, t);
    }
  }
}
