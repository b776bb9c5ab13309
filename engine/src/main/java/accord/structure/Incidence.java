package accord.structure;

import accord.model.Expr;
import java.util.LinkedHashSet;
import java.util.Set;

/** Which current-period slots an expression reads. */
public final class Incidence {

  private Incidence() {
  }

  public static Set<Integer> currentSlots(Expr e) {
    Set<Integer> out = new LinkedHashSet<>();
    collect(e, out);
    return out;
  }

  static void collect(Expr e, Set<Integer> out) {
    if (e instanceof Expr.Ref r) {
      if (r.lag() == 0) {
        out.add(r.slot());
      }
    } else if (e instanceof Expr.Unary u) {
      collect(u.operand(), out);
    } else if (e instanceof Expr.Binary b) {
      collect(b.left(), out);
      collect(b.right(), out);
    } else if (e instanceof Expr.Call c) {
      c.args().forEach(a -> collect(a, out));
    } else if (e instanceof Expr.Cond c) {
      collect(c.condition(), out);
      collect(c.then(), out);
      collect(c.otherwise(), out);
    }
  }
}
