package accord.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import accord.model.Model;
import accord.model.ModelLoader;
import accord.sim.Change;
import accord.sim.Results;
import accord.sim.Run;
import accord.sim.Scenario;
import accord.sim.Simulator;
import accord.structure.StructuralAnalysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A block whose equations are not independent has no unique solution: it is reported as
 * indeterminate even where its start values happen to satisfy it, with every method; shipped
 * models are far from the threshold.
 */
class IndependenceTest {

  /** Y = C + G with C = Y - G: any Y solves it, and Y = 0, C = -G already does. */
  static final String TWO = """
      exogenous G = 20
      Y = C + G
      C = Y - G
      """;

  /** The third equation is the sum of the first two (in residual form), with coefficients that round. */
  static final String THREE = """
      exogenous G = 20
      Y = C + I + G
      C = 0.6*Y - 0.4*I
      I = (0.4*Y - G)/0.6
      """;

  @ParameterizedTest
  @EnumSource(Method.class)
  void twoEquationsThatRepeatEachOtherAreIndeterminate(Method method) {
    assertIndeterminate(TWO, method, List.of("Y", "C"), 2);
  }

  @ParameterizedTest
  @EnumSource(Method.class)
  void threeDependentEquationsAreIndeterminate(Method method) {
    assertIndeterminate(THREE, method, List.of("Y", "C", "I"), 2);
  }

  /** Dependent up to round-off (0.1 + 0.2 + 0.7 is not exactly 1 in binary), from start values that do not satisfy it. */
  @ParameterizedTest
  @EnumSource(Method.class)
  void equationsDependentUpToRoundOffFail(Method method) {
    assertThatThrownBy(() -> Run.of("""
        exogenous G = 20
        var Y = 7
        Y = C + G
        C = 0.1*Y + 0.2*Y + 0.7*Y - G
        """, 3, method, null, List.of()))
        .isInstanceOfSatisfying(SolveFailure.class, f -> {
          assertThat(f.kind()).isIn(SolveFailure.Kind.INDETERMINATE, SolveFailure.Kind.SINGULAR);
          assertThat(f.variables()).containsExactly("Y", "C");
        });
  }

  /** A parameter set, from period 5, to where the equations repeat each other: found in that period. */
  @Test
  void aChangeThatMakesTheBlockDependentIsFoundInItsPeriod() {
    String text = """
        exogenous G = 20
        param a = 0.5
        Y = C + G
        C = a*Y - a*G
        """;
    int a = Run.model(text).slotOf("a");
    Results fine = Run.of(text, 4, Method.NEWTON, null, List.of());
    assertThat(fine.value("Y", 4)).isCloseTo(20, within(1e-9));
    assertThatThrownBy(() -> Run.of(text, 8, Method.NEWTON, null, List.of(new Change(a, 5, 8, 1))))
        .isInstanceOfSatisfying(SolveFailure.class, f -> {
          assertThat(f.period()).isEqualTo(5);
          assertThat(f.kind()).isEqualTo(SolveFailure.Kind.INDETERMINATE);
        });
  }

  static void assertIndeterminate(String text, Method method, List<String> variables, int period) {
    assertThatThrownBy(() -> Run.of(text, 4, method, null, List.of()))
        .isInstanceOfSatisfying(SolveFailure.class, f -> {
          assertThat(f.kind()).isEqualTo(SolveFailure.Kind.INDETERMINATE);
          assertThat(f.period()).isEqualTo(period);
          assertThat(f.variables()).containsExactlyInAnyOrderElementsOf(variables);
          assertThat(f.report())
              .contains("error[E202]: solver failure in period " + period + ": the block is indeterminate: its equations are"
                  + " not independent")
              .contains("block 0 (" + variables.size() + " variables): ")
              .contains("the equation that depends on the others: ")
              .contains("= help: one of this block's equations follows from the others")
              .doesNotContain("--method");
        });
  }

  /** An independent block next to a dependent one: the right one is named. */
  @Test
  void namesTheDependentBlockAmongOthers() {
    assertThatThrownBy(() -> Run.of("""
        exogenous G = 20
        x = 0.5*y + 1
        y = 0.5*x + 1
        Y = C + G + x
        C = Y - G - x
        """, 3))
        .isInstanceOfSatisfying(SolveFailure.class, f -> assertThat(f.variables()).containsExactlyInAnyOrder("Y", "C"));
  }

  /**
   * The measure itself, on random matrices up to 70 x 70 whose terms are spread over ten orders of
   * magnitude by row and column scaling: with one row a combination of the others the smallest
   * scaled pivot is round-off, far below the threshold; independent ones stay far above it.
   */
  @Test
  void theScaledPivotSeparatesDependentFromIndependentMatrices() {
    Random rnd = new Random(20261130L);
    double worstDependent = 0;
    double bestIndependent = Double.POSITIVE_INFINITY;
    for (int trial = 0; trial < 300; trial++) {
      int n = 2 + rnd.nextInt(69);
      double[] a = new double[n * n];
      double[] mag = new double[n * n];
      for (int i = 0; i < a.length; i++) {
        a[i] = rnd.nextInt(3) == 0 ? 0 : rnd.nextGaussian();
      }
      for (int i = 0; i < n; i++) {
        a[i * n + i] += n;  // diagonally dominant: independent
      }
      boolean dependent = trial % 2 == 0;
      if (dependent) {
        int last = rnd.nextInt(n);
        for (int j = 0; j < n; j++) {
          double v = 0;
          for (int i = 0; i < n; i++) {
            v += i == last ? 0 : a[i * n + j] * (i % 3 == 0 ? 0.3 : -0.7);
          }
          a[last * n + j] = v;
        }
      }
      double[] rows = new double[n];
      double[] cols = new double[n];
      for (int i = 0; i < n; i++) {
        rows[i] = Math.pow(10, rnd.nextInt(11) - 5);
        cols[i] = Math.pow(10, rnd.nextInt(11) - 5);
      }
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          a[i * n + j] *= rows[i] * cols[j];
          mag[i * n + j] = Math.abs(a[i * n + j]) * 1.5;
        }
      }
      double p = Lu.smallestScaledPivot(a, mag, n, new double[n * n], new double[n], new double[n]).value();
      if (dependent) {
        worstDependent = Math.max(worstDependent, p);
      } else {
        bestIndependent = Math.min(bestIndependent, p);
      }
    }
    assertThat(worstDependent).isLessThan(Program.DEPENDENT / 1e3);
    assertThat(bestIndependent).isGreaterThan(Program.DEPENDENT * 1e5);
  }

  static Stream<Path> models() throws IOException {
    try (Stream<Path> files = Files.list(CodegenTest.MODELS.resolve("gl"))) {
      return files.filter(p -> p.toString().endsWith(".acc")).sorted().toList().stream();
    }
  }

  /** Every textbook model, with every method: no block is near the threshold. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void textbookModelsAreFarFromDependent(Path file) {
    Model m = ModelLoader.load(file);
    for (Method method : Method.values()) {
      Program p = Program.compile(StructuralAnalysis.analyze(m, null));
      Results r = Simulator.run(p, Scenario.of(60), SolverSettings.DEFAULT.withMethod(method));
      Workspace w = p.workspace();
      for (int t = 1; t < r.periods(); t++) {
        double[][] rows = r.rows();
        for (CompiledBlock b : p.blocks()) {
          if (b.k == 0) {
            continue;
          }
          Lu.Pivot pivot = p.independence(b, rows[t], rows, t, t + 1, w);
          assertThat(pivot).isNotNull();
          assertThat(pivot.value()).as("%s with %s, period %d", file, method, t + 1).isGreaterThan(0.2);
        }
      }
    }
  }
}
