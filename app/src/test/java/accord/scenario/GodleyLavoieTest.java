package accord.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import accord.accounts.AccountingCheck;
import accord.model.Csv;
import accord.sim.ProgressListener;
import accord.sim.Results;
import accord.solve.Method;
import accord.solve.SolverSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The textbook models of Godley and Lavoie (2007) through the whole pipeline: every scenario
 * file under models/gl reproduces the independent reference run (tools/gl-reference, checked
 * against the book's Table 3.4 and the analytic steady states) in every period and every series
 * to a relative 1e-8, and its matrices and hidden equation hold in every period.
 */
class GodleyLavoieTest {

  static final Path GL = Path.of("..", "models", "gl");
  static final double RELATIVE = 1e-8;
  static final int STEADY_PERIODS = 3000;
  static final java.util.Map<String, Results> LONG_RUNS = new java.util.concurrent.ConcurrentHashMap<>();

  static Stream<String> scenarios() throws IOException {
    try (Stream<Path> files = Files.list(GL.resolve("expected"))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("published.csv"))
          .map(n -> n.substring(0, n.length() - 4)).sorted().toList().stream();
    }
  }

  static Stream<Arguments> scenariosAndMethods() throws IOException {
    return scenarios().flatMap(s -> Stream.of(Method.values()).map(m -> Arguments.of(s, m)));
  }

  /** The scenario, then STEADY_PERIODS more periods from its last row with everything held. */
  static Results continued(String scenario) {
    Results end = run(scenario, Method.NEWTON);
    accord.solve.Program p = accord.solve.Program.compile(accord.structure.StructuralAnalysis.analyze(end.model(),
        end.scenario().closure()));
    return accord.sim.Simulator.run(p, new accord.sim.Scenario(scenario + " continued", STEADY_PERIODS,
        end.scenario().closure(), java.util.List.of(), end.last()), SolverSettings.DEFAULT);
  }

  static Results run(String scenario, Method method) {
    ScenarioFile file = ScenarioFile.load(GL.resolve(scenario + ".yaml"));
    return ScenarioRunner.run(file, null, null, SolverSettings.DEFAULT.withMethod(method), ProgressListener.NONE);
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("scenariosAndMethods")
  void reproducesTheReferenceRunInEveryPeriod(String scenario, Method method) throws IOException {
    Results r = run(scenario, method);
    Csv.Table expected = Csv.parse(Files.readString(GL.resolve("expected").resolve(scenario + ".csv")));
    assertThat(r.periods()).isEqualTo(expected.rows().size());
    List<String> columns = expected.header().subList(1, expected.header().size());
    for (int row = 0; row < expected.rows().size(); row++) {
      for (int c = 0; c < columns.size(); c++) {
        double want = Double.parseDouble(expected.rows().get(row).get(c + 1));
        double got = r.value(columns.get(c), row + 1);
        assertThat(Math.abs(got - want))
            .as("%s: %s in period %d (got %s, reference %s)", scenario, columns.get(c), row + 1, got, want)
            .isLessThanOrEqualTo(RELATIVE * Math.max(1, Math.abs(want)));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void matricesAndHiddenEquationHoldInEveryPeriod(String scenario) {
    Results r = run(scenario, Method.NEWTON);
    assertThat(r.model().hidden()).as("every textbook model declares its hidden equation").isNotEmpty();
    assertThat(r.model().matrices()).as("every textbook model declares its matrices").hasSizeGreaterThanOrEqualTo(2);
    assertThat(AccountingCheck.check(r)).isEmpty();
  }

  static Stream<Arguments> published() throws IOException {
    Csv.Table t = Csv.parse(Files.readString(GL.resolve("expected").resolve("published.csv")));
    return t.rows().stream().map(row -> Arguments.of(row.get(0), row.get(1), row.get(2), Integer.parseInt(row.get(3)),
        row.get(4), row.get(5)));
  }

  /**
   * Book values are printed rounded: they must agree to half a unit of their last printed digit.
   * Other analytic values must be met to a relative 1e-8: steady states at the end of the scenario
   * continued for STEADY_PERIODS with everything held (they are limits), the others in their period.
   */
  @ParameterizedTest(name = "{0} {1}: {2} in period {3} = {4}")
  @MethodSource("published")
  void matchesPublishedValuesAndAnalyticSteadyStates(String model, String scenario, String variable, int period,
      String value, String source) {
    boolean analytic = source.startsWith("analytic");
    boolean limit = analytic && (source.contains("stationary") || source.contains("steady"));
    String name = model.toLowerCase() + "-" + scenario;
    // a steady state is a limit: run long enough to reach it, and read the last period
    Results r = limit ? LONG_RUNS.computeIfAbsent(name, GodleyLavoieTest::continued) : run(name, Method.NEWTON);
    int at = limit ? r.periods() : period;
    double want = Double.parseDouble(value);
    int decimals = value.contains(".") ? value.length() - value.indexOf('.') - 1 : 0;
    double tolerance = analytic ? 1e-8 * Math.max(1, Math.abs(want)) : 0.5 * Math.pow(10, -decimals) + 1e-12;
    assertThat(Math.abs(r.value(variable, at) - want)).as(source).isLessThanOrEqualTo(tolerance);
  }
}
