package accord.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import accord.model.Model;
import accord.model.ModelLoader;
import accord.sim.ProgressListener;
import accord.sim.Results;
import accord.sim.Run;
import accord.sim.Scenario;
import accord.sim.Simulator;
import accord.structure.StructuralAnalysis;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The method chosen is the one used: each leaves a trace only it produces (the Jacobians it
 * evaluates, its iteration count, its own failure), so a method that silently ran another would
 * fail here even though all three reach the same answer.
 */
class MethodTest {

  record Trace(Results results, int jacobians) {
  }

  static Trace run(Model m, Method method, int periods) {
    Program p = Program.compile(StructuralAnalysis.analyze(m, null));
    Workspace w = p.workspace();
    Results r = Simulator.run(p, Scenario.of(periods), SolverSettings.DEFAULT.withMethod(method), ProgressListener.NONE,
        w);
    return new Trace(r, w.jacobians());
  }

  static Map<Method, Trace> runAll(Model m, int periods) {
    Map<Method, Trace> out = new EnumMap<>(Method.class);
    for (Method method : Method.values()) {
      out.put(method, run(m, method, periods));
    }
    return out;
  }

  /**
   * The textbook models with a simultaneous block (linear, one per model), over 60 periods:
   * Newton evaluates its Jacobian once and keeps it for the run (one step a period), Broyden
   * starts every period from the exact Jacobian and updates its own approximation (59 Jacobians),
   * Gauss-Seidel evaluates none and needs many sweeps a period.
   */
  @ParameterizedTest
  @ValueSource(strings = {"sim", "pc", "reg", "open"})
  void eachMethodLeavesItsOwnTraceOnTheTextbookModels(String name) {
    Model m = ModelLoader.load(CodegenTest.MODELS.resolve("gl").resolve(name + ".acc"));
    assertThat(m.equations()).isNotEmpty();
    Map<Method, Trace> t = runAll(m, 60);
    assertThat(t.get(Method.NEWTON).jacobians()).isEqualTo(1);
    assertThat(t.get(Method.NEWTON).results().iterations()).isEqualTo(59);
    assertThat(t.get(Method.BROYDEN).jacobians()).isEqualTo(59);
    assertThat(t.get(Method.BROYDEN).results().iterations()).isEqualTo(59);
    assertThat(t.get(Method.GAUSS_SEIDEL).jacobians()).isZero();
    assertThat(t.get(Method.GAUSS_SEIDEL).results().iterations()).isGreaterThan(10 * 59);
  }

  /**
   * A nonlinear block, one period from the same start: each method's own iteration count. Newton
   * (its chord steps keep the first Jacobian while it cuts the residual fourfold) takes 7, Broyden
   * (one exact Jacobian, then rank-one updates) 4, Gauss-Seidel (no Jacobian) 13; all reach the
   * same solution.
   */
  @Test
  void aNonlinearBlockTakesEachMethodItsOwnNumberOfIterations() {
    Map<Method, Trace> t = runAll(Run.model(SolveFailureTest.CONTRACTING), 2);
    assertThat(t.get(Method.NEWTON).results().iterations()).isEqualTo(7);
    assertThat(t.get(Method.BROYDEN).results().iterations()).isEqualTo(4);
    assertThat(t.get(Method.GAUSS_SEIDEL).results().iterations()).isEqualTo(13);
    assertThat(t.get(Method.NEWTON).jacobians()).isEqualTo(1);
    assertThat(t.get(Method.BROYDEN).jacobians()).isEqualTo(1);
    assertThat(t.get(Method.GAUSS_SEIDEL).jacobians()).isZero();
    double b = t.get(Method.NEWTON).results().value("b", 2);
    for (Trace each : t.values()) {
      assertThat(each.results().value("b", 2)).isCloseTo(b, org.assertj.core.api.Assertions.within(1e-12));
    }
  }

  /** Gauss-Seidel's own failure, on a block that Newton and Broyden solve in a step. */
  @Test
  void onlyGaussSeidelFailsWhereItsIterationDoesNotContract() {
    Model m = Run.model(SolveFailureTest.GAUSS_SEIDEL_DIVERGES);
    assertThat(run(m, Method.NEWTON, 3).results().value("x", 3)).isEqualTo(5.0 / 3);
    assertThat(run(m, Method.BROYDEN, 3).results().value("x", 3)).isEqualTo(5.0 / 3);
    assertThatThrownBy(() -> run(m, Method.GAUSS_SEIDEL, 3)).isInstanceOf(SolveFailure.class)
        .hasMessageStartingWith("gauss-seidel diverged");
  }
}
