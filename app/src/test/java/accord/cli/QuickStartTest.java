package accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The paths ./accord takes without picocli give what picocli would have given. */
class QuickStartTest {

  @Test
  void versionWithoutPicocliPrintsWhatPicocliPrints() {
    for (String flag : new String[] {"--version", "-V"}) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      Integer code = Accord.quickAnswer(new String[] {flag}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
      CommandLineTest.Outcome picocli = CommandLineTest.accord(flag);
      assertThat(code).isEqualTo(picocli.code()).isZero();
      assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(picocli.out()).isEqualTo("accord 0.1.0" + System.lineSeparator());
    }
  }

  @Test
  void everyOtherCommandLineGoesToPicocli() {
    PrintStream unused = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThat(Accord.quickAnswer(new String[] {"--version", "run"}, unused)).isNull();
    assertThat(Accord.quickAnswer(new String[] {"run", "--version"}, unused)).isNull();
    assertThat(Accord.quickAnswer(new String[] {"--help"}, unused)).isNull();
    assertThat(Accord.quickAnswer(new String[] {}, unused)).isNull();
  }
}
