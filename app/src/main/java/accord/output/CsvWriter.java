package accord.output;

import accord.sim.Results;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes results as CSV: a column {@code period}, then one column per series, named as in the model. */
public final class CsvWriter {

  private CsvWriter() {
  }

  /** Writes rows from 1-based period {@code first} on. */
  public static void write(Results r, List<String> labels, int first, List<String> periodNames, Path file)
      throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    // write to a temporary file and move it: a crash never leaves half a file under the real name
    Path tmp = Files.createTempFile(parent, ".accord-", ".csv");
    try (Writer w = Files.newBufferedWriter(tmp)) {
      w.write("period");
      for (String l : labels) {
        w.write(',');
        w.write(quote(l));
      }
      w.write('\n');
      int[] slots = labels.stream().mapToInt(r.model()::slotOf).toArray();
      for (int t = first - 1; t < r.periods(); t++) {
        w.write(periodNames.get(t));
        for (int s : slots) {
          w.write(',');
          w.write(Double.toString(r.rows()[t][s]));
        }
        w.write('\n');
      }
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static String quote(String s) {
    return s.contains(",") ? "\"" + s + "\"" : s;
  }
}
