package accord.store;

import accord.explore.DrawResult;
import accord.explore.Experiment;
import accord.explore.Output;
import accord.explore.ResultSink;
import accord.scenario.ScenarioFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A sweep's draws into the run store, one row each, and back: the store is a {@link ResultSink}
 * like the fans, so it receives the draws in draw order and keeps a prefix of them; a resumed
 * sweep replays that prefix into its fans, then runs the draws after it.
 */
public final class StoreSink implements ResultSink {

  private final RunStore store;
  private final long job;
  private final Experiment experiment;

  public StoreSink(RunStore store, long job, Experiment experiment) {
    this.store = store;
    this.job = job;
    this.experiment = experiment;
  }

  /** What each element of a draw's differences is: every output in every measured quarter. */
  public static List<RunStore.Column> columns(Experiment e) {
    List<RunStore.Column> out = new ArrayList<>();
    for (Output o : e.outputs()) {
      String name = o.region().isEmpty() ? o.name() : o.name() + " [" + o.region() + "]";
      for (int p = 2; p <= e.periods(); p++) {
        out.add(new RunStore.Column(name, e.model().periodLabel(p)));
      }
    }
    return out;
  }

  /**
   * What identifies a sweep in the store: the scenario's text as run ({@code text}), the model's
   * digest, the seed, and in its settings the draws, periods and priors file (with its digest),
   * then {@code extra} settings (JSON members, or empty). A sweep asked for again with the same
   * spec is the same sweep: {@link RunStore#resumable} finds it.
   */
  public static RunStore.JobSpec spec(ScenarioFile file, String text, Path priors, long seed, long draws,
      String version, String extra) {
    String digest;
    try {
      digest = java.util.HexFormat.of().formatHex(accord.lang.TextFile.sha256(Files.readAllBytes(priors)));
    } catch (IOException e) {
      digest = "unreadable";
    }
    String settings = String.format(Locale.ROOT, "{\"draws\": %d, \"periods\": %d, \"priors\": \"%s\", "
        + "\"priors_sha256\": \"%s\"%s}", draws, file.periods(), priors.toString().replace("\\", "/")
        .replace("\"", "'"), digest, extra.isEmpty() ? "" : ", " + extra);
    return new RunStore.JobSpec("sweep", file.name(), text, accord.cache.ModelCache.digest(file.model()), seed, version,
        settings, Math.toIntExact(Math.min(draws, Integer.MAX_VALUE)));
  }

  /**
   * A sweep's draws kept in a job of the store: the job, the draw to run next, and the sink that
   * hands each draw to the sweep's own sink (its fans) and to the store.
   */
  public record Kept(long job, long next, ResultSink sink) {

    /** Starts the job of {@code spec} for a sweep of {@code e} into {@code fans}. */
    public static Kept start(RunStore store, RunStore.JobSpec spec, Experiment e, ResultSink fans) {
      long job = StoreSink.start(store, spec, e);
      return new Kept(job, 0, ResultSink.all(fans, new StoreSink(store, job, e)));
    }

    /** Resumes {@code job}: its finished draws replayed into {@code fans}; the rest go on from the next. */
    public static Kept resume(RunStore store, long job, Experiment e, ResultSink fans) {
      long next = replay(store, job, e, fans);
      return new Kept(job, next, ResultSink.all(fans, new StoreSink(store, job, e)));
    }
  }

  /** Starts the job of a sweep of {@code e} in {@code store}. */
  public static long start(RunStore store, RunStore.JobSpec spec, Experiment e) {
    return store.start(spec, e.priors().names(), columns(e));
  }

  @Override
  public void accept(DrawResult r) {
    String branch = experiment.branches().size() < 2 ? null : experiment.branches().get(r.branch());
    store.add(new RunStore.Draw(job, r.index(), !r.failed(), branch, r.parameters(),
        r.failed() ? new double[0] : r.differences(), r.failure()));
  }

  /**
   * Feeds the job's finished draws, in draw order, to {@code sink} as the results they were; the
   * number of draws replayed. They are draws 0 to n - 1: the store receives draws in order.
   */
  public static long replay(RunStore store, long job, Experiment e, ResultSink sink) {
    long[] n = {0};
    store.forEachDraw(job, d -> {
      if (d.draw() != n[0]) {
        throw new IllegalStateException("the store's draws of job " + job + " are not 0 to n - 1: draw " + d.draw()
            + " after " + n[0] + " draws");
      }
      int branch = d.branch() == null ? 0 : e.branches().indexOf(d.branch());
      sink.accept(new DrawResult(d.draw(), d.parameters(), Math.max(branch, 0), d.ok() ? d.values() : null,
          d.ok() ? null : d.diagnostics()));
      n[0]++;
    });
    return n[0];
  }
}
