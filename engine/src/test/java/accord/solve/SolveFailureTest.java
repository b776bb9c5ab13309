package accord.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SolveFailureTest {

  @Test
  void reportsTheRelativeResidualThatPickedTheWorstEquation() {
    SolveFailure f = new SolveFailure("no convergence after 100 newton iterations", 2, 0, List.of("X", "Z"), "X",
        "m.acc:3:1", 0.5, 40, 100);
    assertThat(f.relativeResidual()).isEqualTo(0.0125);
    assertThat(f.report()).contains("largest residual 0.0125 relative to scale (0.500 / 40.0) in equation 'X'")
        .contains("try --method broyden");
  }

  @Test
  void aSingularJacobianDoesNotSuggestAnotherMethod() {
    SolveFailure f = new SolveFailure("the Jacobian is singular", 2, 0, List.of("X"), "X", "m.acc:3:1", 1, 1);
    assertThat(f.report()).doesNotContain("broyden").contains("multiplied by zero").contains("(1 variable)");
  }
}
