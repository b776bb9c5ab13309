package accord.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** accord sweep, accord sensitivity and accord report --draws end to end, on short runs of the world model. */
public class UncertaintyCommandsTest {

  static final String TARIFFS = "../models/world/scenarios/us-china-tariffs.yaml";

  record Outcome(int code, String out, String err) {
  }

  static Outcome accord(String... args) {
    CommandLine cl = accord.cli.Accord.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  /** Three priors: psi (front-running of announced tariffs, which this scenario does not announce) and two that matter. */
  public static Path priors(Path dir) throws Exception {
    Path p = dir.resolve("three.csv");
    Files.writeString(p, """
        parameter,distribution,a,b,low,high,source
        psi,lognormal,4,0.35,,,a test
        sigM[AGR|ENE|MET|CHE|MAC|ELE|AUT|CON|SER],triangular,2.53,,1.5,5.0,a test
        phipi,truncnormal,1.5,0.25,1.2,2.0,a test
        """);
    return p;
  }

  @Test
  void sweepPrintsFansAndWritesTheCsvAndTheCharts(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("fans.csv");
    Outcome o = accord("sweep", TARIFFS, "--draws", "3", "--seed", "4", "--threads", "2", "--horizon", "3",
        "--priors", priors(dir).toString(), "--out", csv.toString(), "--charts", dir.resolve("charts").toString());
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).contains("draws: 3 (seed 4, 3 priors from three.csv), 3 solved, 0 failed; 2 threads")
        .contains("real GDP").contains("USA").contains("wrote " + csv).contains("wrote 5 fan charts");
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo("output,region,unit,quarter,p5,p25,p50,p75,p95,draws,failed");
    // 15 headline indicators x 10 regions x 3 quarters
    assertThat(lines).hasSize(1 + 15 * 10 * 3);
    assertThat(lines.get(1)).startsWith("real GDP,USA,% from baseline,2025Q1,").endsWith(",3,0");
    assertThat(dir.resolve("charts/fan-trade-balance-usa.png")).isNotEmptyFile();
  }

  @Test
  void sweepRefusesABadPriorAtItsPlace(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "parameter,distribution,a,b,low,high,source\nrhoR,uniform,,,0.5,1.0,a test\n");
    Outcome o = accord("sweep", TARIFFS, "--draws", "2", "--priors", bad.toString());
    assertThat(o.code()).isEqualTo(1);
    assertThat(o.err()).contains(bad + ":2:20: error[E607]: the prior of rhoR can draw 1, outside its declared range [0, 1)")
        .doesNotContain("Exception");
    assertThat(accord("sweep", TARIFFS, "--draws", "0").err()).contains("error[E410]: --draws must be 1 or more");
    assertThat(accord("sweep", TARIFFS, "--draws", "10000000000").err())
        .contains("error[E410]: --draws must be at most 1,000,000, not 10,000,000,000");
  }

  @Test
  void oneAtATimeSortsBySwingAndAParameterThatDoesNotEnterHasNone(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("oat.csv");
    Outcome o = accord("sensitivity", TARIFFS, "--output", "TB[USA]", "--at", "2025Q3", "--priors",
        priors(dir).toString(), "--threads", "2", "--out", out.toString(), "--charts", dir.toString());
    assertThat(o.code()).as(o.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).isEqualTo("parameter,low,high,at_low,at_high,swing");
    assertThat(lines).hasSize(4);
    assertThat(lines.get(3)).startsWith("psi,").endsWith(",0.0");
    assertThat(Double.parseDouble(lines.get(1).substring(lines.get(1).lastIndexOf(',') + 1))).isPositive();
    assertThat(dir.resolve("tornado.png")).isNotEmptyFile();
  }

  @Test
  void sobolIndexOfAParameterThatDoesNotEnterIsZero(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("sobol.csv");
    Outcome o = accord("sensitivity", TARIFFS, "--output", "TB[USA]", "--at", "2025Q3", "--method", "sobol",
        "--draws", "4", "--priors", priors(dir).toString(), "--threads", "2", "--out", out.toString());
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).contains("Sobol indices: 4 rows x (3 priors + 2) = 20 runs");
    String psi = Files.readAllLines(out).stream().filter(l -> l.startsWith("psi,")).findFirst().orElseThrow();
    assertThat(psi).isEqualTo("psi,0.0,0.0,0.0,0.0,0.0,0.0");
    assertThat(accord("sensitivity", TARIFFS, "--output", "TB[USB]", "--at", "2025Q3").err())
        .contains("error[E613]: model WORLD has no series 'TB[USB]'");
  }

  @Test
  void reportWithDrawsShowsTheFans(@TempDir Path dir) throws Exception {
    Path html = dir.resolve("r.html");
    Outcome o = accord("report", TARIFFS, "--draws", "2", "--threads", "2", "--priors", priors(dir).toString(),
        "--out", html.toString());
    assertThat(o.code()).as(o.err()).isZero();
    String page = Files.readString(html);
    assertThat(page).contains("How sure: USA over 2 draws").contains("id=\"chart-fan-real-gdp-usa\"")
        .contains("id=\"chart-fan-trade-balance-usa\"");
  }
}
