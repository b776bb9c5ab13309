package accord.web;

import accord.charts.UncertaintyCharts;
import accord.compare.Indicator;
import accord.explore.Experiment;
import accord.explore.Fans;
import accord.explore.LocalEngine;
import accord.explore.Output;
import accord.explore.Priors;
import accord.lang.ModelException;
import accord.scenario.ScenarioFile;
import accord.solve.SolverSettings;
import accord.store.RunStore;
import accord.store.StoreSink;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Monte Carlo sweeps as jobs of the server: started by a request, run one at a time on a thread of
 * their own (the runs of the lab keep theirs), followed by their progress, cancelled on request,
 * and answered with their fans when done. The same experiment and fans as {@code accord sweep}
 * (draw i from (seed, i), results in draw order), so the same seed gives the same fans.
 *
 * <p>With a run store, each job is a sweep job of the store (its id the store's: s12 is job 12)
 * and every finished draw is kept there as {@code accord sweep --store} keeps it. A server killed
 * during a sweep leaves the store readable with the draws it had committed; the next server on
 * that store takes up each such job at start: the kept draws replayed into its fans, the rest
 * run, the same id answering. The store is opened while a job needs it, so {@code accord runs}
 * can read it between sweeps.
 */
final class Sweeps implements AutoCloseable {

  /** Draws a job may ask for: a server answers many; accord sweep on the command line has no limit. */
  static final int MAX_DRAWS = 2000;
  /** Jobs kept (running, waiting or finished); the oldest finished go first. */
  static final int KEPT = 16;
  /** Jobs waiting behind the running one, at most. */
  static final int WAITING = 4;

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Sweeps.class);

  private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "accord-sweeps");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, Job> jobs = new LinkedHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final int threads;
  private final Path priors;
  private final Path storeFile;
  private final String version;
  private RunStore store;
  private int storeUsers;
  private volatile boolean closing;

  /** Sweeps on {@code threads} threads with the priors of {@code priors}, kept in {@code storeFile} (null: nowhere). */
  Sweeps(int threads, Path priors, Path storeFile, String version) {
    this.threads = threads;
    this.priors = priors;
    this.storeFile = storeFile;
    this.version = version;
  }

  /** What a job sweeps: a library scenario with some levers moved, the draws, the seed and the quarters. */
  record Request(Library.Entry entry, Map<String, Double> overrides, String text, long draws, long seed, int quarters) {
  }

  /** A sweep job: its request, its state and, once done, its fans. */
  static final class Job {
    final String id;
    final Request request;
    final Experiment experiment;
    final Long stored;
    final AtomicReference<String> status = new AtomicReference<>("waiting");
    final AtomicLong done = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    volatile long resumed;
    volatile Fans fans;
    volatile String problem;
    volatile long started;
    volatile long nanos;
    Future<?> future;

    Job(String id, Request request, Experiment experiment, Long stored) {
      this.id = id;
      this.request = request;
      this.experiment = experiment;
      this.stored = stored;
    }
  }

  /** Starts a sweep; its job (waiting, or running at once). */
  synchronized Job start(Request r) {
    if (r.draws() < 1 || r.draws() > MAX_DRAWS) {
      throw new ApiError(400, "E707", "a sweep of the web lab takes 1 to " + MAX_DRAWS + " draws, not " + r.draws(),
          "ask for fewer, or run more with accord sweep on the command line");
    }
    if (r.quarters() < 1 || r.quarters() > 80) {
      throw new ApiError(400, "E707", "a sweep runs 1 to 80 quarters, not " + r.quarters(), "ask for 24, say");
    }
    if (jobs.values().stream().filter(j -> j.status.get().equals("waiting")).count() >= WAITING) {
      throw new ApiError(429, "E709", WAITING + " sweeps are waiting already", "wait for one to finish, or cancel one");
    }
    ScenarioFile file = ScenarioFile.read(r.entry().file(), r.text(), r.quarters() + 1);
    if (!Indicator.applies(file.model())) {
      throw new ApiError(400, "E411", "a sweep draws the world model's headline outputs; scenario " + r.entry().name()
          + " runs model " + file.model().name() + ", which lacks them", "choose a scenario of models/world/scenarios");
    }
    Experiment e = experiment(file, r.seed());
    Long stored = null;
    if (storeFile != null) {
      RunStore s = openStore();
      try {
        stored = StoreSink.start(s, spec(r, file), e);
      } finally {
        closeStore();
      }
    }
    return submit(new Job("s" + (stored != null ? stored : ids.incrementAndGet()), r, e, stored));
  }

  private Experiment experiment(ScenarioFile file, long seed) {
    return Experiment.of(file, Priors.load(priors, file.model()), seed, Output.headline(file.model()),
        SolverSettings.DEFAULT);
  }

  /** The job's spec in the store: the sweep's, with the library scenario and the moved levers that make its text. */
  private RunStore.JobSpec spec(Request r, ScenarioFile file) {
    String extra;
    try {
      extra = "\"lab\": " + Json.MAPPER.writeValueAsString(r.entry().name()) + ", \"overrides\": "
          + Json.MAPPER.writeValueAsString(new java.util.TreeMap<>(r.overrides()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
      throw new IllegalStateException(x);
    }
    return StoreSink.spec(file, r.text(), priors, r.seed(), r.draws(), version, extra);
  }

  private Job submit(Job job) {
    job.future = runner.submit(() -> run(job));
    jobs.put(job.id, job);
    forgetOld();
    return job;
  }

  /**
   * Takes up the sweeps of the web lab that a server left unfinished in the store (killed, or
   * stopped): each one whose scenario, levers and model are still what they were is queued again
   * under its id and resumes from its kept draws. The jobs taken up.
   */
  synchronized List<String> resumeInterrupted(Library library, java.util.function.BiFunction<Library.Entry,
      Map<String, Double>, String> text) {
    if (storeFile == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    RunStore s = openStore();
    try {
      for (RunStore.Job j : s.jobs()) {
        JsonNode settings = settings(j);
        if (!j.kind().equals("sweep") || !j.status().equals("interrupted") || settings == null
            || !settings.has("lab")) {
          continue;
        }
        try {
          Map<String, Double> overrides = new LinkedHashMap<>();
          settings.path("overrides").fields().forEachRemaining(f -> overrides.put(f.getKey(), f.getValue().asDouble()));
          Library.Entry entry = library.get(settings.get("lab").asText());
          Request r = new Request(entry, overrides, text.apply(entry, overrides), j.planned(), j.seed(),
              settings.get("periods").asInt() - 1);
          ScenarioFile file = ScenarioFile.read(entry.file(), r.text(), r.quarters() + 1);
          if (s.reopen(j.id(), spec(r, file))) {
            submit(new Job("s" + j.id(), r, experiment(file, r.seed()), j.id()));
            out.add("s" + j.id());
          } else {
            LOG.warn("sweep job {} of the store is not resumed: its scenario, levers or model changed", j.id());
          }
        } catch (RuntimeException e) {
          LOG.warn("sweep job {} of the store is not resumed: {}", j.id(), e.getMessage());
        }
      }
    } finally {
      closeStore();
    }
    return out;
  }

  private static JsonNode settings(RunStore.Job j) {
    try {
      return j.settings() == null ? null : Json.MAPPER.readTree(j.settings());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return null;
    }
  }

  private void run(Job job) {
    if (!job.status.compareAndSet("waiting", "running")) {
      return;   // cancelled while it waited
    }
    job.started = System.nanoTime();
    Fans fans = new Fans(job.experiment);
    RunStore s = null;
    String ending = "failed";
    try {
      accord.explore.ResultSink sink = fans;
      long first = 0;
      if (job.stored != null) {
        s = openStore();
        // reopened if the store was closed since the job was made (open marks its running jobs interrupted)
        s.reopen(job.stored, spec(job.request, ScenarioFile.read(job.request.entry().file(), job.request.text(),
            job.request.quarters() + 1)));
        StoreSink.Kept kept = StoreSink.Kept.resume(s, job.stored, job.experiment, fans);
        first = kept.next();
        sink = kept.sink();
      }
      long from = first;
      long failedBefore = fans.failures().size();
      job.resumed = from;
      job.done.set(from);
      job.failed.set(failedBefore);
      LocalEngine.run(i -> job.experiment.draw(from + i), job.request.draws() - from, threads, sink, (done, failed) -> {
        job.done.set(from + done);
        job.failed.set(failedBefore + failed);
      });
      job.fans = fans;
      job.status.set("done");
      ending = "done";
    } catch (InterruptedException stopped) {
      // a server that stops leaves its sweep to the next one; a cancelled sweep is over
      ending = closing ? "interrupted" : "cancelled";
      job.status.set(ending);
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      job.problem = e instanceof ModelException m ? m.render() : String.valueOf(e.getMessage());
      job.status.set("failed");
    } finally {
      job.nanos = System.nanoTime() - job.started;
      if (s != null) {
        try {
          s.finish(job.stored, ending);
        } finally {
          closeStore();
        }
      }
    }
  }

  /** The store, opened for one more user: E680/E681 (503) if it cannot be opened (another accord process has it). */
  private synchronized RunStore openStore() {
    if (store == null) {
      try {
        store = RunStore.open(storeFile);
      } catch (ModelException e) {
        throw new ApiError(503, e.diagnostics());
      }
    }
    storeUsers++;
    return store;
  }

  /** One user less; the last closes the store, so that other processes may open it. */
  private synchronized void closeStore() {
    if (--storeUsers == 0) {
      store.close();
      store = null;
    }
  }

  /** A job by its id; E708 (404) if the server has none. */
  synchronized Job get(String id) {
    Job j = jobs.get(id);
    if (j == null) {
      throw new ApiError(404, "E708", "no sweep '" + id + "'", "sweeps are kept while the server runs, the latest "
          + KEPT + "; start one with POST /api/sweeps");
    }
    return j;
  }

  /** Cancels a job: a waiting one never starts, a running one stops between draws. */
  synchronized Job cancel(String id) {
    Job j = get(id);
    if (j.status.compareAndSet("waiting", "cancelled")) {
      j.future.cancel(false);
      if (j.stored != null) {
        RunStore s = openStore();
        try {
          s.finish(j.stored, "cancelled");
        } finally {
          closeStore();
        }
      }
    } else if (j.status.get().equals("running")) {
      j.future.cancel(true);
    }
    return j;
  }

  /** What a client sees of a job: its state and progress, and the fans of {@code region} once done. */
  static Map<String, Object> view(Job j, String region) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", j.id);
    out.put("scenario", j.request.entry().name());
    out.put("overrides", j.request.overrides());
    out.put("status", j.status.get());
    out.put("draws", j.request.draws());
    out.put("seed", j.request.seed());
    out.put("done", j.done.get());
    out.put("failed", j.failed.get());
    out.put("resumed", j.resumed);
    out.put("stored", j.stored);
    out.put("seconds", j.started == 0 ? 0 : Math.round((j.nanos > 0 ? j.nanos : System.nanoTime() - j.started) / 1e7)
        / 100.0);
    if (j.problem != null) {
      out.put("problem", j.problem);
    }
    Fans f = j.fans;
    if (f != null) {
      out.put("quarters", quarters(f.experiment()));
      out.put("region", region);
      out.put("fans", fans(f, region));
    }
    return out;
  }

  private static List<String> quarters(Experiment e) {
    List<String> out = new ArrayList<>();
    for (int p = 2; p <= e.periods(); p++) {
      out.add(e.model().periodLabel(p));
    }
    return out;
  }

  /** The fan of each headline output of the charts in {@code region}: its percentiles in every quarter. */
  private static List<Object> fans(Fans f, String region) {
    Experiment e = f.experiment();
    List<Object> out = new ArrayList<>();
    for (String name : UncertaintyCharts.FAN_OUTPUTS) {
      int o = f.output(name, region);
      double[][] bands = new double[Fans.LEVELS.length][e.quarters()];
      for (int p = 2; p <= e.periods(); p++) {
        double[] q = f.fan(o, p);
        for (int k = 0; k < q.length; k++) {
          bands[k][p - 2] = q[k];
        }
      }
      Map<String, Object> fan = new LinkedHashMap<>();
      fan.put("output", name);
      fan.put("unit", e.outputs().get(o).unit());
      String[] keys = {"p5", "p25", "p50", "p75", "p95"};
      for (int k = 0; k < keys.length; k++) {
        fan.put(keys[k], Json.finite(bands[k]));
      }
      out.add(fan);
    }
    return out;
  }

  private void forgetOld() {
    while (jobs.size() > KEPT) {
      String oldest = jobs.values().stream().filter(j -> !j.status.get().equals("running")
          && !j.status.get().equals("waiting")).map(j -> j.id).findFirst().orElse(null);
      if (oldest == null) {
        return;
      }
      jobs.remove(oldest);
    }
  }

  @Override
  public void close() {
    closing = true;
    runner.shutdownNow();
    try {
      // the running sweep commits its draws and marks its job before the store closes
      runner.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
