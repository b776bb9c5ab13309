package accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line's contracts: exit codes, the table, the CSV columns, the structure report. */
class CommandLineTest {

  record Outcome(int code, String out, String err) {
  }

  static Outcome accord(String... args) {
    CommandLine cl = Accord.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  /**
   * A mistake in the options reaches the terminal: standard error is a buffered writer that
   * println alone flushes, so a message printed without a flush was lost at System.exit, and
   * `accord sweep x.yaml --bogus` exited 1 saying nothing.
   */
  @Test
  void anOptionMistakeIsFlushedToABufferedStandardError() {
    for (String[] args : List.of(new String[] {"sweep", "x.yaml", "--bogus"},
        new String[] {"sensitivity", "x.yaml", "--output", "TB[USA]"}, new String[] {"run", "--periods", "abc"})) {
      CommandLine cl = Accord.commandLine();
      StringWriter err = new StringWriter();
      cl.setOut(new PrintWriter(new StringWriter()));
      cl.setErr(new PrintWriter(new java.io.BufferedWriter(err, 1 << 16)));
      assertThat(cl.execute(args)).isEqualTo(1);
      assertThat(err.toString()).as(String.join(" ", args)).contains("error[E410]");
    }
  }

  /**
   * Every help text is a format string to picocli: a lone % ("95% intervals") printed a warning
   * over the help and left the text unformatted.
   */
  @Test
  void everyHelpTextIsAValidFormatString() {
    for (CommandLine sub : Accord.commandLine().getSubcommands().values()) {
      CommandLine.Model.UsageMessageSpec u = sub.getCommandSpec().usageMessage();
      List<String> texts = new java.util.ArrayList<>(List.of(u.description()));
      texts.addAll(List.of(u.footer()));
      sub.getCommandSpec().options().forEach(o -> texts.addAll(List.of(o.description())));
      for (String t : texts) {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> String.format(t)))
            .as("%s: %s", sub.getCommandName(), t).isNull();
      }
    }
  }

  @Test
  void runWritesACsvWithPeriodAndOneColumnPerSeriesNamedAsInTheModel(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("reg.csv");
    Outcome o = accord("run", "../models/gl/reg.acc", "--periods", "5", "--out", csv.toString());
    assertThat(o.code()).isZero();
    assertThat(o.out()).contains("accounting: 2 matrices and 1 hidden equation hold in every solved period");
    List<String> lines = Files.readAllLines(csv);
    // the solved periods 2..5: period 1 holds starting values, left out of every CSV (as the world's 2024Q4)
    assertThat(lines).hasSize(5);
    List<String> header = List.of(lines.get(0).split(","));
    assertThat(header.get(0)).isEqualTo("period");
    assertThat(header).contains("Y[N]", "Y[S]");
    assertThat(lines.get(1)).startsWith("2,");
    assertThat(lines.get(4)).startsWith("5,");
  }

  /**
   * accord compare prints the difference from the baseline at 4, 8 (and 20) quarters with units,
   * and --out writes every number in long form. A 145% tariff on China (then 40%) narrows the US
   * goods deficit with China and raises US tariff revenue and prices: the economics of a tariff
   * (Amiti, Redding and Weinstein 2019).
   */
  @Test
  void compareShowsTheDifferencesFromTheBaselineWithUnits(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("diff.csv");
    Outcome o = accord("compare", "../models/world/scenarios/us-china-tariffs.yaml", "--out", csv.toString());
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).contains("2025Q4 (4 quarters from 2025Q1): difference from the baseline",
        "2026Q4 (8 quarters from 2025Q1)", "GDP %", "TB $bn/day", "goods balance of each region",
        "sectors, 2026Q4", "technology output", "accounting: every matrix and hidden equation holds");
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo("table,region,item,unit,quarter,horizon,baseline,scenario,difference,difference_unit");
    double usChina = Double.NaN;
    double revenue = Double.NaN;
    double cpi = Double.NaN;
    for (String line : lines) {
      String[] f = line.split(",");
      if (line.startsWith("bilateral goods balance,USA,CHN,") && f[4].equals("2026Q4")) {
        usChina = Double.parseDouble(f[8]);
      } else if (line.startsWith("headline,USA,tariff revenue,") && f[4].equals("2026Q4")) {
        revenue = Double.parseDouble(f[8]);
      } else if (line.startsWith("headline,USA,consumer prices,") && f[4].equals("2026Q4")) {
        cpi = Double.parseDouble(f[8]);
      }
    }
    assertThat(usChina).as("US goods balance with China, USD bn a year").isGreaterThan(50);
    assertThat(revenue).as("US tariff revenue, USD bn a year").isGreaterThan(20);
    assertThat(cpi).as("US consumer prices, %").isPositive();
    Outcome textbook = accord("compare", "../models/gl/sim-gov.yaml");
    assertThat(textbook.code()).isEqualTo(1);
    assertThat(textbook.err()).contains("compare reads the world model's outputs");
  }

  /** The world model's output schema (docs/world-model.md): the report and the web lab read these columns. */
  @Test
  void theWorldRunWritesTheDocumentedSchema(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("world.csv");
    Outcome o = accord("run", "../models/world/world.acc", "--out", csv.toString());
    assertThat(o.code()).isZero();
    assertThat(o.out()).contains("real GDP growth", "TB $bn/day", "accounting: 20 matrices and 33 hidden equations hold");
    List<String> lines = Files.readAllLines(csv);
    List<String> header = accord.model.Csv.parse(lines.get(0) + "\n").header();
    assertThat(header.get(0)).isEqualTo("period");
    assertThat(lines.get(1)).startsWith("2025Q1,");
    assertThat(lines.get(lines.size() - 1)).startsWith("2034Q4,");
    List<String> regions = List.of("USA", "CHN", "EUR", "JPN", "KOR", "TWN", "IND", "MEX", "CAN", "ROW");
    for (String r : regions) {
      for (String s : List.of("GDP", "RGDP", "CA", "TB", "TBD", "FA", "NIIP", "RES", "FX", "CPI", "R", "Y10", "EQ", "HP",
          "HNW", "TARREV")) {
        assertThat(header).contains(s + "[" + r + "]");
      }
      for (String p : regions) {
        assertThat(header).contains("TBG[" + r + "," + p + "]");
      }
      for (String sector : List.of("AGR", "ENE", "CRM", "MET", "CHE", "MAC", "ELE", "AUT", "CON", "SER")) {
        assertThat(header).contains("QS[" + r + "," + sector + "]");
      }
    }
  }

  @Test
  void aBrokenConditionIsAWarningNotAFailure(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("drain.acc");
    Files.writeString(model, "var R = 100\nR = R(-1) - 30\ncheck R >= 0 \"reserves cannot be negative\"\n");
    Outcome o = accord("run", model.toString(), "--periods", "8");
    assertThat(o.code()).isZero();
    assertThat(o.err()).startsWith(model + ":3:9: warning[W501]: R >= 0 fails in 4 periods from period 5 "
        + "(reserves cannot be negative)").contains("3 | check R >= 0");
  }

  @Test
  void checkWorldReportsEquationsVariablesBlocksAndTheLargestBlock() {
    Outcome o = accord("check", "../models/world/world.acc");
    assertThat(o.code()).isZero();
    assertThat(o.out()).containsPattern("equations: +\\d{4,}").containsPattern("unknowns: +\\d{4,}")
        .containsPattern("blocks: +\\d+ \\(\\d+ explicit, 1 simultaneous\\); largest has \\d{4,} equations")
        .contains("Newton on ", "e[CHN]", "matrices:    20", "hidden:      33", "checks:      40");
  }

  @Test
  void checkPrintsEquationsBlocksAndMatrices() {
    Outcome o = accord("check", "../models/gl/pc.acc");
    assertThat(o.code()).isZero();
    assertThat(o.out()).contains("equations:   11", "unknowns:    11", "simultaneous", "matrices:    2", "no errors");
  }

  @Test
  void aSolverFailureExitsWithTwoAndAReport(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("bad.acc");
    Files.writeString(model, "var x = 1\n0 = x*x + 1 + 0*y\ny = 2*x\n");
    Outcome o = accord("run", model.toString(), "--periods", "3");
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).contains("]: solver failure in period 2").doesNotContain("Exception");
  }
}
