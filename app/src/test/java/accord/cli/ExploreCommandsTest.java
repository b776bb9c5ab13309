package accord.cli;

import static accord.cli.CommandLineTest.accord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import accord.cli.CommandLineTest.Outcome;
import accord.compare.Comparison;
import accord.explore.channels.ChannelDecomposition;
import accord.explore.grid.Grid;
import accord.model.Csv;
import accord.report.Report;
import accord.scenario.ScenarioFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** accord explain and accord grid from the command line, on short horizons, and the report's channel section. */
class ExploreCommandsTest {

  static final String TARIFFS = "../models/world/scenarios/tariffs-2025.yaml";

  @Test
  void explainPrintsAddsUpAndWritesItsCsvAndCharts(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("explain.csv");
    Outcome o = accord("explain", TARIFFS, "--output", "TB[USA]", "--output", "real GDP[USA]", "--at", "2025Q3",
        "--out", csv.toString(), "--charts", dir.resolve("charts").toString());
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).contains("TB[USA] in 2025Q3", "USD bn a year (annual rate)", "trade barriers, direct price "
        + "effect", "real GDP[USA] in 2025Q3, scenario less baseline, % from baseline", "interactions:",
        "65 runs", "every run's accounts hold");
    Csv.Table t = Csv.parse(Files.readString(csv));
    assertThat(t.header()).startsWith("output", "element", "quarter", "channel", "switch", "name", "contribution",
        "share");
    assertThat(t.rows()).hasSize(2 * 8);
    for (String output : List.of("TB", "real GDP")) {
      List<List<String>> rows = t.rows().stream().filter(r -> r.get(0).equals(output)).toList();
      assertThat(rows).extracting(r -> r.get(3)).containsExactly("tar", "fx", "pr", "dem", "cap", "pol", "rest",
          "total");
      double sum = rows.subList(0, 7).stream().mapToDouble(r -> Double.parseDouble(r.get(6))).sum();
      assertThat(sum).isCloseTo(Double.parseDouble(rows.get(7).get(6)), within(1e-9));
      assertThat(rows.get(7).get(2)).isEqualTo("2025Q3");
    }
    assertThat(dir.resolve("charts/explain-tb-usa.png")).exists();
    assertThat(dir.resolve("charts/explain-real-gdp-usa.svg")).exists();
  }

  @Test
  void explainRefusesWhatItCannotSplit() {
    Outcome odds = accord("explain", "../models/world/scenarios/negotiation-odds.yaml");
    assertThat(odds.code()).isEqualTo(1);
    assertThat(odds.err()).contains("E641", "branches");
    Outcome output = accord("explain", TARIFFS, "--output", "TB[USB]");
    assertThat(output.err()).contains("E642", "TB[USA]");
    Outcome at = accord("explain", TARIFFS, "--at", "2031Q1");
    assertThat(at.err()).contains("E412", "2025Q1 to 2028Q4");
    assertThat(at.err()).doesNotContain("Exception");
  }

  @Test
  void gridRunsEveryPointAndRefusesBadGrids(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("grid.csv");
    Outcome o = accord("grid", TARIFFS, "--vary", "tariff[1].rate=0:0.4:0.2", "--output", "TBG[USA,CHN]", "--at",
        "2025Q3", "--out", csv.toString(), "--charts", dir.toString());
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).contains("tariff[1].rate", "4 runs (the baseline and 3 points)");
    Csv.Table t = Csv.parse(Files.readString(csv));
    assertThat(t.header()).containsExactly("tariff[1].rate", "output", "quarter", "value", "baseline", "difference",
        "unit");
    assertThat(t.rows()).extracting(r -> r.get(0)).containsExactly("0", "0.2", "0.4");
    // a higher fentanyl tariff on China narrows the US goods deficit with China
    assertThat(Double.parseDouble(t.rows().get(2).get(3))).isGreaterThan(Double.parseDouble(t.rows().get(0).get(3)));
    assertThat(dir.resolve("grid-tbg-usa-chn.png")).exists();

    assertThat(accord("grid", TARIFFS, "--vary", "tariff.rate=0:1:0.1").err()).contains("E652", "21 tariff events");
    assertThat(accord("grid", TARIFFS, "--vary", "tariff[1].rate=0:1:0").err()).contains("E654");
    assertThat(accord("grid", TARIFFS, "--vary", "tariff[1].rate=0:10:0.001").err()).contains("E655",
        "at most " + Grid.MAX_POINTS);
    assertThat(accord("grid", TARIFFS, "--vary", "tariff[1].rate=0:12:6").err()).contains("E656", "E325",
        "tariffs-2025.yaml:20:");
    assertThat(accord("grid", TARIFFS, "--vary", "tarif.rate=0:1:0.5").err()).contains("E651", "tariff,");
  }

  @Test
  void theReportCarriesTheDecompositionChart(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("short.yaml"), """
        name: a short tariff
        baseline: world-2024
        end: 2025Q4
        events:
          - {at: 2025Q2, tariff: {importer: USA, exporter: CHN, sectors: all, rate: 0.5}}
        """);
    ScenarioFile f = ScenarioFile.load(file);
    Comparison c = Comparison.run(f, null);
    List<ChannelDecomposition> split = ChannelDecomposition.explain(f, List.of(ExploreOptions.effect(f.model(),
        "TB[USA]")), 4, 2).decompositions();
    String html = Report.html(new Report.Inputs(f, c, "USA", 4, List.of(), List.of(), Path.of("../models/world"),
        new Report.Exploration(null, split, null, null, null)));
    assertThat(html).contains("<h2>Through which channels</h2>", "id=\"chart-explain-tb-usa\"",
        "exchange rates in trade prices", "rest (every channel off)");
    assertThat(html.substring(html.indexOf("chart-explain-tb-usa"))).contains("<svg");
  }
}
