package accord.explore.channels;

import accord.sim.Results;

/**
 * What a decomposition or a grid measures: an output of a run in one period, and its difference
 * from the baseline in the unit shown (a level difference, or a percent of the baseline's level).
 *
 * @param label the output as the user named it, such as {@code TB[USA]}
 * @param unit the difference's unit, such as {@code USD bn a year} or {@code % from baseline}
 * @param percent whether the difference is a percent of the baseline's value
 */
public record Effect(String label, String unit, boolean percent, Value value) {

  /** The output's value in a run in a 1-based period. */
  @FunctionalInterface
  public interface Value {
    double of(Results run, int period);
  }

  /** The run's difference from the baseline in {@code period}. */
  public double difference(Results run, Results baseline, int period) {
    double s = value.of(run, period);
    double b = value.of(baseline, period);
    return percent ? 100 * (s / b - 1) : s - b;
  }
}
