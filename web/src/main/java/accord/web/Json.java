package accord.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** JSON out: one mapper; numbers that are not finite become null (JSON has no NaN). */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {
  }

  static void write(Context ctx, Object body) {
    try {
      ctx.contentType("application/json; charset=utf-8");
      ctx.result(MAPPER.writeValueAsBytes(body));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  static List<Double> finite(double[] vs) {
    List<Double> out = new ArrayList<>(vs.length);
    for (double v : vs) {
      out.add(finite(v));
    }
    return out;
  }
}
