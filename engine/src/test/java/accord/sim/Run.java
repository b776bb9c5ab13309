package accord.sim;

import accord.model.Model;
import accord.model.ModelLoader;
import accord.solve.Method;
import accord.solve.Program;
import accord.solve.SolverSettings;
import accord.structure.StructuralAnalysis;
import java.nio.file.Path;
import java.util.List;

/** Test helper: a model from text, simulated. */
public final class Run {

  private Run() {
  }

  public static Model model(String text) {
    return ModelLoader.fromText("test.acc", text, Path.of("."));
  }

  public static Results of(String text, int periods) {
    return of(text, periods, Method.NEWTON, null, List.of());
  }

  public static Results of(String text, int periods, Method method, String closure, List<Change> changes) {
    Model m = model(text);
    Program p = Program.compile(StructuralAnalysis.analyze(m, closure));
    return Simulator.run(p, new Scenario("test", periods, closure, changes, null), SolverSettings.DEFAULT.withMethod(method));
  }
}
