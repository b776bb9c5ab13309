package accord.sim;

import accord.model.Model;
import accord.model.Slot;
import java.util.List;
import java.util.Map;

/**
 * A finished run: one row per period (period 1 = initial values), one column per slot, and what
 * the user needs to trust it; {@code fired}: each trigger that fired and the 1-based period its
 * changes took effect.
 */
public record Results(Model model, Scenario scenario, double[][] rows, int iterations, long nanos,
    Map<String, Integer> fired) {

  public Results {
    fired = Map.copyOf(fired);
  }

  public Results(Model model, Scenario scenario, double[][] rows, int iterations, long nanos) {
    this(model, scenario, rows, iterations, nanos, Map.of());
  }

  public int periods() {
    return rows.length;
  }

  /** The value of {@code label} (e.g. {@code Y} or {@code Y[N]}) in 1-based {@code period}. */
  public double value(String label, int period) {
    return rows[period - 1][slot(label)];
  }

  public double[] column(String label) {
    int s = slot(label);
    double[] out = new double[rows.length];
    for (int t = 0; t < rows.length; t++) {
      out[t] = rows[t][s];
    }
    return out;
  }

  public double[] last() {
    return rows[rows.length - 1].clone();
  }

  private int slot(String label) {
    int s = model.slotOf(label);
    if (s < 0) {
      throw new IllegalArgumentException("no series '" + label + "' in model " + model.name());
    }
    return s;
  }

  public List<Slot> slots() {
    return model.slots();
  }
}
