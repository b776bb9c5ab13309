package accord.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * The handlers of the uncertainty views: Monte Carlo sweeps, as jobs, and channel decompositions
 * of a library scenario, its levers moved as a run's overrides move them.
 */
final class UncertaintyApi {

  private final Lab lab;

  UncertaintyApi(Lab lab) {
    this.lab = lab;
  }

  static final List<String> SWEEP_FIELDS = List.of("scenario", "overrides", "draws", "seed", "quarters");

  /**
   * Starts a Monte Carlo sweep of a library scenario, with its levers moved as a run's overrides
   * move them, as a job: 202 with its id; GET it for progress and fans.
   */
  void startSweep(Context ctx) {
    Body b = Body.read(ctx, "sweep request", SWEEP_FIELDS);
    Library.Entry e = lab.library().get(b.text("scenario"));
    Map<String, Double> overrides = b.numbers("overrides");
    Integer draws = b.integer("draws");
    Integer seed = b.integer("seed");
    Integer quarters = b.integer("quarters");
    Sweeps.Job job = lab.sweeps().start(new Sweeps.Request(e, Map.copyOf(overrides), lab.text(e, overrides),
        draws == null ? 200 : draws, seed == null ? 1 : seed, quarters == null ? 24 : quarters));
    ctx.status(202);
    Json.write(ctx, Sweeps.view(job, "USA"));
  }

  /** A sweep's state and progress; its fans for ?region= (default USA) once done. */
  void sweep(Context ctx) {
    Sweeps.Job job = lab.sweeps().get(ctx.pathParam("id"));
    Json.write(ctx, Sweeps.view(job, Requests.region(ctx, job.experiment.model())));
  }

  /** Cancels a sweep: waiting, it never starts; running, it stops between draws. */
  void cancelSweep(Context ctx) {
    Json.write(ctx, Sweeps.view(lab.sweeps().cancel(ctx.pathParam("id")), "USA"));
  }

  static final List<String> EXPLAIN_FIELDS = List.of("scenario", "overrides", "output", "at");

  /**
   * A library scenario's effect (its levers moved as a run's overrides move them) on an output in a
   * quarter, split into the model's channels, as {@code accord explain} splits it.
   */
  void explain(Context ctx) {
    Body b = Body.read(ctx, "channel decomposition request", EXPLAIN_FIELDS);
    Library.Entry e = lab.library().get(b.text("scenario"));
    Map<String, Double> overrides = b.numbers("overrides");
    String output = b.optionalText("output");
    Json.write(ctx, lab.explanations().explain(e, overrides, lab.text(e, overrides), output == null ? "TB[USA]"
        : output, b.optionalText("at")));
  }
}
