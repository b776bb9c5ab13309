package accord.bench;

import accord.model.ModelLoader;
import accord.sim.Scenario;
import accord.sim.Simulator;
import accord.solve.Program;
import accord.solve.SolverSettings;
import accord.structure.StructuralAnalysis;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A plain loop, for when JMH is too noisy on a shared machine: one Program, {@code runs} runs
 * in one JVM, and the median and fastest of the second half (the first half warms up; it includes
 * the generation of bytecode once blocks are hot).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar accord.bench.Loop world 400     (41 periods: 40 quarters)
 * java -cp bench/target/benchmarks.jar accord.bench.Loop pc 200000     (100 periods)
 * </pre>
 * {@code -Daccord.codegen=false} gives the trees alone.
 */
public final class Loop {

  private Loop() {
  }

  public static void main(String[] args) {
    String name = args.length > 0 ? args[0] : "world";
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 400;
    boolean world = name.equals("world");
    Path file = world ? ModelFiles.world() : ModelFiles.glDir().resolve(name + ".acc");
    Program p = Program.compile(StructuralAnalysis.analyze(ModelLoader.load(file), null));
    Scenario s = Scenario.of(world ? 41 : SimulationBenchmark.PERIODS);
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      Simulator.run(p, s, SolverSettings.DEFAULT);
      nanos[i] = System.nanoTime() - start;
    }
    long[] late = Arrays.copyOfRange(nanos, runs / 2, runs);
    Arrays.sort(late);
    System.out.printf("%s, %d runs: first %.3f ms; second half: median %.3f ms, fastest %.3f ms%n", file.getFileName(),
        runs, nanos[0] / 1e6, late[late.length / 2] / 1e6, late[0] / 1e6);
  }
}
