package accord.web;

import accord.lang.Diagnostic;
import accord.lang.Span;
import java.util.List;

/**
 * A request the server refuses: its HTTP status and the diagnostics that say why, the same data
 * the command line prints (code, message, hint).
 */
final class ApiError extends RuntimeException {

  private final int status;
  private final List<Diagnostic> diagnostics;

  ApiError(int status, List<Diagnostic> diagnostics) {
    super(diagnostics.get(0).message(), null, false, false);
    this.status = status;
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** One problem that has no place in a file: a field of the request, a path, a header. */
  ApiError(int status, String code, String message, String hint) {
    this(status, List.of(Diagnostic.error(code, Span.NONE, message).withHint(hint)));
  }

  int status() {
    return status;
  }

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
