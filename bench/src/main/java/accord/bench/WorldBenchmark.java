package accord.bench;

import accord.accounts.AccountingCheck;
import accord.model.ModelLoader;
import accord.sim.Results;
import accord.sim.Scenario;
import accord.sim.Simulator;
import accord.solve.Program;
import accord.solve.SolverSettings;
import accord.structure.StructuralAnalysis;
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
 * One 40-quarter run of the world model (2025Q1-2034Q4) on a Program compiled in the setup:
 * the time a slider move in the web lab or one Monte Carlo draw costs. The setup checks that
 * the run holds every accounting identity.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class WorldBenchmark {

  Program world;
  Scenario forty;

  @Setup(Level.Trial)
  public void setup() {
    world = Program.compile(StructuralAnalysis.analyze(ModelLoader.load(ModelFiles.world()), null));
    forty = Scenario.of(41);
    Results r = worldFortyQuarters();
    if (!AccountingCheck.check(r).isEmpty()) {
      throw new IllegalStateException("the world run breaks an identity: " + AccountingCheck.check(r).get(0).describe());
    }
  }

  @Benchmark
  public Results worldFortyQuarters() {
    return Simulator.run(world, forty, SolverSettings.DEFAULT);
  }
}
