package accord.spark;

import accord.explore.DrawResult;
import accord.explore.Experiment;
import accord.explore.LocalEngine;
import accord.explore.Recipe;
import accord.explore.ResultSink;
import accord.explore.SweepEngine;
import accord.lang.Diagnostic;
import accord.lang.ModelException;
import accord.lang.Span;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The sweep engine on Apache Spark: the draws split into contiguous ranges, one task (and job)
 * each; each executor makes the experiment from its {@link Recipe} once (the scenario and priors
 * files must be where the recipe says, as on one machine or a shared folder) and computes its
 * ranges; the driver keeps twice as many ranges in flight as the cluster has cores, takes them
 * back in order and hands the draws to the sink in draw order. Draw i is {@link Experiment#draw}(i)
 * wherever it runs, so the fans are the local engine's to the last bit.
 */
public final class SparkEngine implements SweepEngine {

  /** Draws per task: enough to keep a task's start-up small against its work. */
  static final int PER_TASK = 64;

  private final int perTask;

  public SparkEngine() {
    this(PER_TASK);
  }

  /** With {@code perTask} draws per task (tests: several tasks from a few draws). */
  SparkEngine(int perTask) {
    this.perTask = perTask;
  }

  private static JavaSparkContext context;
  private static String contextMaster;

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public void run(Recipe recipe, Experiment made, long from, long n, int threads, String master, ResultSink sink,
      LocalEngine.Progress progress) throws InterruptedException {
    // no --master: spark-submit's (it sets spark.master for the driver), else this machine's cores
    String at = master != null ? master : new SparkConf().get("spark.master", "local[*]");
    JavaSparkContext sc = context(at);
    Iterator<long[]> ranges = new Iterator<>() {
      long a = from;

      @Override
      public boolean hasNext() {
        return a < n;
      }

      @Override
      public long[] next() {
        long[] range = {a, Math.min(n, a + perTask)};
        a = range[1];
        return range;
      }
    };
    // A job per range, twice as many in flight as the cluster has cores, taken back in order: the
    // cores stay busy while the driver waits for the oldest (toLocalIterator runs one job at a
    // time, one core of local[2]), and the driver holds at most that many ranges.
    ArrayDeque<JavaFutureAction<List<DrawResult>>> pending = new ArrayDeque<>();
    long done = from;
    long failed = 0;
    try {
      while (ranges.hasNext() || !pending.isEmpty()) {
        // the cores known now: a cluster's executors register while the first jobs run
        while (ranges.hasNext() && pending.size() < 2 * Math.max(2, sc.defaultParallelism())) {
          long[] range = ranges.next();
          pending.add(sc.parallelize(List.of(range), 1).flatMap(r -> draws(recipe, r[0], r[1])).collectAsync());
        }
        for (DrawResult r : result(pending.poll(), sc, at)) {
          if (r.index() != done) {
            throw new IllegalStateException("Spark gave draw " + r.index() + " where draw " + done + " was due");
          }
          sink.accept(r);
          failed += r.failed() ? 1 : 0;
          progress.update(++done, failed);
        }
      }
    } finally {
      pending.forEach(f -> f.cancel(true));
    }
  }

  /** A job's draws; its failure, or the application's end, as a coded diagnostic. */
  private static List<DrawResult> result(JavaFutureAction<List<DrawResult>> job, JavaSparkContext sc, String master)
      throws InterruptedException {
    try {
      return job.get();
    } catch (ExecutionException e) {
      // Spark's message: the task's exception and its stack trace, remote; the first line says what
      String why = sc.sc().isStopped() ? "Spark stopped the application (its master removed it, or the cluster went away)"
          : String.valueOf(e.getCause().getMessage()).lines().findFirst().orElse(e.getCause().toString());
      throw new ModelException(Diagnostic.error("E686", Span.NONE, "the sweep on Spark (" + master + ") failed: " + why)
          .withHint("the workers' logs say why, and their executors' (each worker's work/<application>/<executor>/"
              + "stderr; the master's web UI links them); every machine needs the scenario and priors files at the same path, and a worker "
              + "started from accord-spark.jar a SPARK_HOME with jars/ and SPARK_SCALA_VERSION=2.13 (README.md)"));
    }
  }

  /** Draws {@code a .. b - 1} of the recipe's experiment, computed where this runs. */
  static Iterator<DrawResult> draws(Recipe recipe, long a, long b) {
    Experiment e = recipe.experiment();
    return new Iterator<>() {
      long i = a;

      @Override
      public boolean hasNext() {
        return i < b;
      }

      @Override
      public DrawResult next() {
        return e.draw(i++);
      }
    };
  }

  /**
   * One Spark context per process, made at the first sweep: its start (about two seconds) is paid
   * once. Loopback-only unless the master is remote; no web UI.
   */
  static synchronized JavaSparkContext context(String master) {
    if (context != null && master.equals(contextMaster)) {
      return context;
    }
    if (context != null) {
      context.stop();
    }
    SparkConf conf = new SparkConf().setAppName("accord sweep").setMaster(master)
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false")
        .set("spark.serializer", "org.apache.spark.serializer.JavaSerializer");
    if (master.startsWith("local")) {
      conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
    } else if (!conf.contains("spark.jars")) {
      // a cluster's executors need accord's classes: this jar (spark-submit sets spark.jars itself)
      try {
        String jar = java.nio.file.Path.of(SparkEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString();
        if (jar.endsWith(".jar")) {
          conf.set("spark.jars", jar);
        }
      } catch (java.net.URISyntaxException | SecurityException e) {
        // no location: the cluster must have the classes already
      }
    }
    context = new JavaSparkContext(conf);
    context.setLogLevel("WARN");
    contextMaster = master;
    return context;
  }

  /** Stops the context (tests; a command's process ends with it). */
  static synchronized void stop() {
    if (context != null) {
      context.stop();
      context = null;
      contextMaster = null;
    }
  }
}
