package accord.solve;

import static org.assertj.core.api.Assertions.assertThat;

import accord.model.Evaluator;
import accord.model.Expr;
import accord.model.Model;
import accord.sim.Run;
import org.junit.jupiter.api.Test;

/** The scale of an implicit equation is the size of its terms, not of its (near-zero) sides. */
class MagnitudeTest {

  @Test
  void sumsTheAbsoluteValuesOfTheAdditiveTermsOfBothSides() {
    Model m = Run.model("""
        exogenous a = 1e4
        exogenous b = -3e4
        exogenous c = 2e4
        var x = 1
        0 = a + b - (-c) * x + 2
        """);
    var eq = m.equations().get(0);
    double[][] rows = {m.initialRow()};
    double residual = Evaluator.eval(eq.lhs(), rows, 0) - Evaluator.eval(eq.rhs(), rows, 0);
    double size = Evaluator.eval(Expr.magnitude(new Expr.Binary(Expr.Op.SUB, eq.lhs(), eq.rhs(), eq.span())), rows, 0);
    assertThat(residual).isEqualTo(-2);
    assertThat(size).isEqualTo(1e4 + 3e4 + 2e4 + 2);
  }
}
