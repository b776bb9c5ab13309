package accord.explore;

import java.util.List;

/**
 * The prior of one behavioural parameter: the slots it sets (one element, or several that move
 * together: {@code sigM[AGR|ENE]} draws one value for both), its distribution and the
 * publication its range comes from (or 'assumption' and why).
 *
 * @param name the parameter as the priors file writes it
 * @param line the file line it is written on (for messages)
 */
public record Prior(String name, List<Integer> slots, Distribution distribution, String source, int line) {

  public Prior {
    slots = List.copyOf(slots);
  }

  /** The value at cumulative probability {@code u}. */
  public double value(double u) {
    return distribution.quantile(u);
  }

  /** The median: a parameter's central value when the others vary (one at a time). */
  public double central() {
    return distribution.quantile(0.5);
  }
}
