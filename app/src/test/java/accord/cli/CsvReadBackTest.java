package accord.cli;

import static accord.cli.CommandLineTest.accord;
import static org.assertj.core.api.Assertions.assertThat;

import accord.model.Csv;
import accord.model.Model;
import accord.model.ModelLoader;
import accord.model.Series;
import accord.sim.Results;
import accord.sim.Scenario;
import accord.sim.Simulator;
import accord.solve.Program;
import accord.solve.SolverSettings;
import accord.structure.StructuralAnalysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every value accord run writes reads back to the very double of the run, under its own header,
 * in both layouts: a writer that rounds, or shifts a value to another column or row, fails here.
 */
class CsvReadBackTest {

  @Test
  void aTextbookModelReadsBackExactlyInBothLayouts(@TempDir Path dir) throws IOException {
    Results r = run(Path.of("../models/gl/reg.acc"), 30);
    List<String> all = r.model().outputLabels();
    Path wide = dir.resolve("reg.csv");
    Path tidy = dir.resolve("reg-long.csv");
    assertThat(accord("run", "../models/gl/reg.acc", "--periods", "30", "--out", wide.toString()).code()).isZero();
    assertThat(accord("run", "../models/gl/reg.acc", "--periods", "30", "--out", tidy.toString(), "--format", "long")
        .code()).isZero();
    assertThat(readWide(wide, r)).isEqualTo(all.size() * 29);
    assertThat(readLong(tidy, r, List.of("period", "series", "i1", "value"))).isEqualTo(all.size() * 29);
  }

  @Test
  void aSubsetOfTheWorldReadsBackExactlyInBothLayouts(@TempDir Path dir) throws IOException {
    Results r = run(Path.of("../models/world/world.acc"), 41);
    Path wide = dir.resolve("world.csv");
    Path tidy = dir.resolve("world-long.csv");
    String vars = "GDP,TBG[USA,*],QS[*,ELE],FX[CHN],USDX,dtar[CHN,USA,*]";
    assertThat(accord("run", "world", "--vars", vars, "--out", wide.toString()).code()).isZero();
    assertThat(accord("run", "world", "--vars", vars, "--out", tidy.toString(), "--format", "long").code()).isZero();
    int series = 10 + 10 + 10 + 1 + 1 + 10;
    assertThat(readWide(wide, r)).isEqualTo(series * 40);
    assertThat(readLong(tidy, r, List.of("period", "series", "i1", "i2", "i3", "value"))).isEqualTo(series * 40);
    assertThat(Files.readAllLines(wide).get(1)).as("the first solved quarter").startsWith("2025Q1,");
  }

  /** Compares every cell with the run; returns how many values it read. */
  private static int readWide(Path file, Results r) throws IOException {
    Csv.Table t = Csv.parse(Files.readString(file));
    assertThat(t.header().get(0)).isEqualTo("period");
    assertThat(t.rows()).hasSize(r.periods() - 1);
    int n = 0;
    for (int row = 0; row < t.rows().size(); row++) {
      List<String> cells = t.rows().get(row);
      int period = row + 2;
      assertThat(cells.get(0)).isEqualTo(r.model().periodLabel(period));
      assertThat(cells).hasSameSizeAs(t.header());
      for (int c = 1; c < cells.size(); c++) {
        assertSame(Double.parseDouble(cells.get(c)), r.value(t.header().get(c), period), t.header().get(c), period);
        n++;
      }
    }
    return n;
  }

  private static int readLong(Path file, Results r, List<String> header) throws IOException {
    Csv.Table t = Csv.parse(Files.readString(file));
    assertThat(t.header()).isEqualTo(header);
    Map<String, Integer> seen = new HashMap<>();
    int places = header.size() - 3;
    for (List<String> cells : t.rows()) {
      int period = r.model().periodOf(cells.get(0));
      List<String> idx = new ArrayList<>(cells.subList(2, 2 + places));
      idx.removeIf(String::isEmpty);
      String label = Series.label(cells.get(1), idx);
      assertSame(Double.parseDouble(cells.get(header.size() - 1)), r.value(label, period), label, period);
      seen.merge(label, 1, Integer::sum);
    }
    assertThat(seen.values()).as("each series once a solved period").containsOnly(r.periods() - 1);
    return t.rows().size();
  }

  private static void assertSame(double read, double run, String label, int period) {
    assertThat(Double.doubleToLongBits(read)).as("%s in period %d: read %s, ran %s", label, period, read, run)
        .isEqualTo(Double.doubleToLongBits(run));
  }

  private static Results run(Path file, int periods) {
    Model m = ModelLoader.load(file);
    return Simulator.run(Program.compile(StructuralAnalysis.analyze(m, null)), Scenario.of(periods),
        SolverSettings.DEFAULT);
  }
}
