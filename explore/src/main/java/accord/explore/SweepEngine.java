package accord.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Where a sweep's draws are computed: this machine's threads ({@code local}, {@link LocalEngine})
 * or another engine found on the class path (the spark module's jar adds {@code spark}). Every
 * engine hands the sink draws {@code from} to {@code n - 1} in draw order, computed by
 * {@link Experiment#draw}, so the same seed gives the same bits on any engine.
 */
public interface SweepEngine {

  /** The name {@code --engine} gives. */
  String name();

  /**
   * Runs draws {@code from .. n - 1} of the recipe's experiment ({@code made}, already made in this
   * process) into {@code sink} in order. {@code master}: where the engine runs (null: its default).
   */
  void run(Recipe recipe, Experiment made, long from, long n, int threads, String master, ResultSink sink,
      LocalEngine.Progress progress) throws InterruptedException;

  /** This machine's threads. */
  SweepEngine LOCAL = new SweepEngine() {
    @Override
    public String name() {
      return "local";
    }

    @Override
    public void run(Recipe recipe, Experiment made, long from, long n, int threads, String master, ResultSink sink,
        LocalEngine.Progress progress) throws InterruptedException {
      LocalEngine.run(i -> made.draw(from + i), n - from, threads, sink, (done, failed) -> progress.update(from + done,
          failed));
    }
  };

  /** The engines this class path has: local, then those its jars declare (META-INF/services). */
  static List<SweepEngine> available() {
    List<SweepEngine> out = new ArrayList<>(List.of(LOCAL));
    ServiceLoader.load(SweepEngine.class).forEach(out::add);
    return out;
  }
}
