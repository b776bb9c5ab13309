package accord.explore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small model, a scenario of it and its priors, written to a folder: fast runs for the sweep's tests. */
final class Toy {

  static final String MODEL = """
      model TOY "a toy economy: demand, a derived multiplier and an equation that fails below a threshold"
      param a = 0.5 in [0, 1] "propensity to spend"
      param c = 1 - a "what is not spent (computed from a)"
      param b = 2 in (0, inf) "a threshold parameter: the model is defined for b >= 1.5 only"
      param s = 3 in [0, 10] "a parameter no equation reads"
      param d = 0.1 in [0, 1] "depreciation"
      exogenous G = 10 in [0, inf) "spending"
      var K = 10/d "a stock, its initial value computed from d"
      var Y = 20 "output"
      var Z = 1 "a series defined only for b >= 1.5"
      Y = G + a*Y(-1) + 0.01*c*K(-1)
      K = (1 - d)*K(-1) + 0.1*Y
      Z = sqrt(b - 1.5)*Y
      """;

  static final String SCENARIO = """
      model: toy.acc
      periods: 8
      set:
        - {at: 4, values: {G: 12}}
      """;

  static final String PRIORS = """
      # the toy's priors
      parameter,distribution,a,b,low,high,source
      a,beta,2,2,0.2,0.8,assumption: a test
      b,uniform,,,1,3,assumption: a test (a quarter of the draws below 1.5 fail)
      s,triangular,3,,1,5,assumption: a test (no equation reads s)
      d,truncnormal,0.1,0.05,0.02,0.3,assumption: a test
      """;

  private Toy() {
  }

  static Path write(Path dir) throws IOException {
    Files.writeString(dir.resolve("toy.acc"), MODEL);
    Files.writeString(dir.resolve("toy.yaml"), SCENARIO);
    Files.writeString(dir.resolve("priors.csv"), PRIORS);
    return dir.resolve("toy.yaml");
  }
}
