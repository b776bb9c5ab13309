package accord.compare;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a comparison in long form, one number per line: table, region, item, unit, quarter,
 * horizon (quarters from start), baseline, scenario, difference and the difference's unit.
 */
public final class ComparisonCsv {

  private ComparisonCsv() {
  }

  public static void write(Comparison c, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    // a temporary file moved into place: a crash never leaves half a file under the real name
    Path tmp = Files.createTempFile(parent, ".accord-", ".csv");
    try (Writer w = Files.newBufferedWriter(tmp)) {
      w.write("table,region,item,unit,quarter,horizon,baseline,scenario,difference,difference_unit\n");
      for (Comparison.Row r : c.rows()) {
        w.write(String.join(",", quote(r.table()), r.region(), quote(r.item()), quote(r.unit()), r.quarter(),
            String.valueOf(r.horizon()), Double.toString(r.baseline()), Double.toString(r.scenario()),
            Double.toString(r.difference()), quote(r.differenceUnit())));
        w.write('\n');
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String quote(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
