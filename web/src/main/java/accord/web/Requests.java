package accord.web;

import accord.model.Model;
import accord.sim.Results;
import io.javalin.http.Context;
import java.util.List;

/** What several handlers read from a request the same way: the run it names, a region, a quarter. */
final class Requests {

  private Requests() {
  }

  /** E411: {@code what} needs the world model's outputs, which this run's model lacks. */
  static ApiError notWorld(Lab.Run run, String what) {
    return new ApiError(400, "E411", what + " reads the world model's outputs; scenario " + run.entry().name()
        + " runs model " + run.results().model().name() + ", which lacks them",
        "choose a scenario of models/world/scenarios, or fetch this run's series and CSV");
  }

  /** The world run a request names, its query parameters checked; E411 for a run of another model. */
  static Lab.Run worldRun(Lab lab, Context ctx, String request, String what, String... parameters) {
    Query.allow(ctx, request, parameters);
    Lab.Run run = lab.get(ctx.pathParam("id"));
    if (!run.world()) {
      throw notWorld(run, what);
    }
    return run;
  }

  /** The region of {@code ?region=} (USA when absent); E412 for one the model lacks. */
  static String region(Context ctx, Model m) {
    String region = ctx.queryParam("region") == null ? "USA" : ctx.queryParam("region");
    List<String> regions = m.sets().get("Region").elements();
    if (!regions.contains(region)) {
      throw new ApiError(400, "E412", "region '" + region + "' is not a region of the world model",
          "the regions are: " + String.join(", ", regions));
    }
    return region;
  }

  /** The period of {@code ?quarter=}, {@code otherwise} when absent; E412 for one outside the run. */
  static int quarter(Context ctx, Results r, int otherwise) {
    String q = ctx.queryParam("quarter");
    if (q == null) {
      return otherwise;
    }
    int p = r.model().periodOf(q);
    if (p < 2 || p > r.periods()) {
      throw new ApiError(400, "E412", "quarter '" + q + "' is not a quarter of this run",
          "the run's quarters are " + r.model().periodLabel(2) + " to " + r.model().periodLabel(r.periods()));
    }
    return p;
  }
}
