package accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

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

  @Test
  void helpIsKeptPerBuildAndPrintedAgainAsPicocliPrintsIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    String before = System.getProperty("accord.cache");
    System.setProperty("accord.cache", dir.toString());
    try {
      for (String[] args : new String[][] {{"--help"}, {"run", "--help"}, {"help", "compare"}, {}}) {
        assertThat(HelpCache.isHelp(args)).isTrue();
        ByteArrayOutputStream made = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(HelpCache.answer(args, new PrintStream(made))).as("nothing kept yet").isNull();
        assertThat(HelpCache.make(args, new PrintStream(made, true, StandardCharsets.UTF_8), err)).isZero();
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        assertThat(HelpCache.answer(args, new PrintStream(kept, true, StandardCharsets.UTF_8))).isZero();
        String picocli = CommandLineTest.accord(args).out();
        assertThat(made.toString(StandardCharsets.UTF_8)).isEqualTo(picocli).contains("Usage: accord");
        assertThat(kept.toString(StandardCharsets.UTF_8)).isEqualTo(picocli);
      }
      // a mistake is printed, never kept
      String[] typo = {"run", "--hlep"};
      assertThat(HelpCache.isHelp(typo)).isFalse();
      String[] unknown = {"help", "rnu"};
      PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
      HelpCache.make(unknown, quiet, quiet);
      assertThat(HelpCache.answer(unknown, quiet)).isNull();
      assertThat(HelpCache.isHelp(new String[] {"run", "world"})).isFalse();
      assertThat(HelpCache.isHelp(new String[] {"--version", "--help"})).isFalse();
    } finally {
      if (before == null) {
        System.clearProperty("accord.cache");
      } else {
        System.setProperty("accord.cache", before);
      }
    }
  }

  @Test
  void aCommandBuiltAloneAnswersAsInTheWholeTree() {
    String[][] lines = {{"run", "../models/gl/sim.acc", "--periods", "5"}, {"run", "--periods", "x", "m.acc"},
        {"run", "no-such-model.acc"}, {"codes", "E104"}, {"check", "../models/gl/pc.acc"}, {"runs", "--limit", "0"}};
    for (String[] args : lines) {
      CommandLine alone = Accord.commandLine(args);
      assertThat(alone.getSubcommands().keySet()).as("built alone: %s", String.join(" ", args)).containsExactly(args[0]);
      CommandLineTest.Outcome tree = CommandLineTest.accord(args);
      java.io.StringWriter out = new java.io.StringWriter();
      java.io.StringWriter err = new java.io.StringWriter();
      int code = alone.setOut(new java.io.PrintWriter(out)).setErr(new java.io.PrintWriter(err)).execute(args);
      assertThat(code).as(String.join(" ", args)).isEqualTo(tree.code());
      assertThat(out.toString().replaceAll("solved .* ms", "")).isEqualTo(tree.out().replaceAll("solved .* ms", ""));
      assertThat(err.toString()).isEqualTo(tree.err());
    }
    assertThat(Accord.commandLine(new String[] {"--help"}).getSubcommands()).hasSizeGreaterThan(10);
    assertThat(Accord.commandLine(new String[] {"nonsense"}).getSubcommands()).hasSizeGreaterThan(10);
  }
}
