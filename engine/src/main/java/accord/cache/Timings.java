package accord.cache;

import java.util.ArrayList;
import java.util.List;

/**
 * How long the phases of reading a model took, kept when the system property
 * {@code accord.timings} is set (the launcher's {@code ACCORD_JAVA_OPTS=-Daccord.timings=1}) for
 * the command to print: the cache measures, the command reports.
 */
public final class Timings {

  private static final boolean ON = System.getProperty("accord.timings") != null;
  private static final List<String> PHASES = new ArrayList<>();

  private Timings() {
  }

  public static boolean on() {
    return ON;
  }

  /** Keeps "{@code phase} N ms" for the nanoseconds from {@code start} to {@code end}. */
  static void add(String phase, long start, long end) {
    if (ON) {
      synchronized (PHASES) {
        PHASES.add(String.format("%s %.0f ms", phase, (end - start) / 1e6));
      }
    }
  }

  /** The phases kept so far, comma-separated, in the order they ended; they are forgotten. */
  public static String drain() {
    synchronized (PHASES) {
      String s = String.join(", ", PHASES);
      PHASES.clear();
      return s;
    }
  }
}
