package accord.explore.channels;

import accord.scenario.ScenarioFile;
import accord.sim.Results;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario's effect on an output, split into its model's channels: the scenario is run with
 * every combination of channels switched on and off (2^n runs), and each channel gets its
 * Shapley value of the effect (so the interactions between channels are shared out and the
 * contributions add up exactly), plus what is left with every channel off (the effect through no
 * switched behaviour: valuations at the run's exchange rates, accounts, rationing, the fiscal
 * levers). The rows add up to the total effect.
 *
 * @param coalitions the output's difference from the baseline with the channels of each mask on
 *     (bit i: channel i)
 * @param shapley each channel's contribution
 * @param rest the difference with every channel off
 * @param total the difference with every channel on: the scenario's effect
 * @param leaveOneOut each channel's effect switched off alone (everything else on)
 */
public record ChannelDecomposition(List<Channel> channels, Effect effect, int period, String quarter,
    double[] coalitions, double[] shapley, double rest, double total, double[] leaveOneOut) {

  /**
   * How far the effect is from the sum of its channels taken one at a time (each switched off
   * alone): the total through the channels less the sum of the one-at-a-time effects. Zero when
   * the channels do not interact.
   */
  public double interactions() {
    double sum = 0;
    for (double x : leaveOneOut) {
      sum += x;
    }
    return (total - rest) - sum;
  }

  /** Every run of a decomposition, and what came out of them. */
  public record Explanation(ScenarioFile file, List<Channel> channels, List<ChannelDecomposition> decompositions,
      Results scenario, Results baseline, int runs, int threads, long nanos) {
  }

  /**
   * Decomposes the effect of {@code file} on each of {@code effects} in {@code period} (1-based),
   * running the 2^n combinations on {@code threads} threads, each only as far as {@code period}.
   * The same numbers on any thread count.
   */
  public static Explanation explain(ScenarioFile file, List<Effect> effects, int period, int threads) {
    long start = System.nanoTime();
    ChannelRuns runs = new ChannelRuns(file, period);
    int n = 1 << runs.channels().size();
    Results[] full = new Results[1];
    List<double[]> values = Parallel.map(n, threads, mask -> {
      Results r = runs.run(mask);
      if (mask == runs.all()) {
        full[0] = r;
      }
      double[] v = new double[effects.size()];
      for (int k = 0; k < v.length; k++) {
        v[k] = effects.get(k).difference(r, runs.baseline(), period);
      }
      return v;
    });
    List<ChannelDecomposition> out = new ArrayList<>();
    String quarter = file.model().periodLabel(period);
    for (int k = 0; k < effects.size(); k++) {
      double[] v = new double[n];
      for (int mask = 0; mask < n; mask++) {
        v[mask] = values.get(mask)[k];
      }
      out.add(new ChannelDecomposition(runs.channels(), effects.get(k), period, quarter, v, Shapley.values(v), v[0],
          v[n - 1], Shapley.leaveOneOut(v)));
    }
    return new Explanation(file, runs.channels(), out, full[0], runs.baseline(), n + 1, Math.max(1, threads),
        System.nanoTime() - start);
  }
}
