package accord.events;

import accord.lang.Diagnostic;
import accord.lang.Span;
import accord.model.Names;
import accord.yaml.YamlTree;
import accord.yaml.YamlTree.Field;
import accord.yaml.YamlTree.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of one YAML map, read with their positions: every mistake becomes a diagnostic
 * naming the place, what was expected and the valid options, and reading goes on so that one
 * run reports every mistake.
 */
final class Fields {

  private final String what;
  private final Map<String, Field> map;
  private final Span span;
  private final List<Diagnostic> errors;

  Fields(String what, Node node, Set<String> allowed, List<Diagnostic> errors) {
    this.what = what;
    this.map = node.map();
    this.span = node.span();
    this.errors = errors;
    map.forEach((k, f) -> {
      if (!allowed.contains(k)) {
        String near = Names.didYouMean(k, allowed);
        errors.add(Diagnostic.error("E321", f.keySpan(), "unknown field '" + YamlTree.visible(k) + "' in " + what)
            .withHint((near.isEmpty() ? "" : near + "; ") + "the fields are: " + String.join(", ", allowed.stream()
                .sorted().toList())));
      }
    });
  }

  Span span() {
    return span;
  }

  boolean has(String key) {
    return map.containsKey(key);
  }

  Span where(String key) {
    Field f = map.get(key);
    return f == null ? span : f.value().span();
  }

  Node node(String key) {
    Field f = map.get(key);
    if (f == null) {
      missing(key);
      return null;
    }
    return f.value();
  }

  void missing(String key) {
    errors.add(Diagnostic.error("E322", span, what + " needs '" + key + "'"));
  }

  void error(String key, String message, String hint) {
    errors.add(Diagnostic.error("E323", where(key), message).withHint(hint));
  }

  /** A number in [min, max]; NaN (and an error) if absent or out of range. */
  double number(String key, double min, double max, String meaning) {
    Node n = node(key);
    if (n == null) {
      return Double.NaN;
    }
    if (!(n.value() instanceof Number x) || !Double.isFinite(x.doubleValue())) {
      errors.add(Diagnostic.error("E324", n.span(), "'" + key + "' in " + what + " must be a number")
          .withHint(meaning));
      return Double.NaN;
    }
    double v = x.doubleValue();
    if (v < min || v > max) {
      errors.add(Diagnostic.error("E325", n.span(), "'" + key + "' is " + fmt(v) + ", outside " + fmt(min) + " to "
          + fmt(max))
          .withHint(meaning));
      return Double.NaN;
    }
    return v;
  }

  double number(String key, double min, double max, String meaning, double otherwise) {
    return has(key) ? number(key, min, max, meaning) : otherwise;
  }

  /** A number within a lever field's bound ({@link LeverFields}). */
  double number(String key, LeverFields.Bound b, String meaning) {
    return number(key, b.min(), b.max(), meaning);
  }

  double number(String key, LeverFields.Bound b, String meaning, double otherwise) {
    return number(key, b.min(), b.max(), meaning, otherwise);
  }

  /** A whole number within a lever field's bound. */
  int integer(String key, LeverFields.Bound b, String meaning, int otherwise) {
    return integer(key, (int) b.min(), (int) b.max(), meaning, otherwise);
  }

  private static String fmt(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e9) {
      return String.valueOf((long) v);
    }
    // 1.798e+308, not its 309 digits
    return Math.abs(v) >= 1e9 || (v != 0 && Math.abs(v) < 1e-6) ? String.format("%.4g", v)
        : new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
  }

  int integer(String key, int min, int max, String meaning, int otherwise) {
    if (!has(key)) {
      return otherwise;
    }
    Node n = node(key);
    if (!(n.value() instanceof Integer || n.value() instanceof Long) || ((Number) n.value()).longValue() < min
        || ((Number) n.value()).longValue() > max) {
      errors.add(Diagnostic.error("E325", n.span(), "'" + key + "' must be a whole number from " + min + " to " + max)
          .withHint(meaning));
      return otherwise;
    }
    return ((Number) n.value()).intValue();
  }

  /** One of {@code options}; {@code otherwise} if absent, null (and an error) if not one of them. */
  String choice(String key, List<String> options, String otherwise) {
    if (!has(key)) {
      return otherwise;
    }
    Node n = node(key);
    if (n.value() instanceof String s && options.contains(s)) {
      return s;
    }
    String near = n.value() instanceof String s ? Names.didYouMean(s, options) : "";
    errors.add(Diagnostic.error("E326", n.span(), "'" + key + "' in " + what + " must be one of: "
        + String.join(", ", options)).withHint(near.isEmpty() ? "write " + key + ": " + options.get(0) : near));
    return null;
  }

  /**
   * Codes from {@code valid}: one code, a list of codes, or a word of {@code words} (such as
   * {@code all}) that the caller expands. Unknown codes are errors naming the valid ones.
   */
  List<String> codes(String key, List<String> valid, Map<String, List<String>> words) {
    Node n = node(key);
    if (n == null) {
      return List.of();
    }
    List<Node> items = n.isList() ? n.list() : List.of(n);
    List<String> out = new ArrayList<>();
    for (Node item : items) {
      if (item.value() instanceof String s && words.containsKey(s)) {
        out.addAll(words.get(s));
      } else if (item.value() instanceof String s && valid.contains(s)) {
        out.add(s);
      } else {
        String text = YamlTree.visible(item.value() instanceof String s ? s : String.valueOf(item.value()));
        String near = Names.didYouMean(text, valid);
        List<String> all = new ArrayList<>(valid);
        all.addAll(words.keySet());
        errors.add(Diagnostic.error("E327", item.span(), "'" + text + "' is not a valid value of '" + key + "' in " + what)
            .withHint((near.isEmpty() ? "" : near + "; ") + "valid: " + String.join(", ", all)));
      }
    }
    if (out.isEmpty() && items.isEmpty()) {
      errors.add(Diagnostic.error("E327", n.span(), "'" + key + "' in " + what + " lists nothing")
          .withHint("valid: " + String.join(", ", valid)));
    }
    return out.stream().distinct().toList();
  }

  String code(String key, List<String> valid) {
    Node n = node(key);
    if (n == null) {
      return null;
    }
    if (n.value() instanceof String s && valid.contains(s)) {
      return s;
    }
    String text = YamlTree.visible(String.valueOf(n.value()));
    String near = Names.didYouMean(text, valid);
    errors.add(Diagnostic.error("E327", n.span(), "'" + text + "' is not a valid value of '" + key + "' in " + what)
        .withHint((near.isEmpty() ? "" : near + "; ") + "valid: " + String.join(", ", valid)));
    return null;
  }
}
