package accord.explore;

import java.util.ArrayList;
import java.util.List;

/**
 * The fans of a sweep: the 5th, 25th, 50th, 75th and 95th percentiles of every output's
 * difference in every quarter, over the draws that solved, each kept by a
 * {@link QuantileSketch} fed in draw order (so memory does not grow with the draws, and the bits
 * do not depend on the engine). Failed draws are counted and kept whole, with their parameters
 * and the solver's message; draws per branch are counted.
 */
public final class Fans implements ResultSink {

  /** The percentiles of a fan. */
  public static final double[] LEVELS = {0.05, 0.25, 0.5, 0.75, 0.95};

  private final Experiment experiment;
  private final QuantileSketch[] sketches;
  private final List<DrawResult> failures = new ArrayList<>();
  private final long[] perBranch;
  private long used;

  public Fans(Experiment experiment) {
    this.experiment = experiment;
    this.sketches = new QuantileSketch[experiment.outputs().size() * experiment.quarters()];
    for (int i = 0; i < sketches.length; i++) {
      sketches[i] = new QuantileSketch();
    }
    this.perBranch = new long[experiment.branches().size()];
  }

  @Override
  public void accept(DrawResult r) {
    perBranch[r.branch()]++;
    if (r.failed()) {
      failures.add(r);
      return;
    }
    double[] d = r.differences();
    for (int i = 0; i < sketches.length; i++) {
      sketches[i].add(d[i]);
    }
    used++;
  }

  public Experiment experiment() {
    return experiment;
  }

  /** Draws that solved (the fans' sample). */
  public long used() {
    return used;
  }

  /** Draws that failed, in draw order, with their parameters and messages. */
  public List<DrawResult> failures() {
    return List.copyOf(failures);
  }

  /** Draws that took each branch, failed or not. */
  public long[] perBranch() {
    return perBranch.clone();
  }

  /** The percentiles ({@link #LEVELS}) of output {@code o} in 1-based period {@code p}; NaN without draws. */
  public double[] fan(int output, int period) {
    return sketches[experiment.differenceIndex(output, period)].quantiles(LEVELS);
  }

  /** The index of the output with this name and region, or -1. */
  public int output(String name, String region) {
    List<Output> outs = experiment.outputs();
    for (int o = 0; o < outs.size(); o++) {
      if (outs.get(o).name().equals(name) && outs.get(o).region().equals(region)) {
        return o;
      }
    }
    return -1;
  }

  /** One fan in one quarter, in long form (what fans.csv holds). */
  public record Row(String output, String region, String unit, String quarter, double p5, double p25, double p50,
      double p75, double p95) {
  }

  public List<Row> rows() {
    List<Row> out = new ArrayList<>();
    List<Output> outs = experiment.outputs();
    for (int o = 0; o < outs.size(); o++) {
      for (int p = 2; p <= experiment.periods(); p++) {
        double[] f = fan(o, p);
        out.add(new Row(outs.get(o).name(), outs.get(o).region(), outs.get(o).unit(),
            experiment.model().periodLabel(p), f[0], f[1], f[2], f[3], f[4]));
      }
    }
    return out;
  }
}
