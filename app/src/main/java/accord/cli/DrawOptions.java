package accord.cli;

import accord.scenario.ScenarioFile;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of every command that draws the priors (sweep, sensitivity, report's fans and tornado), said once. */
final class DrawOptions {

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "the seed of the draws (default: 1)")
  long seed;

  @Option(names = "--threads", paramLabel = "T", description = "threads (default: the processors)")
  Integer threads;

  @Option(names = "--priors", paramLabel = "priors.csv", description = "the priors (default: "
      + "models/world/data/priors.csv)")
  Path priors;

  /** The request of {@code draws} draws of {@code file} with these options, checked. */
  SweepCommand.Request request(ScenarioFile file, long draws) {
    return SweepCommand.Request.of(file, priors, draws, seed, threads);
  }
}
