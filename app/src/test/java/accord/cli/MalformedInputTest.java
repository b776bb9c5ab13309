package accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Golden tests of the diagnostics: every file in {@code src/test/resources/malformed} that does
 * not start with '_' (those are helpers: data files, base models) is a malformed model or
 * scenario. Its leading comment lines state what the command line must print:
 *
 * <pre>
 * # what the case is about (free text)
 * # command: run                 (optional: .acc files are checked, unless this says run)
 * # args: --periods 1            (optional: more arguments after the file)
 * # expect-exit: 1
 * # expect: NN-name.acc:7:5: error[E101]: unknown name 'alpha'     (one per diagnostic, in order)
 * # expect-help: did you mean 'alpha1'?                             (optional: all '= help:' lines, in order)
 * </pre>
 *
 * A .acc file runs {@code accord check FILE} (or {@code accord run FILE} with "# command: run"), a
 * .yaml file {@code accord run FILE}. The diagnostic lines of the output (those starting with a
 * file location, with "error" or with "solver failure") must equal the expect lines, with every
 * path shown as its bare file name; no output may hold a stack trace.
 */
class MalformedInputTest {

  static final Path DIR = Path.of("src", "test", "resources", "malformed");

  /** {@code path/to/file.acc:3:7: } at the start of a line. */
  private static final Pattern LOCATION = Pattern.compile("^(?:\\S*/)?([^/\\s:]+):(\\d+):(\\d+): ");

  private static final String HELP = "  = help: ";

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("_") && (n.endsWith(".acc") || n.endsWith(".yaml")))
          .sorted().toList().stream();
    }
  }

  @Test
  void theFolderHoldsEnoughCases() throws IOException {
    assertThat(cases().count()).isGreaterThanOrEqualTo(30);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void printsTheExpectedDiagnostics(String name) throws IOException {
    Path file = DIR.resolve(name);
    List<String> header = Files.readAllLines(file).stream().takeWhile(l -> l.startsWith("#")).toList();
    Integer exit = null;
    String command = name.endsWith(".yaml") ? "run" : "check";
    List<String> expected = new ArrayList<>();
    List<String> expectedHelp = new ArrayList<>();
    List<String> args = new ArrayList<>();
    for (String line : header) {
      if (line.startsWith("# expect-exit:")) {
        exit = Integer.parseInt(line.substring("# expect-exit:".length()).trim());
      } else if (line.startsWith("# expect: ")) {
        expected.add(line.substring("# expect: ".length()));
      } else if (line.startsWith("# expect-help: ")) {
        expectedHelp.add(line.substring("# expect-help: ".length()));
      } else if (line.startsWith("# command:")) {
        command = line.substring("# command:".length()).trim();
      } else if (line.startsWith("# args:")) {
        args.addAll(List.of(line.substring("# args:".length()).trim().split("\\s+")));
      }
    }
    assertThat(exit).as("%s has no '# expect-exit:' line", name).isNotNull();
    assertThat(expected).as("%s has no '# expect:' line", name).isNotEmpty();

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Accord.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    List<String> argv = new ArrayList<>(List.of(command, file.toString()));
    argv.addAll(args);
    int code = cl.execute(argv.toArray(String[]::new));
    String output = normalize(out + err.toString());

    assertThat(output).as("%s: no stack trace", name).doesNotContain("Exception").doesNotContain("\tat ")
        .doesNotContain("internal error");
    List<String> lines = output.lines().toList();
    List<String> diagnostics = lines.stream().filter(MalformedInputTest::isDiagnostic).toList();
    assertThat(diagnostics).as("%s: diagnostics; the whole output was:%n%s", name, output)
        .containsExactlyElementsOf(expected);
    if (!expectedHelp.isEmpty()) {
      List<String> help = lines.stream().filter(l -> l.startsWith(HELP)).map(l -> l.substring(HELP.length())).toList();
      assertThat(help).as("%s: help lines; the whole output was:%n%s", name, output)
          .containsExactlyElementsOf(expectedHelp);
    }
    assertThat(code).as("%s: exit code; the output was:%n%s", name, output).isEqualTo(exit);
  }

  private static boolean isDiagnostic(String line) {
    return LOCATION.matcher(line).find() || line.startsWith("error[") || line.startsWith("warning[");
  }

  /** Every path of the folder shown as a bare file name, wherever it appears. */
  private static String normalize(String output) {
    String absolute = DIR.toAbsolutePath().normalize() + java.io.File.separator;
    String relative = DIR + java.io.File.separator;
    String text = output.replace("\r\n", "\n").replace(absolute, "").replace(relative, "");
    StringBuilder sb = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      Matcher m = LOCATION.matcher(line);
      sb.append(m.find() ? m.group(1) + ":" + m.group(2) + ":" + m.group(3) + ": " + line.substring(m.end()) : line)
          .append('\n');
    }
    return sb.toString();
  }
}
