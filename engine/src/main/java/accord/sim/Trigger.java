package accord.sim;

import java.util.List;

/**
 * Changes that wait for a condition on the outputs: from period {@code watchFrom} on, once a
 * solved period satisfies {@code condition}, the changes take effect from the next period (their
 * {@code from} and {@code until} count from it: 0 is the first period of the effect). A trigger
 * fires at most once. Applied after the scenario's own changes, so they replace them.
 */
public record Trigger(String name, int watchFrom, Condition condition, List<Change> changes) {

  /** A test on the solved rows: {@code rows[0..last]} are solved, {@code last} is the period tested (0-based). */
  @FunctionalInterface
  public interface Condition {
    boolean holds(double[][] rows, int last);
  }

  public Trigger {
    changes = List.copyOf(changes);
  }
}
