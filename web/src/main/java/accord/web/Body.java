package accord.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's JSON body, read strictly: an object whose fields are all known, each of the type it
 * must have. Every refusal names the field, the problem and the valid options, as the command
 * line does for a scenario file.
 */
final class Body {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final String what;
  private final ObjectNode node;

  private Body(String what, ObjectNode node) {
    this.what = what;
    this.node = node;
  }

  /** The body of {@code ctx} as a {@code what} (a run request) with only the fields {@code allowed}. */
  static Body read(Context ctx, String what, List<String> allowed) {
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
    if (!type.startsWith("application/json")) {
      throw new ApiError(415, "E714", "a " + what + " is JSON: Content-Type must be application/json, not '"
          + ctx.contentType() + "'", "send the header Content-Type: application/json");
    }
    JsonNode n;
    try {
      n = JSON.readTree(ctx.bodyAsBytes());
    } catch (java.io.IOException e) {
      throw new ApiError(400, "E701", "the body of a " + what + " is not JSON: " + firstLine(e.getMessage()),
          "send one JSON object, such as {\"scenario\": \"tariffs-2025\"}");
    }
    if (n == null || !n.isObject()) {
      throw new ApiError(400, "E703", "the body of a " + what + " must be a JSON object, not "
          + (n == null ? "empty" : n.getNodeType().name().toLowerCase(java.util.Locale.ROOT)),
          "send one JSON object, such as {\"scenario\": \"tariffs-2025\"}");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        refuseUnknown(what, f, allowed);
      }
    }
    return new Body(what, (ObjectNode) n);
  }

  /** E702 for a field (or query parameter) the request does not take. */
  static void refuseUnknown(String what, String field, List<String> allowed) {
    String near = accord.model.Names.didYouMean(field, allowed);
    throw new ApiError(400, "E702", "unknown field '" + field + "' in a " + what, (near.isEmpty() ? "" : near + "; ")
        + "the fields are: " + String.join(", ", allowed));
  }

  private static String firstLine(String s) {
    String line = s == null ? "" : s.lines().findFirst().orElse("");
    // Jackson adds where in the source it was: the position is enough
    return line.replaceAll(" \\(for Object starting at.*", "");
  }

  /** A text field that must be given. */
  String text(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new ApiError(400, "E703", "a " + what + " needs '" + field + "'", "add \"" + field + "\": \"...\"");
    }
    if (!v.isTextual()) {
      throw wrongType(field, "text", v);
    }
    return v.textValue();
  }

  /** A text field that may be left out: null then. */
  String optionalText(String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : text(field);
  }

  /** A whole number, or null when absent. */
  Integer integer(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw wrongType(field, "a whole number", v);
    }
    return v.intValue();
  }

  /** A map of names to numbers, empty when absent. */
  Map<String, Double> numbers(String field) {
    JsonNode v = node.get(field);
    Map<String, Double> out = new LinkedHashMap<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isObject()) {
      throw wrongType(field, "an object of lever names and numbers", v);
    }
    v.fields().forEachRemaining(e -> {
      if (!e.getValue().isNumber()) {
        throw new ApiError(400, "E705", field + ": '" + e.getKey() + "' must be a finite number, not "
            + e.getValue().toString(), "give a number such as 0.25");
      }
      out.put(e.getKey(), e.getValue().doubleValue());
    });
    return out;
  }

  private ApiError wrongType(String field, String expected, JsonNode v) {
    return new ApiError(400, "E703", "'" + field + "' in a " + what + " must be " + expected + ", not "
        + abbreviate(v.toString()), "for example " + example(field, expected));
  }

  private static String example(String field, String expected) {
    return switch (field) {
      case "draws" -> "\"draws\": 40";
      case "seed" -> "\"seed\": 1";
      case "periods" -> "\"periods\": 17";
      case "overrides" -> "\"overrides\": {\"tariff[1].rate\": 0.3}";
      case "output" -> "\"output\": \"TB[USA]\"";
      case "at" -> "\"at\": \"2027Q4\"";
      default -> "\"" + field + "\": " + (expected.contains("number") ? "12" : "\"tariffs-2025\"");
    };
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
