package accord.explore;

import accord.scenario.ScenarioFile;
import accord.solve.SolverSettings;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How to make an {@link Experiment} again on another machine: the scenario file read for a run of
 * {@code periods}, the priors file and the seed, with the headline outputs. An Experiment holds
 * compiled code and cannot travel; this can, and every process that holds it makes the same
 * experiment (once, kept per process).
 */
public record Recipe(String scenario, int periods, String priors, long seed) implements Serializable {

  private static final ConcurrentHashMap<Recipe, Experiment> MADE = new ConcurrentHashMap<>();

  /** The experiment of this recipe, made in this process at its first use. */
  public Experiment experiment() {
    return MADE.computeIfAbsent(this, r -> {
      ScenarioFile file = ScenarioFile.load(Path.of(r.scenario()), r.periods());
      return Experiment.of(file, Priors.load(Path.of(r.priors()), file.model()), r.seed(),
          Output.headline(file.model()), SolverSettings.DEFAULT);
    });
  }

  /** The recipe of an experiment already made here: it is kept, so this process does not make it twice. */
  public static Recipe of(Experiment e, Path scenario, Path priors) {
    Recipe r = new Recipe(scenario.toAbsolutePath().normalize().toString(), e.periods(),
        priors.toAbsolutePath().normalize().toString(), e.seed());
    MADE.putIfAbsent(r, e);
    return r;
  }
}
