package accord.web;

import accord.charts.UncertaintyCharts;
import accord.explore.Experiment;
import accord.explore.Fans;
import accord.explore.LocalEngine;
import accord.explore.Output;
import accord.explore.Priors;
import accord.scenario.ScenarioFile;
import accord.solve.SolverSettings;
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
 */
final class Sweeps implements AutoCloseable {

  /** Draws a job may ask for: a server answers many; accord sweep on the command line has no limit. */
  static final int MAX_DRAWS = 2000;
  /** Jobs kept (running, waiting or finished); the oldest finished go first. */
  static final int KEPT = 16;

  private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "accord-sweeps");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, Job> jobs = new LinkedHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final int threads;

  Sweeps(int threads) {
    this.threads = threads;
  }

  /** A sweep job: its request, its state and, once done, its fans. */
  static final class Job {
    final String id;
    final String scenario;
    final long draws;
    final long seed;
    final int quarters;
    final AtomicReference<String> status = new AtomicReference<>("waiting");
    final AtomicLong done = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    volatile Fans fans;
    volatile String problem;
    volatile long started;
    volatile long nanos;
    Future<?> future;

    Job(String id, String scenario, long draws, long seed, int quarters) {
      this.id = id;
      this.scenario = scenario;
      this.draws = draws;
      this.seed = seed;
      this.quarters = quarters;
    }
  }

  /** Starts a sweep of a library scenario's file; its job. */
  synchronized Job start(Library.Entry entry, Path priors, long draws, long seed, int quarters) {
    if (draws < 1 || draws > MAX_DRAWS) {
      throw new ApiError(400, "E707", "a sweep of the web lab takes 1 to " + MAX_DRAWS + " draws, not " + draws,
          "ask for fewer, or run more with accord sweep on the command line");
    }
    if (quarters < 1 || quarters > 80) {
      throw new ApiError(400, "E707", "a sweep runs 1 to 80 quarters, not " + quarters, "ask for 24, say");
    }
    if (jobs.values().stream().filter(j -> j.status.get().equals("waiting")).count() >= 4) {
      throw new ApiError(429, "E709", "four sweeps are waiting already", "wait for one to finish, or cancel one");
    }
    Job job = new Job("s" + ids.incrementAndGet(), entry.name(), draws, seed, quarters);
    job.future = runner.submit(() -> run(job, entry.file(), priors));
    jobs.put(job.id, job);
    forgetOld();
    return job;
  }

  private void run(Job job, Path file, Path priorsFile) {
    if (!job.status.compareAndSet("waiting", "running")) {
      return;   // cancelled while it waited
    }
    job.started = System.nanoTime();
    try {
      ScenarioFile s = ScenarioFile.load(file, job.quarters + 1);
      Experiment e = Experiment.of(s, Priors.load(priorsFile, s.model()), job.seed, Output.headline(s.model()),
          SolverSettings.DEFAULT);
      Fans fans = new Fans(e);
      LocalEngine.run(e::draw, job.draws, threads, fans, (done, failed) -> {
        job.done.set(done);
        job.failed.set(failed);
      });
      job.fans = fans;
      job.status.set("done");
    } catch (InterruptedException stopped) {
      job.status.set("cancelled");
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      job.problem = e instanceof accord.lang.ModelException m ? m.render() : String.valueOf(e.getMessage());
      job.status.set("failed");
    } finally {
      job.nanos = System.nanoTime() - job.started;
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
    } else if (j.status.get().equals("running")) {
      j.future.cancel(true);
    }
    return j;
  }

  /** What a client sees of a job: its state and progress, and the fans of {@code region} once done. */
  static Map<String, Object> view(Job j, String region) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", j.id);
    out.put("scenario", j.scenario);
    out.put("status", j.status.get());
    out.put("draws", j.draws);
    out.put("seed", j.seed);
    out.put("done", j.done.get());
    out.put("failed", j.failed.get());
    out.put("seconds", j.started == 0 ? 0 : Math.round((j.nanos > 0 ? j.nanos : System.nanoTime() - j.started) / 1e7)
        / 100.0);
    if (j.problem != null) {
      out.put("problem", j.problem);
    }
    Fans f = j.fans;
    if (f != null) {
      Experiment e = f.experiment();
      List<String> quarters = new ArrayList<>();
      for (int p = 2; p <= e.periods(); p++) {
        quarters.add(e.model().periodLabel(p));
      }
      out.put("quarters", quarters);
      out.put("region", region);
      List<Object> fans = new ArrayList<>();
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
        fan.put("p5", Json.finite(bands[0]));
        fan.put("p25", Json.finite(bands[1]));
        fan.put("p50", Json.finite(bands[2]));
        fan.put("p75", Json.finite(bands[3]));
        fan.put("p95", Json.finite(bands[4]));
        fans.add(fan);
      }
      out.put("fans", fans);
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
    runner.shutdownNow();
  }
}
