package accord.web;

import io.javalin.http.Context;
import java.util.List;

/** Query parameters, refused when unknown (E702) or given twice, as a body's unknown fields are. */
final class Query {

  private Query() {
  }

  static void allow(Context ctx, String what, String... allowed) {
    List<String> known = List.of(allowed);
    ctx.queryParamMap().forEach((k, v) -> {
      if (!known.contains(k)) {
        String near = accord.model.Names.didYouMean(k, known);
        throw new ApiError(400, "E702", "unknown query parameter '" + k + "' in " + what, known.isEmpty()
            ? what + " takes no query parameters" : (near.isEmpty() ? "" : near + "; ") + "the parameters are: "
            + String.join(", ", known));
      }
      if (v.size() > 1) {
        throw new ApiError(400, "E702", "query parameter '" + k + "' is given " + v.size() + " times", "give it once");
      }
    });
  }
}
