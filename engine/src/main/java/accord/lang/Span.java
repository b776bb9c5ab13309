package accord.lang;

/** A place in a source file: 1-based line and column, and the length of the marked text. */
public record Span(SourceFile file, int line, int col, int length) {

  public static final Span NONE = new Span(new SourceFile("<none>", ""), 0, 0, 0);

  /** The span from the start of this one to the end of {@code other} (on this line). */
  public Span to(Span other) {
    if (other.line != line || other.file != file) {
      return this;
    }
    return new Span(file, line, col, Math.max(length, other.col + other.length - col));
  }

  public String where() {
    return file.name() + ":" + line + ":" + col;
  }
}
