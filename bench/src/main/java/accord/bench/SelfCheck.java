package accord.bench;

import accord.model.Model;
import accord.model.ModelLoader;
import accord.sim.Results;
import accord.sim.Scenario;
import accord.sim.Simulator;
import accord.solve.Program;
import accord.solve.SolverSettings;
import accord.structure.StructuralAnalysis;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The benchmark's guard against comparing different computations: the hand-written loops (both
 * variants) and the engine must agree on every endogenous variable to an absolute 1e-9 in the
 * last period (and, stricter than required, in every period), and every hand-written variable
 * must exist in the engine's model. Throws {@link IllegalStateException} otherwise. Runnable on
 * its own: {@code java -cp bench/target/benchmarks.jar accord.bench.SelfCheck}.
 */
public final class SelfCheck {

  public static final double TOLERANCE = 1e-9;

  private SelfCheck() {
  }

  public static void main(String[] args) {
    Program sim = compile(ModelFiles.sim());
    Program pc = compile(ModelFiles.pc());
    verifyAll(sim, pc, 100);
    System.out.println("self check passed: the hand-written SIM and PC agree with the engine to " + TOLERANCE
        + " on every variable in every period (models in " + ModelFiles.glDir() + ")");
  }

  static Program compile(Path file) {
    Model m = ModelLoader.load(file);
    return Program.compile(StructuralAnalysis.analyze(m, null));
  }

  /** Checks SIM and PC, both hand-written variants each. */
  public static void verifyAll(Program sim, Program pc, int periods) {
    Results engineSim = Simulator.run(sim, Scenario.of(periods), SolverSettings.DEFAULT);
    Results enginePc = Simulator.run(pc, Scenario.of(periods), SolverSettings.DEFAULT);
    HandWrittenSim s1 = HandWrittenSim.run(periods);
    HandWrittenSim s2 = HandWrittenSim.runClosedForm(periods);
    HandWrittenPc p1 = HandWrittenPc.run(periods);
    HandWrittenPc p2 = HandWrittenPc.runClosedForm(periods);
    verify("SIM (Newton)", engineSim, HandWrittenSim.VARIABLES, s1::series, periods);
    verify("SIM (closed form)", engineSim, HandWrittenSim.VARIABLES, s2::series, periods);
    verify("PC (Newton)", enginePc, HandWrittenPc.VARIABLES, p1::series, periods);
    verify("PC (closed form)", enginePc, HandWrittenPc.VARIABLES, p2::series, periods);
  }

  static void verify(String what, Results engine, String[] variables, Function<String, double[]> hand, int periods) {
    long endogenous = engine.model().slots().stream().filter(s -> s.kind() == accord.model.Kind.ENDOGENOUS).count();
    if (endogenous != variables.length) {
      throw new IllegalStateException(what + ": the engine's model has " + endogenous + " endogenous variables, the "
          + "hand-written one " + variables.length);
    }
    if (engine.periods() != periods) {
      throw new IllegalStateException(what + ": the engine ran " + engine.periods() + " periods, not " + periods);
    }
    // period 100 first (the required check), then every other period
    for (int period = periods; period >= 1; period--) {
      for (String v : variables) {
        double want = engine.value(v, period);
        double got = hand.apply(v)[period - 1];
        if (!(Math.abs(got - want) <= TOLERANCE)) {
          throw new IllegalStateException(String.format(
              "%s: the hand-written loop and the engine disagree on %s in period %d: hand %.17g, engine %.17g "
                  + "(difference %.3g > %.0e)", what, v, period, got, want, got - want, TOLERANCE));
        }
      }
    }
  }
}
