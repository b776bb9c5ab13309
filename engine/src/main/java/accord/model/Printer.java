package accord.model;

import java.util.List;
import java.util.stream.Collectors;

/** Prints a resolved expression with slot labels, fully parenthesised where precedence needs it. */
public final class Printer {

  private Printer() {
  }

  public static String print(Expr e, List<Slot> slots) {
    return print(e, slots, 0);
  }

  private static int precedence(Expr.Op op) {
    switch (op) {
      case OR: return 1;
      case AND: return 2;
      case EQ: case NE: case LT: case LE: case GT: case GE: return 4;
      case ADD: case SUB: return 5;
      case MUL: case DIV: return 6;
      case POW: return 8;
      default: return 7;
    }
  }

  private static String print(Expr e, List<Slot> slots, int outer) {
    if (e instanceof Expr.Const c) {
      double v = c.value();
      String s = v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
      return v < 0 && outer > 0 ? "(" + s + ")" : s;
    } else if (e instanceof Expr.Ref r) {
      String label = slots.get(r.slot()).label();
      return r.lag() == 0 ? label : label + "(-" + r.lag() + ")";
    } else if (e instanceof Expr.Unary u) {
      String s = u.op().symbol + print(u.operand(), slots, 7);
      return outer > 6 ? "(" + s + ")" : s;
    } else if (e instanceof Expr.Binary b) {
      int p = precedence(b.op());
      boolean rightAssoc = b.op() == Expr.Op.POW;
      String s = print(b.left(), slots, rightAssoc ? p + 1 : p) + " " + b.op().symbol + " "
          + print(b.right(), slots, rightAssoc ? p : p + 1);
      return p < outer ? "(" + s + ")" : s;
    } else if (e instanceof Expr.Call c) {
      return c.fn().name().toLowerCase() + "(" + c.args().stream().map(a -> print(a, slots, 0))
          .collect(Collectors.joining(", ")) + ")";
    } else {
      Expr.Cond c = (Expr.Cond) e;
      String s = "if " + print(c.condition(), slots, 0) + " then " + print(c.then(), slots, 0) + " else "
          + print(c.otherwise(), slots, 0);
      return outer > 0 ? "(" + s + ")" : s;
    }
  }
}
