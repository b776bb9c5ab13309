package accord.web;

import accord.compare.Table;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  /** A table of accord.compare as JSON: its title, header and rows of text. */
  static Map<String, Object> table(Table t) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("title", t.title());
    out.put("header", t.header());
    out.put("rows", t.rows());
    return out;
  }
}
