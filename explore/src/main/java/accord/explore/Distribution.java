package accord.explore;

import accord.lang.Range;
import accord.lang.Span;
import org.hipparchus.distribution.continuous.BetaDistribution;
import org.hipparchus.distribution.continuous.LogNormalDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TriangularDistribution;

/**
 * A prior's distribution, drawn by its inverse distribution function (a uniform number in, a
 * value out), which Hipparchus computes. Its support is what the priors file is checked
 * against: a prior whose support can leave the parameter's declared range is refused when the
 * file is read.
 */
public sealed interface Distribution {

  /** The value at cumulative probability {@code u} in (0, 1). */
  double quantile(double u);

  /** Every value the distribution can give (its bounds open where it never reaches them). */
  Range support();

  /** As the priors file writes it, for tables: {@code triangular(mode 2.53) on [1.5, 5]}. */
  String describe();

  /** The names of the priors file's 'distribution' column. */
  java.util.List<String> NAMES = java.util.List.of("normal", "lognormal", "uniform", "beta", "triangular",
      "truncnormal");

  record Normal(double mean, double sd) implements Distribution {
    @Override
    public double quantile(double u) {
      return new NormalDistribution(mean, sd).inverseCumulativeProbability(u);
    }

    @Override
    public Range support() {
      return Range.ANY;
    }

    @Override
    public String describe() {
      return "normal(mean " + num(mean) + ", sd " + num(sd) + ")";
    }
  }

  /** Log-normal by its median (e^mu) and the standard deviation of its log. */
  record LogNormal(double median, double sdlog) implements Distribution {
    @Override
    public double quantile(double u) {
      return new LogNormalDistribution(Math.log(median), sdlog).inverseCumulativeProbability(u);
    }

    @Override
    public Range support() {
      return new Range(0, true, Double.POSITIVE_INFINITY, true, Span.NONE);
    }

    @Override
    public String describe() {
      return "lognormal(median " + num(median) + ", sdlog " + num(sdlog) + ")";
    }
  }

  record Uniform(double low, double high) implements Distribution {
    @Override
    public double quantile(double u) {
      // low + u (high - low), kept inside the bounds against rounding
      return Math.min(high, Math.max(low, low + u * (high - low)));
    }

    @Override
    public Range support() {
      return closed(low, high);
    }

    @Override
    public String describe() {
      return "uniform on " + support();
    }
  }

  /** Beta(alpha, beta) stretched from [0, 1] to [low, high]. */
  record Beta(double alpha, double beta, double low, double high) implements Distribution {
    @Override
    public double quantile(double u) {
      double x = new BetaDistribution(alpha, beta).inverseCumulativeProbability(u);
      return Math.min(high, Math.max(low, low + x * (high - low)));
    }

    @Override
    public Range support() {
      return closed(low, high);
    }

    @Override
    public String describe() {
      return "beta(" + num(alpha) + ", " + num(beta) + ") on " + support();
    }
  }

  record Triangular(double mode, double low, double high) implements Distribution {
    @Override
    public double quantile(double u) {
      return Math.min(high, Math.max(low, new TriangularDistribution(low, mode, high).inverseCumulativeProbability(u)));
    }

    @Override
    public Range support() {
      return closed(low, high);
    }

    @Override
    public String describe() {
      return "triangular(mode " + num(mode) + ") on " + support();
    }
  }

  /** A normal distribution cut to [low, high]: the normal's quantile at a probability inside the cut. */
  record TruncatedNormal(double mean, double sd, double low, double high) implements Distribution {
    @Override
    public double quantile(double u) {
      NormalDistribution n = new NormalDistribution(mean, sd);
      double a = n.cumulativeProbability(low);
      double b = n.cumulativeProbability(high);
      double x = n.inverseCumulativeProbability(a + u * (b - a));
      return Math.min(high, Math.max(low, x));
    }

    @Override
    public Range support() {
      return closed(low, high);
    }

    @Override
    public String describe() {
      return "normal(mean " + num(mean) + ", sd " + num(sd) + ") cut to " + support();
    }
  }

  private static Range closed(double low, double high) {
    return new Range(low, false, high, false, Span.NONE);
  }

  /** Whether every value of {@code inner} lies in {@code outer}. */
  static boolean within(Range inner, Range outer) {
    return lowWithin(inner, outer) && highWithin(inner, outer);
  }

  /** Whether no value of {@code inner} lies below {@code outer}. */
  static boolean lowWithin(Range inner, Range outer) {
    return inner.low() > outer.low() || inner.low() == outer.low() && (inner.lowOpen() || !outer.lowOpen());
  }

  /** Whether no value of {@code inner} lies above {@code outer}. */
  static boolean highWithin(Range inner, Range outer) {
    return inner.high() < outer.high() || inner.high() == outer.high() && (inner.highOpen() || !outer.highOpen());
  }

  private static String num(double v) {
    return Range.bound(v);
  }
}
