package accord.sim;

import java.util.List;

/**
 * What to simulate: the number of periods, the closure (null for the model's own), changes to
 * parameters and exogenous series, and optionally the row to start from (the last row of
 * another run; then exogenous series hold their values from that row instead of following the
 * model's paths), and triggers: changes that wait for a condition on the outputs.
 */
public record Scenario(String name, int periods, String closure, List<Change> changes, double[] startRow,
    List<Trigger> triggers) {

  public Scenario {
    if (periods < 2) {
      throw new IllegalArgumentException("a run needs at least 2 periods (period 1 holds the initial values)");
    }
    changes = List.copyOf(changes);
    triggers = List.copyOf(triggers);
  }

  public Scenario(String name, int periods, String closure, List<Change> changes, double[] startRow) {
    this(name, periods, closure, changes, startRow, List.of());
  }

  public static Scenario of(int periods) {
    return new Scenario("baseline", periods, null, List.of(), null);
  }
}
