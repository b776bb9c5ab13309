package accord.cli;

import accord.explore.LocalEngine;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on standard error for long work: done of total, rate, time left and
 * failures, redrawn at most five times a second. Shown when standard error is a terminal (a
 * console), or when asked (--progress); never in a pipe or a log unless asked.
 */
final class ProgressBar implements LocalEngine.Progress {

  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final long total;
  private final String unit;
  private final long start = System.nanoTime();
  private long shown;

  ProgressBar(PrintWriter err, long total, String unit) {
    this.err = err;
    this.total = total;
    this.unit = unit;
  }

  /** The bar, or nothing when standard error is not a terminal and it was not asked for. */
  static LocalEngine.Progress of(PrintWriter err, long total, String unit, boolean asked) {
    return asked || System.console() != null ? new ProgressBar(err, total, unit) : LocalEngine.Progress.NONE;
  }

  @Override
  public void update(long done, long failed) {
    long now = System.nanoTime();
    if (done < total && now - shown < 200_000_000L) {
      return;
    }
    shown = now;
    double seconds = (now - start) / 1e9;
    double rate = done / Math.max(seconds, 1e-9);
    long left = rate > 0 ? Math.round((total - done) / rate) : 0;
    int filled = (int) (WIDTH * done / Math.max(1, total));
    String bar = "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "");
    err.print(String.format(Locale.ROOT, "\r[%s] %,d/%,d %s  %.1f/s  %s  %s", bar, done, total, unit, rate,
        done < total ? clock(left) + " left" : clock(Math.round(seconds)) + " in all",
        failed == 0 ? "" : String.format(Locale.ROOT, "(%,d failed)", failed)));
    if (done >= total) {
      err.println();
    }
    err.flush();
  }

  private static String clock(long seconds) {
    return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
  }
}
