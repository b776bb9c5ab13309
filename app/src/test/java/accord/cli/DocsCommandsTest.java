package accord.cli;

import static accord.cli.CommandLineTest.accord;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The README and docs/*.md stay true: every {@code ./accord ...} line of their code blocks runs
 * in-process, as documented (paths from the project folder, output into a temporary folder),
 * and exits 0; every YAML block that is a whole scenario runs too; the world model's size in
 * docs/world-model.md is what {@code accord check world} prints.
 *
 * <p>Not run (see {@link #NOT_RUN}): {@code ./accord calibrate}, which rewrites
 * models/world/calibrated/ that the other tests read; {@code ./accord backtest} (21 s here) and the
 * second {@code ./accord report} (18 s), whose work the first report repeats (every report runs
 * the back-test) and which BacktestTest and LibraryTest cover; the sweeps on Spark; {@code ./accord
 * serve}, which runs until stopped and which the web module's tests start on a free port.
 */
class DocsCommandsTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  /** Commands documented but not run here, and why (above): a subcommand, or a whole command. */
  static final Set<String> NOT_RUN = Set.of("calibrate", "backtest", "serve",
      "./accord report models/world/scenarios/mar-a-lago-accord.yaml",
      // sweeps on Spark: they run spark/target/accord-spark.jar (built by the spark module, whose
      // SparkEngineTest checks the engine against the local one) on 10,000 draws or a real cluster
      "./accord sweep models/world/scenarios/tariffs-2025.yaml --draws 10000 --engine spark --master 'local[*]'",
      "./accord sweep models/world/scenarios/tariffs-2025.yaml --draws 100000 --engine spark --master spark://HOST:7077");
  private static final Pattern FENCE = Pattern.compile("(?m)^```(\\w*)\\n(.*?)^```", Pattern.DOTALL);

  static Path out;

  @BeforeAll
  static void folder() throws IOException {
    out = Files.createTempDirectory("accord-docs");
  }

  @AfterAll
  static void clean() throws IOException {
    try (Stream<Path> files = Files.walk(out)) {
      for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Every markdown file the commands are documented in. */
  static List<Path> documents() throws IOException {
    List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs;
  }

  /** The code blocks of a markdown file: language, text. */
  static List<String[]> blocks(Path doc) throws IOException {
    List<String[]> out = new ArrayList<>();
    Matcher m = FENCE.matcher(Files.readString(doc));
    while (m.find()) {
      out.add(new String[] {m.group(1), m.group(2)});
    }
    return out;
  }

  /** Each documented command (without its comment), once, with the file it was first found in. */
  static Map<String, String> commands() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (Path doc : documents()) {
      for (String[] block : blocks(doc)) {
        for (String line : block[1].split("\n")) {
          if (line.startsWith("./accord")) {
            String command = line.replaceFirst("\\s+#.*$", "").strip();
            out.putIfAbsent(command, ROOT.relativize(doc).toString());
          }
        }
      }
    }
    return out;
  }

  @Test
  void theDocsHoldTheCommandsThisTestRuns() throws IOException {
    assertThat(commands()).hasSizeGreaterThanOrEqualTo(15).containsKeys("./accord run world --out world.csv "
        + "--vars GDP,CA,TBG[USA,*]", "./accord --help", "./accord backtest");
  }

  @TestFactory
  Stream<DynamicTest> everyDocumentedCommandRuns() throws IOException {
    return commands().entrySet().stream().filter(e -> !NOT_RUN.contains(e.getKey())
        && !NOT_RUN.contains(e.getKey().split("\\s+")[1]))
        .map(e -> DynamicTest.dynamicTest(e.getKey() + "  (" + e.getValue() + ")", () -> {
          List<String> args = arguments(e.getKey());
          long start = System.nanoTime();
          CommandLineTest.Outcome o = accord(args.toArray(String[]::new));
          double seconds = (System.nanoTime() - start) / 1e9;
          System.out.printf("docs command %.1f s: %s%n", seconds, e.getKey());
          assertThat(o.code()).as("%s (%s) exits 0; it printed:%n%s%n%s", e.getKey(), e.getValue(), o.out(), o.err())
              .isZero();
          assertThat(o.err()).as("%s: no error", e.getKey()).doesNotContain("error[").doesNotContain("internal error");
        }));
  }

  /** The command's arguments, run from app/: project paths made relative to it, outputs into the temporary folder. */
  static List<String> arguments(String command) {
    List<String> words = List.of(command.split("\\s+"));
    List<String> args = new ArrayList<>();
    boolean output = false;
    for (String w : words.subList(1, words.size())) {
      if (output) {
        args.add(out.resolve(Path.of(w).getFileName()).toString());
      } else {
        args.add(w.startsWith("models/") ? ROOT.resolve(w).toString() : w);
      }
      output = w.equals("--out") || w.equals("-o") || w.equals("--charts");
    }
    if (!args.isEmpty() && args.get(0).equals("report") && !args.contains("--out") && !args.contains("-o")) {
      args.add("--out");
      args.add(out.resolve("report.html").toString());
    }
    return args;
  }

  /** Every YAML block that is a whole scenario (it names a model or a baseline) runs as written. */
  @TestFactory
  Stream<DynamicTest> everyDocumentedScenarioRuns() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path doc : documents()) {
      int n = 0;
      for (String[] block : blocks(doc)) {
        if (!block[0].equals("yaml") || !block[1].matches("(?s)(.*\\n)?(model|baseline):.*")) {
          continue;
        }
        String name = ROOT.relativize(doc) + ", scenario " + ++n;
        tests.add(DynamicTest.dynamicTest(name, () -> {
          Path dir = Files.createDirectories(out.resolve("scenario-" + Math.abs(name.hashCode())));
          copyReferencedFiles(block[1], dir);
          Path file = Files.writeString(dir.resolve("sample.yaml"), block[1]);
          CommandLineTest.Outcome o = accord("run", file.toString());
          assertThat(o.code()).as("%s runs; it printed:%n%s%n%s", name, o.out(), o.err()).isZero();
        }));
      }
    }
    assertThat(tests).as("the README's sample scenario at least").isNotEmpty();
    return tests.stream();
  }

  /** A sample's model and start_from files, relative to its folder: copied from the models folder that has them. */
  private static void copyReferencedFiles(String yaml, Path dir) throws IOException {
    Matcher m = Pattern.compile("(?m)^(?:model|start_from):\\s*(\\S+\\.(?:acc|yaml))").matcher(yaml);
    while (m.find()) {
      String name = m.group(1);
      try (Stream<Path> files = Files.walk(ROOT.resolve("models"))) {
        Path found = files.filter(p -> p.endsWith(name)).findFirst()
            .orElseThrow(() -> new AssertionError("the sample names " + name + ", which no models folder has"));
        Files.copy(found, dir.resolve(name));
        if (name.endsWith(".yaml")) {
          copyReferencedFiles(Files.readString(found), dir);
        }
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // named twice
      }
    }
  }

  /** docs/world-model.md's sizes of the model are accord check world's. */
  @Test
  void theWorldModelsSizeInTheDocsIsTheChecked() throws IOException {
    String doc = Files.readString(ROOT.resolve("docs/world-model.md")).replaceAll("\\s+", " ");
    CommandLineTest.Outcome o = accord("check", "world");
    assertThat(o.code()).isZero();
    Matcher eq = Pattern.compile("equations: +(\\d+)").matcher(o.out());
    Matcher blocks = Pattern.compile("blocks: +\\d+ \\((\\d+) explicit, 1 simultaneous\\); largest has (\\d+)")
        .matcher(o.out());
    Matcher tear = Pattern.compile("Newton on .*\\((\\d+)\\)").matcher(o.out());
    assertThat(eq.find() && blocks.find() && tear.find()).as(o.out()).isTrue();
    assertThat(doc).contains(String.format("%,d equations in %,d unknowns", n(eq.group(1)), n(eq.group(1))),
        String.format("%,d explicit ones", n(blocks.group(1))),
        String.format("one simultaneous block of %,d equations", n(blocks.group(2))),
        String.format("Newton on %d tear variables", n(tear.group(1))));
  }

  private static int n(String s) {
    return Integer.parseInt(s);
  }
}
