package accord.web;

import accord.backtest.Backtest;
import accord.cache.ModelCache;
import accord.compare.Comparison;
import accord.compare.Indicator;
import accord.model.Model;
import accord.scenario.ScenarioFile;
import accord.scenario.ScenarioRunner;
import accord.sim.ProgressListener;
import accord.sim.Results;
import accord.sim.Scenario;
import accord.sim.Simulator;
import accord.solve.SolverSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the server knows and does, apart from HTTP: the library, each scenario's levers, the runs
 * it made (the most recent {@link #KEPT_RUNS}), and a bounded pool that runs scenarios. The
 * models are read and compiled once ({@link ModelCache#holdInMemory}); each run solves in its
 * own workspace, so a run costs what the engine costs. The world baseline of a run length is run
 * once and shared by every comparison of that length.
 */
final class Lab implements AutoCloseable {

  /** Runs kept for their series, CSV, report and matrix; older ones are forgotten (E708 then). */
  static final int KEPT_RUNS = 64;
  /** The longest run a request may ask for: the library's longest (the textbook scenarios' 200 periods). */
  static final int MAX_PERIODS = 200;

  /** A run: the scenario as read (with the request's values written in), its results and, for the world, the comparison. */
  record Run(String id, Library.Entry entry, Map<String, Double> overrides, String text, ScenarioFile file,
      Results results, Comparison comparison, long nanos) {

    boolean world() {
      return comparison != null;
    }
  }

  private final Library library;
  private final ThreadPoolExecutor pool;
  private final Map<String, ScenarioLevers> levers = new ConcurrentHashMap<>();
  private final Map<String, Future<Results>> baselines = new ConcurrentHashMap<>();
  private final Map<String, Run> runs = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Run> eldest) {
      return size() > KEPT_RUNS;
    }
  });
  private final AtomicLong next = new AtomicLong();
  private volatile Future<List<List<Backtest.Comparison>>> backtest;
  private final Sweeps sweeps;
  private final Explanations explanations;

  /**
   * {@code threads} runs at once and {@code queued} more waiting; a request beyond that is refused
   * with 429 rather than left to pile up. Sweeps are kept in the run store {@code store} (null: in
   * memory only), marked with the software's {@code version}.
   */
  Lab(Library library, int threads, int queued, java.nio.file.Path store, String version) {
    ModelCache.holdInMemory();
    this.library = library;
    this.sweeps = new Sweeps(threads, library.home().resolve("models/world/data/priors.csv"), store, version);
    this.explanations = new Explanations(threads);
    this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, queued > 0 ? new ArrayBlockingQueue<>(queued)
        : new java.util.concurrent.SynchronousQueue<>(), r -> {
      Thread t = new Thread(r, "accord-run");
      t.setDaemon(true);
      return t;
    });
  }

  /** The channel decompositions, one at a time. */
  Explanations explanations() {
    return explanations;
  }

  /** Takes up the sweeps a server left unfinished in the store ({@link Sweeps#resumeInterrupted}); their ids. */
  List<String> resumeSweeps() {
    try {
      return sweeps.resumeInterrupted(library, this::text);
    } catch (ApiError e) {
      if (!e.diagnostics().get(0).code().equals("E680")) {
        // not a store at all, or one that cannot be made: the server would answer every sweep 503
        throw new accord.lang.ModelException(e.diagnostics());
      }
      // the store is another process's now: serve without taking them up (they stay in the store, interrupted)
      org.slf4j.LoggerFactory.getLogger(Lab.class).warn("unfinished sweeps not taken up: {}", e.getMessage());
      return List.of();
    }
  }

  /** The sweeps started from the lab, run one at a time beside the runs. */
  Sweeps sweeps() {
    return sweeps;
  }

  Library library() {
    return library;
  }

  /** The levers of a library scenario (read once). */
  ScenarioLevers levers(Library.Entry e) {
    return levers.computeIfAbsent(e.name(), n -> ScenarioLevers.of(e.file().toString(), e.text(), model(e)));
  }

  /** The scenario as the library has it, read once (its model is held in memory). */
  ScenarioFile file(Library.Entry e) {
    return ScenarioFile.read(e.file(), e.text(), null);
  }

  private Model model(Library.Entry e) {
    return file(e).model();
  }

  /** Runs a library scenario with some of its levers moved, in the pool; the caller waits for it. */
  Run run(Library.Entry e, Map<String, Double> overrides, Integer periods) {
    if (periods != null && (periods < 2 || periods > MAX_PERIODS)) {
      throw new ApiError(400, "E707", "periods is " + periods + ", outside 2.." + MAX_PERIODS,
          "period 1 holds the starting state, so a run has at least 2; the longest a request may ask for is "
              + MAX_PERIODS);
    }
    String text = text(e, overrides);
    return submit(() -> {
      long t0 = System.nanoTime();
      ScenarioFile file = ScenarioFile.read(e.file(), text, periods);
      Comparison c = Indicator.applies(file.model()) ? compare(file) : null;
      Results r = c != null ? c.scenario()
          : ScenarioRunner.run(file, null, null, SolverSettings.DEFAULT, ProgressListener.NONE);
      Run run = new Run("r" + next.incrementAndGet(), e, Map.copyOf(overrides), text, file, r, c,
          System.nanoTime() - t0);
      runs.put(run.id(), run);
      return run;
    });
  }

  /** The scenario's text with the levers {@code overrides} moves written in (E704, E705 for bad ones). */
  String text(Library.Entry e, Map<String, Double> overrides) {
    return Overrides.apply(e.text(), Overrides.resolve(e.name(), levers(e), overrides));
  }

  /** {@link Comparison#run} against the model's baseline, with the baseline of this length run once. */
  private Comparison compare(ScenarioFile file) throws Exception {
    var settings = SolverSettings.DEFAULT;
    List<ScenarioRunner.BranchRun> branches = file.branches().isEmpty() ? List.of()
        : ScenarioRunner.runBranches(file, null, null, settings);
    Results scenario = branches.isEmpty()
        ? ScenarioRunner.run(file, null, null, settings, ProgressListener.NONE)
        : ScenarioRunner.weighted(branches);
    Results baseline = baseline(file.model(), scenario.periods());
    Comparison c = Comparison.of(scenario, baseline, file.start());
    return new Comparison(scenario, baseline, c.start(), c.periods(), branches);
  }

  private Results baseline(Model model, int periods) throws Exception {
    String key = System.identityHashCode(model) + "/" + periods;
    java.util.concurrent.FutureTask<Results> task = new java.util.concurrent.FutureTask<>(() ->
        Simulator.run(ModelCache.program(model, null), Scenario.of(periods), SolverSettings.DEFAULT));
    Future<Results> f = baselines.putIfAbsent(key, task);
    if (f == null) {
      task.run();
      f = task;
    }
    return get(f);
  }

  /**
   * Reads and compiles, in the background, the model of the scenario the lab opens with, so that
   * its first run does not pay for them; the server listens before this starts.
   */
  void warm(String scenario) {
    // its own thread, not one of the pool's: requests never wait behind it (a program compiles once either way)
    library.entries().stream().filter(e -> e.name().equals(scenario)).findFirst().ifPresent(e -> {
      Thread t = new Thread(() -> {
        ScenarioFile f = file(e);
        levers(e);
        ModelCache.program(f.model(), f.closure());
      }, "accord-warm");
      t.setDaemon(true);
      t.start();
    });
  }

  /** A run kept by the server; E708 (404) if it has none of that id. */
  Run get(String id) {
    Run r = runs.get(id);
    if (r == null) {
      throw new ApiError(404, "E708", "no run '" + id + "'", "runs are kept while the server runs, the latest "
          + KEPT_RUNS + " of them: POST /api/runs makes one");
    }
    return r;
  }

  /** The 2025 back-test and the 2018-19 rounds (accord backtest), run once, in the pool. */
  List<List<Backtest.Comparison>> backtest() {
    Future<List<List<Backtest.Comparison>>> f = backtest;
    if (f == null) {
      synchronized (this) {
        if (backtest == null) {
          java.nio.file.Path world = library.home().resolve("models/world");
          try {
            backtest = pool.submit(() -> List.of(Backtest.replay2025(world), Backtest.rounds2018(world)));
          } catch (RejectedExecutionException full) {
            throw busy();
          }
        }
        f = backtest;
      }
    }
    return get(f);
  }

  private <T> T submit(Callable<T> job) {
    Future<T> f;
    try {
      f = pool.submit(job);
    } catch (RejectedExecutionException full) {
      throw busy();
    }
    return get(f);
  }

  private ApiError busy() {
    return new ApiError(429, "E709", "the server is running " + pool.getMaximumPoolSize() + " scenarios and has "
        + pool.getQueue().size() + " waiting, its most", "try again in a moment");
  }

  private static <T> T get(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  int threads() {
    return pool.getMaximumPoolSize();
  }

  @Override
  public void close() {
    pool.shutdownNow();
    sweeps.close();
  }
}
