package accord.bench;

import accord.model.Model;
import accord.model.ModelLoader;
import accord.sim.Results;
import accord.sim.Scenario;
import accord.sim.Simulator;
import accord.solve.Program;
import accord.solve.SolverSettings;
import accord.structure.StructuralAnalysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SIM and PC for 100 periods (period 1 the initial values, 99 solved), through the engine and
 * through the hand-written loops of the same equations ({@link HandWrittenSim},
 * {@link HandWrittenPc}). Average time per whole run, in microseconds.
 *
 * <ul>
 *   <li>{@code engineSim}, {@code enginePc}: only {@link Simulator#run} on a Program compiled in
 *   the setup (default settings: Newton, tolerance 1e-13).</li>
 *   <li>{@code enginePcFromText}: the whole pipeline from the model text (read from disk once in
 *   the setup): parse and resolve, structural analysis, compile, run.</li>
 *   <li>{@code handSim}, {@code handPc}: the hand-written loops solving the simultaneous block by
 *   Newton with the same convergence test (the like-for-like comparison).</li>
 *   <li>{@code handSimClosedForm}, {@code handPcClosedForm}: the block reduced to a closed form
 *   on paper; the floor no solver can beat.</li>
 * </ul>
 * The setup runs {@link SelfCheck}: it throws unless the hand-written loops and the engine agree
 * to 1e-9 on every variable (in period 100 and in every other period).
 *
 * <p>The annotations hold the settings bench/run uses: short, for a 2-core machine (one fork,
 * 3 x 1 s warm-up, 5 x 1 s measurement), except that {@code enginePcFromText} warms up for
 * 10 x 1 s: its larger code path (lexer, parser, resolver, structural analysis) needed about
 * 7 s on the 2-core machine to reach steady state (2450 us/op in the first second, 100 us/op
 * from the eighth on). Options given to JMH on the command line override the annotations.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
// a fixed, pre-touched heap: without it the run-to-run error of the microsecond benchmarks was
// several times larger on the 2-core machine (probably page faults while the heap grows)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SimulationBenchmark {

  public static final int PERIODS = 100;

  Program sim;
  Program pc;
  Scenario scenario;
  String pcText;
  Path pcDir;

  @Setup(Level.Trial)
  public void setup() throws IOException {
    Path pcFile = ModelFiles.pc();
    sim = SelfCheck.compile(ModelFiles.sim());
    pc = SelfCheck.compile(pcFile);
    scenario = Scenario.of(PERIODS);
    pcText = Files.readString(pcFile);
    pcDir = pcFile.getParent();
    SelfCheck.verifyAll(sim, pc, PERIODS);
    // the from-text pipeline must give the same numbers as the pre-compiled program
    SelfCheck.verify("PC (from text)", enginePcFromText(), HandWrittenPc.VARIABLES,
        HandWrittenPc.run(PERIODS)::series, PERIODS);
  }

  @Benchmark
  public Results engineSim() {
    return Simulator.run(sim, scenario, SolverSettings.DEFAULT);
  }

  @Benchmark
  public HandWrittenSim handSim() {
    return HandWrittenSim.run(PERIODS);
  }

  @Benchmark
  public HandWrittenSim handSimClosedForm() {
    return HandWrittenSim.runClosedForm(PERIODS);
  }

  @Benchmark
  public Results enginePc() {
    return Simulator.run(pc, scenario, SolverSettings.DEFAULT);
  }

  @Benchmark
  public HandWrittenPc handPc() {
    return HandWrittenPc.run(PERIODS);
  }

  @Benchmark
  public HandWrittenPc handPcClosedForm() {
    return HandWrittenPc.runClosedForm(PERIODS);
  }

  @Benchmark
  @Warmup(iterations = 10, time = 1)
  public Results enginePcFromText() {
    Model m = ModelLoader.fromText("pc.acc", pcText, pcDir);
    Program p = Program.compile(StructuralAnalysis.analyze(m, null));
    return Simulator.run(p, scenario, SolverSettings.DEFAULT);
  }
}
