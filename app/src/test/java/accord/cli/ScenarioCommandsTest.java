package accord.cli;

import static accord.cli.CommandLineTest.accord;
import static org.assertj.core.api.Assertions.assertThat;

import accord.model.Csv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario files as the command line takes them: the shipped model's name, accord check, and
 * --periods doing what the user asked; the banner and --help saying one thing.
 */
class ScenarioCommandsTest {

  static final Path GL = Path.of("..", "models", "gl").toAbsolutePath().normalize();

  @Test
  void aScenarioNamesTheWorldModelAsTheCommandLineDoes(@TempDir Path dir) throws IOException {
    for (String name : List.of("world", "world-2024")) {
      Path file = Files.writeString(dir.resolve(name + ".yaml"), "model: " + name + "\nperiods: 3\n"
          + "set:\n  - {at: 2025Q1, values: {\"dtar[CHN,USA,ELE]\": 0.2}}\n");
      CommandLineTest.Outcome run = accord("run", file.toString(), "--vars", "dtar[CHN,USA,ELE]");
      assertThat(run.code()).as(run.err()).isZero();
      assertThat(run.out()).contains("model WORLD", "2 quarters, 2025Q1 to 2025Q2, from the 2024Q4 state");
      CommandLineTest.Outcome check = accord("check", file.toString());
      assertThat(check.code()).as(check.err()).isZero();
    }
  }

  @Test
  void checkReadsAScenarioAndItsModelWithoutRunningIt(@TempDir Path dir) throws IOException {
    CommandLineTest.Outcome ok = accord("check", GL.resolve("sim-gov.yaml").toString());
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("scenario sim-gov: model SIM", "149 periods, 2 to 150, from the initial values",
        "changes:     1 to 1 series", "start from:  sim-baseline.yaml", "equations:   11", "no errors")
        .doesNotContain("solved");
    CommandLineTest.Outcome world = accord("check", "../models/world/scenarios/tariffs-2025.yaml");
    assertThat(world.code()).as(world.err()).isZero();
    assertThat(world.out()).contains("model WORLD", "16 quarters, 2025Q1 to 2028Q4", "no errors");

    Path bad = Files.writeString(dir.resolve("bad.yaml"), "model: " + GL.resolve("sim.acc") + "\nperiods: 10\n"
        + "set:\n  - {at: 3, values: {Gdd: 25}}\n");
    CommandLineTest.Outcome refused = accord("check", bad.toString());
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).startsWith(bad + ":4:22: error[E312]: model SIM has no parameter or series 'Gdd'")
        .contains("did you mean 'Gd'?");

    Path cycle = Files.writeString(dir.resolve("a.yaml"), "model: " + GL.resolve("sim.acc") + "\nstart_from: b.yaml\n");
    Files.writeString(dir.resolve("b.yaml"), "model: " + GL.resolve("sim.acc") + "\nstart_from: a.yaml\n");
    CommandLineTest.Outcome loop = accord("check", cycle.toString());
    assertThat(loop.code()).isEqualTo(1);
    assertThat(loop.err()).contains("error[E358]: start_from makes a cycle: a.yaml -> b.yaml -> a.yaml");
  }

  /** A change without until lasts to the end of a longer run; one after a shorter run's end is named. */
  @Test
  void periodsOnTheCommandLineIsWhatTheRunDoes(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("gov.yaml"), "model: " + GL.resolve("sim.acc") + "\nperiods: 20\n"
        + "set:\n  - {at: 5, values: {Gd: 25}}\n  - {at: 8, until: 12, values: {theta: 0.25}}\n");
    Path csv = dir.resolve("gov.csv");
    CommandLineTest.Outcome longer = accord("run", file.toString(), "--periods", "40", "--vars", "Gd,theta",
        "--out", csv.toString());
    assertThat(longer.code()).as(longer.err()).isZero();
    assertThat(longer.err()).isEmpty();
    Csv.Table t = Csv.parse(Files.readString(csv));
    assertThat(t.rows()).hasSize(39);
    assertThat(t.rows().get(t.rows().size() - 1)).as("period 40: Gd still 25, theta back after 12")
        .containsExactly("40", "25.0", "0.2");

    CommandLineTest.Outcome shorter = accord("run", file.toString(), "--periods", "6", "--vars", "Gd,theta",
        "--out", csv.toString());
    assertThat(shorter.code()).as(shorter.err()).isZero();
    assertThat(shorter.err()).startsWith(file + ":5:10: warning[W406]: the change at 8 is after the run's last "
        + "period (6): it does not take effect").contains("= help: --periods 6 cuts the file's run to 20 short; leave "
        + "--periods out, or give 8 or more to see it").doesNotContain(":4:10:");
    assertThat(Csv.parse(Files.readString(csv)).rows().get(4)).containsExactly("6", "25.0", "0.2");
    CommandLineTest.Outcome checked = accord("check", file.toString(), "--periods", "6");
    assertThat(checked.code()).isZero();
    assertThat(checked.err()).contains("warning[W406]: the change at 8");
  }

  /** The events form: an event without until holds to the end of a run longer than 'end'; a late one is named. */
  @Test
  void eventsLastToTheEndOfTheRunAndALateOneIsNamed(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("tariff.yaml"), """
        baseline: world-2024
        end: 2025Q4
        events:
          - {at: 2025Q2, tariff: {importer: USA, exporter: CHN, sectors: [ELE], rate: 0.2}}
          - {at: 2025Q4, tariff: {importer: USA, exporter: CHN, sectors: [AUT], rate: 0.3}}
        """);
    Path csv = dir.resolve("t.csv");
    CommandLineTest.Outcome longer = accord("run", file.toString(), "--periods", "9", "--vars",
        "dtar[CHN,USA,ELE],dtar[CHN,USA,AUT]", "--out", csv.toString());
    assertThat(longer.code()).as(longer.err()).isZero();
    List<String> last = Csv.parse(Files.readString(csv)).rows().get(7);
    assertThat(last.get(0)).isEqualTo("2026Q4");
    assertThat(Double.parseDouble(last.get(1))).as("the ELE tariff in the last quarter").isEqualTo(0.2);
    assertThat(Double.parseDouble(last.get(2))).isEqualTo(0.3);

    CommandLineTest.Outcome shorter = accord("run", file.toString(), "--periods", "3", "--vars", "dtar[CHN,USA,*]");
    assertThat(shorter.code()).as(shorter.err()).isZero();
    assertThat(shorter.err()).contains(":5:18: warning[W406]: event 'tariff' at 2025Q4 is after the run's last quarter "
        + "(2025Q2): it does not take effect").doesNotContain(":4:18:");
  }

  @Test
  void theBannerCountsQuartersAndTheWideCsvWarnsAboveASpreadsheetsColumns(@TempDir Path dir) {
    Path csv = dir.resolve("world.csv");
    CommandLineTest.Outcome o = accord("run", "world", "--out", csv.toString());
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).contains("scenario baseline: 40 quarters, 2025Q1 to 2034Q4, from the 2024Q4 state",
        "solved 40 quarters in", "are USD bn at annual rates", "(flows at annual rates in 2034Q4)")
        .doesNotContain("41 periods").doesNotContain("flows in local currency per quarter");
    assertThat(o.err()).contains("warning[W408]: " + csv + " has ", "more than the 16384 a spreadsheet opens",
        "--vars", "--format long");
  }

  /** A broken identity names its quarter as the model does, not its period number. */
  @Test
  void aBrokenIdentityNamesTheQuarter(@TempDir Path dir) throws IOException {
    Path model = Files.writeString(dir.resolve("drift.acc"), """
        model DRIFT
        calendar "2024Q4"
        exogenous G = 20
        var Y = 20
        var H = 0
        Y = G
        H = H(-1) + 1
        hidden H = 0
        """);
    CommandLineTest.Outcome o = accord("run", model.toString(), "--periods", "3");
    assertThat(o.code()).isEqualTo(1);
    assertThat(o.out()).contains("accounting: 2 broken identities:", ", 2025Q1: off by 1", ", 2025Q2: off by 2")
        .doesNotContain("period 2");
  }

  @Test
  void helpListsEveryCommandWholeAndEveryExitCode() {
    CommandLineTest.Outcome top = accord("--help");
    assertThat(top.code()).isZero();
    assertThat(top.out().replaceAll("\\s+", " ")).contains("calibrate Calibrate the world model to the 2024 data and "
        + "print every target with its gap.");
    assertThat(top.out()).contains("  0  ok", "  1  a user error", "  2  a solver failure", "  3  an internal error");
    String commands = top.out().substring(top.out().indexOf("Commands:"), top.out().indexOf("Examples:"));
    for (String block : commands.split("\n  (?=[a-z])")) {
      if (!block.startsWith("Commands:")) {
        assertThat(block.strip()).as("the command list's line for %s is whole", block).endsWith(".");
      }
    }
    CommandLineTest.Outcome run = accord("run", "--help");
    assertThat(run.out().replaceAll("\\s+", " ")).contains("<model.acc | scenario.yaml | world>", "'world' for the shipped world model",
        "--format", "TBG[USA,*]", "Exit codes:");
    assertThat(accord("check", "--help").out().replaceAll("\\s+", " ")).contains("a scenario (.yaml)", "Exit codes:");
  }
}
