package accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import accord.cli.CommandLineTest.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated model with a 100,000-term sum goes through accord check and accord run, on the default stack. */
class LargeModelTest {

  @Test
  void aHundredThousandTermSumChecksAndRuns(@TempDir Path dir) throws IOException {
    int n = 100_000;
    StringBuilder text = new StringBuilder("model BIG\nexogenous g = 2\nx = 0.5*x + g*1");
    for (int i = 2; i <= n; i++) {
      text.append(" + g*").append(i);
    }
    Path model = Files.writeString(dir.resolve("big.acc"), text.append('\n'));
    Outcome check = CommandLineTest.accord("check", model.toString());
    assertThat(check.code()).as(check.err()).isZero();
    assertThat(check.out()).contains("no errors");

    Path csv = dir.resolve("big.csv");
    Outcome run = CommandLineTest.accord("run", model.toString(), "--periods", "3", "--out", csv.toString());
    assertThat(run.code()).as(run.err()).isZero();
    List<String> lines = Files.readAllLines(csv);
    int column = List.of(lines.get(0).split(",")).indexOf("x");
    double x = Double.parseDouble(lines.get(lines.size() - 1).split(",")[column]);
    // x = 0.5 x + 2 (1 + ... + n): x = 2 n (n + 1)
    assertThat(x).isCloseTo(2.0 * n * (n + 1), org.assertj.core.api.Assertions.within(1e-3));
  }
}
