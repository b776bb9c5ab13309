package accord.lang;

/**
 * One problem found in a model or scenario: a stable code, the place, what is wrong and how to
 * fix it. Stages collect diagnostics as data; {@link #render()} is the one formatter.
 */
public record Diagnostic(String code, Span span, String message, String hint) {

  public Diagnostic {
    hint = hint == null ? "" : hint;
  }

  public static Diagnostic error(String code, Span span, String message) {
    return new Diagnostic(code, span, message, "");
  }

  public Diagnostic withHint(String h) {
    return new Diagnostic(code, span, message, h);
  }

  /** {@code file:line:col: error[E104]: message}, the source line, a caret and the hint. */
  public String render() {
    StringBuilder out = new StringBuilder();
    if (span.line() > 0) {
      out.append(span.where()).append(": ");
    } else if (!span.file().name().equals("<none>")) {
      out.append(span.file().name()).append(": ");
    }
    out.append("error[").append(code).append("]: ").append(message).append('\n');
    if (span.line() > 0) {
      String text = span.file().line(span.line());
      String gutter = String.valueOf(span.line());
      out.append("  ").append(gutter).append(" | ").append(text).append('\n');
      out.append("  ").append(" ".repeat(gutter.length())).append(" | ");
      out.append(" ".repeat(Math.max(0, span.col() - 1)));
      out.append("^".repeat(Math.max(1, Math.min(span.length(), text.length() - span.col() + 1))));
      out.append('\n');
    }
    if (!hint.isEmpty()) {
      out.append("  = help: ").append(hint).append('\n');
    }
    return out.toString();
  }
}
