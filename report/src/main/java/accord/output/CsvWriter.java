package accord.output;

import accord.model.Model;
import accord.model.Series;
import accord.model.Slot;
import accord.sim.Results;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes results as CSV: the solved periods, 2 to N (period 1 holds starting values, not a
 * solution of the model: the world's 2024Q4 row has only what the first quarter's lags read),
 * every value as {@link Double#toString}, which reads back to the same double. Two layouts:
 * <ul>
 *   <li>{@link Format#WIDE}: a column {@code period}, then one column per series, named as in the
 *   model ({@code Y}, {@code TBG[USA,CHN]}, quoted since it holds a comma);</li>
 *   <li>{@link Format#LONG}: one row per period and series, {@code period,series,i1,...,ik,value}
 *   with one column per index place ({@code k}: the most indices of a written series; empty
 *   where a series has fewer), the tidy form pandas, R and DuckDB load as it is.</li>
 * </ul>
 */
public final class CsvWriter {

  /** The most columns a spreadsheet opens (Excel, LibreOffice Calc). */
  public static final int SPREADSHEET_COLUMNS = 16_384;
  /** The first row written, 0-based: period 2, the first solved one. */
  private static final int FIRST_ROW = 1;

  /** The two layouts. */
  public enum Format {
    WIDE, LONG;

    /** {@code wide} or {@code long}, or null. */
    public static Format of(String name) {
      return switch (name.toLowerCase()) {
        case "wide" -> WIDE;
        case "long" -> LONG;
        default -> null;
      };
    }
  }

  private CsvWriter() {
  }

  /** Writes the given slots of every period to {@code file} (through {@link OutputFile}: all or nothing). */
  public static void write(Results r, List<Integer> slots, Format format, Path file) {
    OutputFile.writeText(file, "--out", w -> write(r, slots, format, w));
  }

  /** The columns a wide CSV of these slots has. */
  public static int wideColumns(List<Integer> slots) {
    return slots.size() + 1;
  }

  public static void write(Results r, List<Integer> slots, Format format, Writer w) throws IOException {
    if (format == Format.WIDE) {
      wide(r, slots, w);
    } else {
      tidy(r, slots, w);
    }
  }

  private static void wide(Results r, List<Integer> slots, Writer w) throws IOException {
    Model m = r.model();
    w.write("period");
    for (int s : slots) {
      w.write(',');
      w.write(quote(m.slots().get(s).label()));
    }
    w.write('\n');
    for (int t = FIRST_ROW; t < r.periods(); t++) {
      w.write(quote(m.periodLabel(t + 1)));
      double[] row = r.rows()[t];
      for (int s : slots) {
        w.write(',');
        w.write(Double.toString(row[s]));
      }
      w.write('\n');
    }
  }

  private static void tidy(Results r, List<Integer> slots, Writer w) throws IOException {
    Model m = r.model();
    List<String> names = new ArrayList<>();
    List<List<String>> indices = new ArrayList<>();
    int places = 0;
    for (int s : slots) {
      Slot slot = m.slots().get(s);
      List<String> idx = elements(m.series().get(slot.series()), slot);
      names.add(quote(slot.series()));
      indices.add(idx);
      places = Math.max(places, idx.size());
    }
    w.write("period,series");
    for (int k = 1; k <= places; k++) {
      w.write(",i" + k);
    }
    w.write(",value\n");
    for (int t = FIRST_ROW; t < r.periods(); t++) {
      String period = quote(m.periodLabel(t + 1));
      double[] row = r.rows()[t];
      for (int j = 0; j < slots.size(); j++) {
        w.write(period);
        w.write(',');
        w.write(names.get(j));
        List<String> idx = indices.get(j);
        for (int k = 0; k < places; k++) {
          w.write(',');
          if (k < idx.size()) {
            w.write(quote(idx.get(k)));
          }
        }
        w.write(',');
        w.write(Double.toString(row[slots.get(j)]));
        w.write('\n');
      }
    }
  }

  /** The elements of a slot of {@code series}, first index place first. */
  static List<String> elements(Series series, Slot slot) {
    List<String> out = new ArrayList<>();
    int rest = slot.index() - series.firstSlot();
    for (int d = series.dims().size() - 1; d >= 0; d--) {
      List<String> elements = series.dims().get(d).elements();
      out.add(0, elements.get(rest % elements.size()));
      rest /= elements.size();
    }
    return out;
  }

  /** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
  static String quote(String s) {
    boolean plain = s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0;
    return plain ? s : "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
