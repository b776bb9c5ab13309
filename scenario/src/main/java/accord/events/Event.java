package accord.events;

import accord.lang.Span;
import java.util.List;

/**
 * One event of a scenario, lowered to the model's series: from quarter {@code at} to
 * {@code until} (1-based periods, inclusive) each target moves from its value without the event
 * by the event's profile times its full change (a linear phase-in, and for export controls the
 * share other suppliers have not yet replaced).
 *
 * @param lever the vocabulary's lever name ({@code tariff}, {@code export_control}, ...)
 * @param phaseIn quarters to full size (1 = at once)
 * @param halfLife quarters for other suppliers to take over half of a withheld flow (0 = never)
 * @param targets the series the event sets, with their full values
 * @param accord a currency accord (whose targets are solved from a run without it), else null
 * @param when the condition a triggered event waits for, else null
 */
public record Event(String lever, int at, int until, int phaseIn, double halfLife, List<Target> targets, Accord accord,
    When when, Span span) {

  /**
   * A condition on last quarter's outputs: the event waits for it, watching from its {@code at},
   * and takes effect the quarter after it first holds.
   *
   * @param test {@code above}, {@code below} or {@code below_peak} (a share below the series'
   *     highest value so far in the run)
   */
  public record When(String label, int slot, String test, double threshold) {

    public boolean holds(double[][] rows, int last) {
      double v = rows[last][slot];
      return switch (test) {
        case "above" -> v > threshold;
        case "below" -> v < threshold;
        default -> {
          double peak = Double.NEGATIVE_INFINITY;
          for (int t = 1; t <= last; t++) {
            peak = Math.max(peak, rows[t][slot]);
          }
          yield v < (1 - threshold) * peak;
        }
      };
    }

    public String describe() {
      return label + (test.equals("below_peak") ? " " + Math.round(100 * threshold) + "% below its peak"
          : " " + test + " " + threshold);
    }
  }

  /**
   * A currency accord: the members' exchange rates against the dollar are set to a reference path
   * made {@code appreciation} stronger (reached linearly over {@code over} quarters), and each
   * member's instrument (its reserve purchases, or its policy rule's intercept) is solved for
   * instead. The reference is the baseline ({@code fromBaseline}: where the rate would be without
   * any of the scenario's events) or the scenario without the accord.
   *
   * @param rates the members' exchange-rate slots (local currency per dollar)
   * @param reserves the members' reserve purchases ({@code intv}), solved for under intervention
   * @param stances the members' policy-rule intercepts ({@code mstance}), solved for under rates
   * @param means {@code intervention}, {@code rates} or {@code both} (half the rate rise that
   *     rates alone would take, and intervention for the rest)
   */
  public record Accord(List<Integer> rates, List<Integer> reserves, List<Integer> stances, String means,
      double appreciation, int over, boolean fromBaseline) {

    /** The factor on a member's exchange rate in period t of an accord that starts at {@code at}. */
    public double factor(int t, int at) {
      return t < at ? 1 : 1 / (1 + appreciation * Math.min(1, (t - at + 1) / (double) over));
    }
  }

  /**
   * A series element the event sets: its value at full size, and its value without the event
   * (the 2024 calibration's), from which a phase-in starts and to which a replaced flow returns;
   * {@code span} is the field of the scenario that gives the value.
   */
  public record Target(int slot, double value, double neutral, Span span) {

    /** The value at {@code share} of full size. */
    public double at(double share) {
      return share == 1 ? value : neutral + share * (value - neutral);
    }
  }

  public Event {
    targets = List.copyOf(targets);
  }

  /** The share of its full size the event has in period {@code t} (0 outside at..until). */
  public double profile(int t) {
    if (t < at || t > until) {
      return 0;
    }
    int k = t - at;
    double phase = Math.min(1, (k + 1) / (double) phaseIn);
    double left = halfLife > 0 ? Math.pow(0.5, k / halfLife) : 1;
    return phase * left;
  }
}
