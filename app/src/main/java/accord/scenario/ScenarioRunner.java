package accord.scenario;

import accord.lang.Diagnostic;
import accord.lang.ModelException;
import accord.lang.Span;
import accord.sim.ProgressListener;
import accord.sim.Results;
import accord.sim.Scenario;
import accord.sim.Simulator;
import accord.solve.Program;
import accord.solve.SolverSettings;
import accord.structure.StructuralAnalysis;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a scenario file, first running the scenario it starts from (if any). */
public final class ScenarioRunner {

  private ScenarioRunner() {
  }

  public static Results run(ScenarioFile s, Integer periodsOverride, String closureOverride, SolverSettings settings,
      ProgressListener progress) {
    return run(s, periodsOverride, closureOverride, settings, progress, new ArrayList<>());
  }

  private static Results run(ScenarioFile s, Integer periodsOverride, String closureOverride, SolverSettings settings,
      ProgressListener progress, List<Path> chain) {
    double[] start = null;
    if (s.startFrom() != null) {
      if (chain.contains(s.path().toAbsolutePath().normalize())) {
        throw new ModelException(Diagnostic.error("E318", Span.NONE, "start_from cycle: " + chain));
      }
      chain.add(s.path().toAbsolutePath().normalize());
      ScenarioFile base = ScenarioFile.load(s.startFrom());
      if (!base.modelPath().equals(s.modelPath())) {
        throw new ModelException(Diagnostic.error("E319", Span.NONE, "scenario " + s.path() + " starts from "
            + s.startFrom() + ", which runs another model (" + base.modelPath() + ")")
            .withHint("start_from must name a scenario of the same model"));
      }
      start = run(base, null, null, settings, ProgressListener.NONE, chain).last();
    }
    int periods = periodsOverride != null ? periodsOverride : s.periods();
    String closure = closureOverride != null ? closureOverride : s.closure();
    Program program = Program.compile(StructuralAnalysis.analyze(s.model(), closure));
    Scenario scenario = new Scenario(s.name(), periods, closure, s.changes(), start);
    return Simulator.run(program, scenario, settings, progress);
  }
}
