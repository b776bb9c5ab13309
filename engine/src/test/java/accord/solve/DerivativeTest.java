package accord.solve;

import static org.assertj.core.api.Assertions.assertThat;

import accord.lang.Span;
import accord.model.Evaluator;
import accord.model.Expr;
import accord.model.Expr.Op;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Symbolic derivatives of random expressions against central finite differences. */
class DerivativeTest {

  private static final List<accord.model.Slot> SLOTS = List.of(
      new accord.model.Slot(0, "x0", "x0", accord.model.Kind.ENDOGENOUS, "", Span.NONE),
      new accord.model.Slot(1, "x1", "x1", accord.model.Kind.ENDOGENOUS, "", Span.NONE),
      new accord.model.Slot(2, "x2", "x2", accord.model.Kind.ENDOGENOUS, "", Span.NONE));

  private final Random rnd = new Random(3);

  private Expr random(int depth) {
    if (depth == 0 || rnd.nextInt(4) == 0) {
      return rnd.nextBoolean() ? new Expr.Ref(rnd.nextInt(3), 0) : new Expr.Const(0.5 + rnd.nextInt(5));
    }
    Expr a = random(depth - 1);
    Expr b = random(depth - 1);
    switch (rnd.nextInt(9)) {
      case 0: return new Expr.Binary(Op.ADD, a, b, Span.NONE);
      case 1: return new Expr.Binary(Op.SUB, a, b, Span.NONE);
      case 2: return new Expr.Binary(Op.MUL, a, b, Span.NONE);
      case 3: return new Expr.Binary(Op.DIV, a, new Expr.Call(Expr.Fn.EXP, List.of(b), Span.NONE), Span.NONE);
      case 4: return new Expr.Call(Expr.Fn.LOG, List.of(new Expr.Binary(Op.ADD, new Expr.Const(10),
          new Expr.Call(Expr.Fn.ABS, List.of(a), Span.NONE), Span.NONE)), Span.NONE);
      case 5: return new Expr.Binary(Op.POW, new Expr.Call(Expr.Fn.EXP, List.of(a), Span.NONE), new Expr.Const(1.5), Span.NONE);
      case 6: return new Expr.Call(rnd.nextBoolean() ? Expr.Fn.MIN : Expr.Fn.MAX, List.of(a, b), Span.NONE);
      case 7: return new Expr.Cond(new Expr.Binary(Op.GT, a, b, Span.NONE), a, new Expr.Unary(Op.NEG, b));
      default: return new Expr.Call(Expr.Fn.SQRT, List.of(new Expr.Binary(Op.ADD, new Expr.Const(1),
          new Expr.Binary(Op.MUL, a, a, Span.NONE), Span.NONE)), Span.NONE);
    }
  }

  @Test
  void matchesFiniteDifferences() {
    int checked = 0;
    for (int trial = 0; trial < 3000; trial++) {
      Expr e = random(4);
      double[][] rows = {{rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()}};
      int slot = rnd.nextInt(3);
      double exact;
      double fd;
      try {
        exact = Evaluator.eval(Derivative.of(e, slot), rows, 0);
        double h = 1e-6 * Math.max(1, Math.abs(rows[0][slot]));
        double x = rows[0][slot];
        rows[0][slot] = x + h;
        double up = Evaluator.eval(e, rows, 0);
        rows[0][slot] = x - h;
        double down = Evaluator.eval(e, rows, 0);
        rows[0][slot] = x;
        fd = (up - down) / (2 * h);
        double mid = Evaluator.eval(e, rows, 0);
        double curvature = Math.abs(up - 2 * mid + down) / (h * h);
        boolean overflow = Math.abs(mid) > 1e100 || Math.abs(mid) < 1e-100;
        if (!Double.isFinite(fd) || curvature > 1e3 || Math.abs(fd) > 1e8 || overflow) {
          continue; // a kink of min/max/abs/if within h: finite differences say nothing there
        }
      } catch (RuntimeException domain) {
        continue;
      }
      assertThat(exact).as("trial %d: d/dx%d of %s at %s", trial, slot, accord.model.Printer.print(e, SLOTS),
          java.util.Arrays.toString(rows[0])).isCloseTo(fd, org.assertj.core.api.Assertions.within(1e-5 * Math.max(1, Math.abs(fd))));
      checked++;
    }
    assertThat(checked).isGreaterThan(2000);
  }
}
