package accord.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import accord.model.Model;
import accord.sim.Run;
import accord.sim.Scenario;
import accord.sim.Simulator;
import accord.structure.StructuralAnalysis;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The solver's report, and a hint that suggests only what can work for the block that failed. */
class SolveFailureTest {

  /** No real solution: x*x + z*z + 1 = 0. */
  static final String NO_SOLUTION = "param a = 1\nvar X = 1\nvar Z = 1\n0 = X*X + Z*Z + a\n0 = X - Z\n";

  /** x = 2y + 1, y = 2x - 3: Newton solves it in a step; Gauss-Seidel's iteration multiplies errors by 4. */
  static final String GAUSS_SEIDEL_DIVERGES = "exogenous G = 1\nx = 2*y + G\ny = 2*x - 3\n";

  /** A contraction (Gauss-Seidel's radius about 0.2 near the solution) that Newton needs a few steps for. */
  static final String CONTRACTING = "var a = 1\na = exp(-b) + 1\nb = sqrt(a) * 2\n";

  @Test
  void reportsTheRelativeResidualThatPickedTheWorstEquation() {
    SolveFailure f = new SolveFailure("no convergence after 100 newton iterations", 2, 0, List.of("X", "Z"), "X",
        "m.acc:3:1", 0.5, 40, 100);
    assertThat(f.relativeResidual()).isEqualTo(0.0125);
    assertThat(f.kind()).isEqualTo(SolveFailure.Kind.NO_CONVERGENCE);
    assertThat(f.report()).contains("largest residual 0.0125 relative to scale (0.500 / 40.0) in equation 'X'");
  }

  @Test
  void aSingularJacobianDoesNotSuggestAnotherMethod() {
    SolveFailure f = new SolveFailure("the Jacobian is singular", 2, 0, List.of("X"), "X", "m.acc:3:1", 1, 1);
    assertThat(f.report()).doesNotContain("--method").contains("multiplied by zero").contains("(1 variable)");
  }

  @Test
  void aFailedNewtonSuggestsCheckingTheValuesAndNeitherOtherMethodWhereTheyCannotWork() {
    SolveFailure f = failure(NO_SOLUTION, Method.NEWTON, 100);
    assertThat(f.getMessage()).isEqualTo("no convergence after 100 newton iterations");
    assertThat(f.help()).startsWith("Newton with a line search found no solution from the start values: check the"
        + " values the scenario sets").doesNotContain("gauss-seidel").doesNotContain("broyden");
  }

  /** Where Gauss-Seidel's iteration contracts, a failed Newton (here: out of iterations) says it applies. */
  @Test
  void aFailedNewtonSuggestsGaussSeidelWhereItsIterationContracts() {
    SolveFailure f = failure(CONTRACTING, Method.NEWTON, 1);
    assertThat(f.help()).contains("--method gauss-seidel also applies to this block (spectral radius of its"
        + " iteration about 0.");
    accord.sim.Results r = Run.of(CONTRACTING, 2, Method.GAUSS_SEIDEL, null, List.of());
    assertThat(r.value("a", 2) - Math.exp(-r.value("b", 2)) - 1).as("and it does converge").isCloseTo(0, within(1e-13));
  }

  @Test
  void gaussSeidelThatDivergesIsASolverFailureThatPointsToNewton() {
    SolveFailure f = failure(GAUSS_SEIDEL_DIVERGES, Method.GAUSS_SEIDEL, SolverSettings.DEFAULT
        .withMethod(Method.GAUSS_SEIDEL).maxIterations());
    assertThat(f.getMessage()).startsWith("gauss-seidel diverged after ").contains("not finite");
    assertThat(f.help()).isEqualTo("Gauss-Seidel diverges on this block (spectral radius of its iteration about 4.0"
        + " near this point, above 1): use --method newton (the default), which follows the exact Jacobian");
    assertThat(Run.of(GAUSS_SEIDEL_DIVERGES, 2, Method.NEWTON, null, List.of()).value("x", 2))
        .as("while Newton solves it").isCloseTo(5.0 / 3, within(1e-12));
  }

  @Test
  void gaussSeidelOutOfIterationsPointsToNewton() {
    SolveFailure f = failure(CONTRACTING, Method.GAUSS_SEIDEL, 2);
    assertThat(f.getMessage()).isEqualTo("no convergence after 2 gauss-seidel iterations");
    assertThat(f.help()).startsWith("Gauss-Seidel converges too slowly on this block (spectral radius of its"
        + " iteration about 0.").endsWith("use --method newton (the default), which follows the exact Jacobian");
  }

  @Test
  void aFailedBroydenPointsToNewton() {
    SolveFailure f = failure(NO_SOLUTION, Method.BROYDEN, 100);
    assertThat(f.getMessage()).isEqualTo("no convergence after 100 broyden iterations");
    assertThat(f.help()).startsWith("use --method newton (the default)").doesNotContain("gauss-seidel");
  }

  @Test
  void spectralRadiusOfKnownMatrices() {
    assertThat(Diagnosis.spectralRadius(new double[] {0.5, 1, 0, 0.3}, 2)).isCloseTo(0.5, within(0.05));
    // a rotation scaled by 2: complex eigenvalues 2i and -2i (the norm's 2^0.5 fades to its 128th root)
    assertThat(Diagnosis.spectralRadius(new double[] {0, -2, 2, 0}, 2)).isCloseTo(2, within(0.01));
    assertThat(Diagnosis.spectralRadius(new double[] {0, 0, 0, 0}, 2)).isZero();
  }

  static SolveFailure failure(String text, Method method, int maxIterations) {
    Model m = Run.model(text);
    Program p = Program.compile(StructuralAnalysis.analyze(m, null));
    SolverSettings s = new SolverSettings(method, 1e-13, 1e-14, maxIterations);
    try {
      Simulator.run(p, Scenario.of(3), s);
    } catch (SolveFailure f) {
      return f;
    }
    throw new AssertionError(text + " with " + method + " did not fail");
  }
}
