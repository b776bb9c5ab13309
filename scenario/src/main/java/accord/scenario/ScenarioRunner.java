package accord.scenario;

import accord.cache.ModelCache;
import accord.lang.Diagnostic;
import accord.lang.ModelException;
import accord.sim.ProgressListener;
import accord.sim.Results;
import accord.sim.Scenario;
import accord.sim.Simulator;
import accord.solve.Program;
import accord.solve.SolverSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a scenario file, first running the scenario it starts from (if any). */
public final class ScenarioRunner {

  private ScenarioRunner() {
  }

  /**
   * Runs {@code s} for {@code periodsOverride} periods (null: the file's): a scenario read for
   * another length is read again for this one (see {@link ScenarioFile#load(Path, Integer)}).
   */
  public static Results run(ScenarioFile s, Integer periodsOverride, String closureOverride, SolverSettings settings,
      ProgressListener progress) {
    s = periodsOverride == null ? s : s.forPeriods(periodsOverride);
    if (!s.branches().isEmpty()) {
      return weighted(runBranches(s, periodsOverride, closureOverride, settings));
    }
    return run(s, closureOverride, settings, progress, new ArrayList<>());
  }

  /** A branch of a scenario with odds and its run. */
  public record BranchRun(ScenarioFile.Branch branch, Results results) {
  }

  /** Runs every branch of a scenario with odds (each a whole solution of the model). */
  public static List<BranchRun> runBranches(ScenarioFile s, Integer periodsOverride, String closureOverride,
      SolverSettings settings) {
    s = periodsOverride == null ? s : s.forPeriods(periodsOverride);
    List<BranchRun> out = new ArrayList<>();
    for (ScenarioFile.Branch b : s.branches()) {
      out.add(new BranchRun(b, run(b.scenario(), closureOverride, settings, ProgressListener.NONE,
          new ArrayList<>())));
    }
    return out;
  }

  /**
   * The probability-weighted path of the branches: each series the branches' values weighted by
   * their odds. A summary, not a solution of the model: its products of weighted series need not
   * satisfy the accounting identities, which hold in every branch.
   */
  public static Results weighted(List<BranchRun> runs) {
    Results first = runs.get(0).results();
    double[][] rows = new double[first.periods()][first.rows()[0].length];
    int iterations = 0;
    long nanos = 0;
    for (BranchRun b : runs) {
      double p = b.branch().probability();
      for (int t = 0; t < rows.length; t++) {
        for (int j = 0; j < rows[t].length; j++) {
          rows[t][j] += p * b.results().rows()[t][j];
        }
      }
      iterations += b.results().iterations();
      nanos += b.results().nanos();
    }
    Scenario sc = first.scenario();
    return new Results(first.model(), new Scenario(sc.name().replaceFirst(": [^:]*$", "") + " (probability-weighted)",
        sc.periods(), sc.closure(), List.of(), null), rows, iterations, nanos);
  }

  private static Results run(ScenarioFile s, String closureOverride, SolverSettings settings,
      ProgressListener progress, List<Path> chain) {
    double[] start = null;
    if (s.startFrom() != null) {
      chain.add(s.path().toAbsolutePath().normalize());
      Path next = s.startFrom().toAbsolutePath().normalize();
      if (chain.contains(next)) {
        List<String> names = new ArrayList<>(chain.subList(chain.indexOf(next), chain.size()).stream()
            .map(p -> String.valueOf(p.getFileName())).toList());
        names.add(String.valueOf(next.getFileName()));
        throw new ModelException(Diagnostic.error("E358", ScenarioFile.startFromSpan(s.path()),
            "start_from makes a cycle: " + String.join(" -> ", names))
            .withHint("a scenario starts from one that runs before it; the first in the chain starts from none"));
      }
      ScenarioFile base = ScenarioFile.load(s.startFrom());
      if (!base.modelPath().equals(s.modelPath())) {
        throw new ModelException(Diagnostic.error("E319", ScenarioFile.startFromSpan(s.path()), "scenario "
            + s.path().getFileName() + " starts from " + s.startFrom().getFileName() + ", which runs another model ("
            + base.modelPath().getFileName() + ", not " + s.modelPath().getFileName() + ")")
            .withHint("start_from must name a scenario of the same model"));
      }
      start = run(base, null, settings, ProgressListener.NONE, chain).last();
    }
    int periods = s.periods();
    String closure = closureOverride != null ? closureOverride : s.closure();
    Program program = ModelCache.program(s.model(), closure);
    Scenario scenario = new Scenario(s.name(), periods, closure, s.changes(), start, s.triggers());
    Results run = Simulator.run(program, scenario, settings, accordsLeft(s) ? ProgressListener.NONE : progress);
    return accordsLeft(s) ? Accords.run(s, run, closure, settings, progress) : run;
  }

  private static boolean accordsLeft(ScenarioFile s) {
    return !s.accords().isEmpty();
  }
}
