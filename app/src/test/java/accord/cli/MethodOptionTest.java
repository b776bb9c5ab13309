package accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --method} reaches the solver: on one nonlinear block each method takes its own number
 * of iterations (engine's MethodTest explains them), which the run's summary line reports.
 */
class MethodOptionTest {

  @ParameterizedTest
  @CsvSource({"newton, 7", "broyden, 4", "gauss-seidel, 13", "gs, 13"})
  void theSummaryShowsTheIterationsOfTheMethodChosen(String method, int iterations, @TempDir Path dir)
      throws Exception {
    Path model = dir.resolve("contracting.acc");
    Files.writeString(model, "model T\nvar a = 1\na = exp(-b) + 1\nb = sqrt(a) * 2\n");
    CommandLineTest.Outcome o = CommandLineTest.accord("run", model.toString(), "--periods", "2", "--method", method);
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).contains("solved 1 period in ").contains("(" + iterations + " iterations in simultaneous blocks)");
  }
}
