package accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import accord.lang.Codes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The catalogue is the one list of problem codes: every code the sources raise is in it, every
 * entry is raised somewhere, each code names one kind of problem (one title), and docs/errors.md
 * is the catalogue as generated.
 */
class CodeCatalogueTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Pattern CODE = Pattern.compile("\"([EW]\\d{3})\"");

  /** Every code literal in the main sources, with the files that raise it. */
  static TreeMap<String, Set<String>> raised() throws IOException {
    TreeMap<String, Set<String>> out = new TreeMap<>();
    List<Path> modules;
    try (Stream<Path> dirs = Files.list(ROOT)) {
      // every module: a folder with main sources of its own
      modules = dirs.map(d -> d.resolve("src/main/java")).filter(Files::isDirectory).sorted().toList();
    }
    for (Path module : modules) {
      try (Stream<Path> files = Files.walk(module)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          Matcher m = CODE.matcher(Files.readString(f));
          while (m.find()) {
            out.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(f.getFileName().toString());
          }
        }
      }
    }
    return out;
  }

  @Test
  void everyRaisedCodeIsCataloguedAndEveryEntryIsRaised() throws IOException {
    Set<String> catalogued = Codes.all().stream().map(Codes.Entry::code).collect(Collectors.toCollection(TreeSet::new));
    TreeMap<String, Set<String>> raised = raised();
    assertThat(raised.keySet()).as("codes raised but not in codes.tsv").isSubsetOf(catalogued);
    assertThat(catalogued).as("codes in codes.tsv that nothing raises").isSubsetOf(raised.keySet());
  }

  @Test
  void eachEntryNamesOneProblemWithASeverityThatMatchesItsLetter() {
    Set<String> titles = new TreeSet<>();
    for (Codes.Entry e : Codes.all()) {
      assertThat(titles.add(e.title())).as("title of %s is used by another code", e.code()).isTrue();
      assertThat(e.severity() == Codes.Severity.WARNING).as(e.code()).isEqualTo(e.code().startsWith("W"));
      assertThat(e.explanation()).as(e.code()).isNotBlank();
      assertThat(e.stage()).as(e.code()).isNotEqualTo("other");
    }
  }

  @Test
  void theDocsPageIsTheCatalogue() throws IOException {
    assertThat(Files.readString(ROOT.resolve("docs/errors.md"))).as("regenerate with: accord codes --markdown > docs/errors.md")
        .isEqualTo(Codes.markdown());
  }

  @Test
  void accordCodesExplainsOneCodeAndRefusesAnUnknownOne() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Accord.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    assertThat(cl.execute("codes", "e104")).isZero();
    assertThat(out.toString()).startsWith("E104 (error, names, declarations and structure of a model): wrong number of indices");
    assertThat(cl.execute("codes", "E777")).isEqualTo(1);
    assertThat(err.toString()).startsWith("error[E410]: no problem code 'E777'");
  }
}
