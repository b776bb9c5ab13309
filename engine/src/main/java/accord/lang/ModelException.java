package accord.lang;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A user error in a model or scenario: one or more diagnostics, all found in one pass. */
public class ModelException extends RuntimeException {

  private final List<Diagnostic> diagnostics;

  /**
   * The diagnostics, each reported once: an error inside an indexed equation, a sum, a filter or
   * a map is found once per element of the expansion, with the same code, place and message (the
   * first one's hint is kept).
   */
  public ModelException(List<Diagnostic> diagnostics) {
    super(diagnostics.isEmpty() ? "error" : diagnostics.get(0).message());
    this.diagnostics = distinct(diagnostics);
  }

  public ModelException(Diagnostic d) {
    this(List.of(d));
  }

  private static List<Diagnostic> distinct(List<Diagnostic> diagnostics) {
    Map<List<Object>, Diagnostic> seen = new LinkedHashMap<>();
    for (Diagnostic d : diagnostics) {
      seen.putIfAbsent(List.of(d.code(), d.span(), d.message()), d);
    }
    return List.copyOf(seen.values());
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** All diagnostics, rendered, followed by a count. */
  public String render() {
    String all = diagnostics.stream().map(Diagnostic::render).collect(Collectors.joining("\n"));
    int n = diagnostics.size();
    return all + (n > 1 ? "\n" + n + " errors\n" : "");
  }
}
