package accord.lang;

/** A lexical token. {@code text} is the source text; for strings, without the quotes. */
public record Token(Kind kind, String text, Span span) {

  public enum Kind { IDENT, NUMBER, STRING, OP, NEWLINE, EOF }

  public boolean is(String s) {
    return (kind == Kind.OP || kind == Kind.IDENT) && text.equals(s);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case NEWLINE -> "end of line";
      case EOF -> "end of file";
      case STRING -> "\"" + text + "\"";
      default -> "'" + text + "'";
    };
  }
}
