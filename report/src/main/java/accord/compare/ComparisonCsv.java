package accord.compare;

import java.io.IOException;
import java.io.Writer;
import accord.output.OutputFile;
import java.nio.file.Path;

/**
 * Writes a comparison in long form, one number per line: table, region, item, unit, quarter,
 * horizon (quarters from start), baseline, scenario, difference and the difference's unit.
 */
public final class ComparisonCsv {

  private ComparisonCsv() {
  }

  /** Writes through {@link OutputFile}: the whole file or none, and a path that cannot be written is a user error. */
  public static void write(Comparison c, Path file) {
    OutputFile.writeText(file, "--out", w -> write(c, w));
  }

  private static void write(Comparison c, Writer w) throws IOException {
    w.write("table,region,item,unit,quarter,horizon,baseline,scenario,difference,difference_unit\n");
    for (Comparison.Row r : c.rows()) {
      w.write(String.join(",", quote(r.table()), r.region(), quote(r.item()), quote(r.unit()), r.quarter(),
          String.valueOf(r.horizon()), Double.toString(r.baseline()), Double.toString(r.scenario()),
          Double.toString(r.difference()), quote(r.differenceUnit())));
      w.write('\n');
    }
  }

  private static String quote(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
