package accord.lang;

/**
 * One problem found in a model, a scenario, a run or an option: a code from the catalogue
 * ({@link Codes}, which gives its severity), the place, what is wrong, notes with the details and
 * how to fix it. Stages collect diagnostics as data; {@link #render()} is the one formatter of
 * every problem Accord reports.
 */
public record Diagnostic(String code, Span span, String message, String hint, java.util.List<String> notes) {

  /** Source lines longer than this are shown cut to this many characters around the place. */
  static final int WIDE = 400;

  public Diagnostic {
    hint = hint == null ? "" : hint;
    notes = java.util.List.copyOf(notes);
  }

  public Diagnostic(String code, Span span, String message, String hint) {
    this(code, span, message, hint, java.util.List.of());
  }

  /** A problem at a place (Span.NONE where there is none); its severity is the catalogue's. */
  public static Diagnostic error(String code, Span span, String message) {
    return new Diagnostic(code, span, message, "");
  }

  /** The same as {@link #error}, for codes the catalogue lists as warnings: it reads better. */
  public static Diagnostic warning(String code, Span span, String message) {
    return new Diagnostic(code, span, message, "");
  }

  public Diagnostic withHint(String h) {
    return new Diagnostic(code, span, message, h, notes);
  }

  /** A detail line, printed as {@code = note: ...} before the hint. */
  public Diagnostic withNote(String note) {
    java.util.List<String> more = new java.util.ArrayList<>(notes);
    more.add(note);
    return new Diagnostic(code, span, message, hint, more);
  }

  public Codes.Severity severity() {
    return Codes.severity(code);
  }

  /** {@code file:line:col: error[E104]: message}, the source line, a caret, the notes and the hint. */
  public String render() {
    StringBuilder out = new StringBuilder();
    if (span.line() > 0) {
      out.append(span.where()).append(": ");
    } else if (!span.file().name().equals("<none>")) {
      out.append(span.file().name()).append(": ");
    }
    out.append(severity().name().toLowerCase(java.util.Locale.ROOT)).append('[').append(code).append("]: ")
        .append(message).append('\n');
    // no excerpt of a file that could not be read as text
    if (span.line() > 0 && !span.file().text().isEmpty()) {
      String text = span.file().line(span.line());
      int col = span.col();
      if (text.length() > WIDE) {
        // a generated line can be megabytes long: show the part around the place
        int from = Math.max(0, Math.min(col - 1 - WIDE / 2, text.length() - WIDE));
        String cut = text.substring(from, Math.min(text.length(), from + WIDE));
        text = (from > 0 ? "..." : "") + cut + (from + WIDE < text.length() ? "..." : "");
        col = col - from + (from > 0 ? 3 : 0);
      }
      String gutter = String.valueOf(span.line());
      out.append("  ").append(gutter).append(" | ").append(text).append('\n');
      out.append("  ").append(" ".repeat(gutter.length())).append(" | ");
      out.append(" ".repeat(Math.max(0, col - 1)));
      out.append("^".repeat(Math.max(1, Math.min(span.length(), text.length() - col + 1))));
      out.append('\n');
    }
    for (String note : notes) {
      out.append("  = note: ").append(note).append('\n');
    }
    if (!hint.isEmpty()) {
      out.append("  = help: ").append(hint).append('\n');
    }
    return out.toString();
  }
}
