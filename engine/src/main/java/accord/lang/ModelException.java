package accord.lang;

import java.util.List;
import java.util.stream.Collectors;

/** A user error in a model or scenario: one or more diagnostics, all found in one pass. */
public class ModelException extends RuntimeException {

  private final List<Diagnostic> diagnostics;

  public ModelException(List<Diagnostic> diagnostics) {
    super(diagnostics.isEmpty() ? "error" : diagnostics.get(0).message());
    this.diagnostics = List.copyOf(diagnostics);
  }

  public ModelException(Diagnostic d) {
    this(List.of(d));
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
