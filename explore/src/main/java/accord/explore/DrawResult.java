package accord.explore;

import java.io.Serializable;

/**
 * What one draw gives: its parameters (one value per prior, in the priors file's order), the
 * branch it drew (0 for a scenario without branches), and either the differences of every
 * output in every quarter (output-major, {@link Experiment#differenceIndex}) or why it failed.
 * Plain data, so that a store can keep it and a cluster can send it.
 *
 * @param failure null for a solved draw; else the code and message of what stopped it (the
 *     solver's own words: the quarter, the block, the residual)
 */
public record DrawResult(long index, double[] parameters, int branch, double[] differences, String failure)
    implements Serializable {

  public boolean failed() {
    return failure != null;
  }
}
