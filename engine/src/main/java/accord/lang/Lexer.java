package accord.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits model text into tokens. Newlines end statements, except inside brackets, after an
 * operator or comma, and before a line that starts with a binary operator (a continued sum).
 */
public final class Lexer {

  private static final Set<String> TWO_CHAR = Set.of("==", "!=", "<=", ">=");
  private static final String ONE_CHAR = "+-*/^()[]{},:=<>.";
  private static final Set<String> CONTINUES_AFTER =
      Set.of("+", "-", "*", "/", "^", ",", "=", "(", "[", "{", "==", "!=", "<", "<=", ">", ">=",
          "and", "or", "not", "then", "else");
  private static final Set<String> CONTINUES_BEFORE = Set.of("+", "-", "*", "/", "^");

  private final SourceFile file;
  private final String src;
  private final List<Diagnostic> errors;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;
  private int line = 1;
  private int lineStart;
  private int depth;

  private Lexer(SourceFile file, List<Diagnostic> errors) {
    this.file = file;
    this.src = file.text();
    this.errors = errors;
  }

  /** Tokens of {@code file}, ending with EOF; lexical errors are added to {@code errors}. */
  public static List<Token> tokenize(SourceFile file, List<Diagnostic> errors) {
    Lexer lexer = new Lexer(file, errors);
    lexer.run();
    return lexer.joinContinuedLines();
  }

  private void run() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '\n') {
        if (depth == 0) {
          add(Token.Kind.NEWLINE, "\n", pos, 1);
        }
        pos++;
        line++;
        lineStart = pos;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
      } else if (c == '#') {
        while (pos < src.length() && src.charAt(pos) != '\n') {
          pos++;
        }
      } else if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length()
          && Character.isDigit(src.charAt(pos + 1)))) {
        number();
      } else if (Character.isLetter(c) || c == '_') {
        int start = pos;
        while (pos < src.length()
            && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
          pos++;
        }
        add(Token.Kind.IDENT, src.substring(start, pos), start, pos - start);
      } else if (c == '"') {
        string();
      } else {
        operator(c);
      }
    }
    add(Token.Kind.NEWLINE, "\n", pos, 1);
    add(Token.Kind.EOF, "", pos, 1);
  }

  private void number() {
    int start = pos;
    while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
      pos++;
    }
    if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
      int save = pos;
      pos++;
      if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
        pos++;
      }
      if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
          pos++;
        }
      } else {
        pos = save;
      }
    }
    String text = src.substring(start, pos);
    try {
      if (Double.isInfinite(Double.parseDouble(text))) {
        errors.add(Diagnostic.error("E004", span(start, pos - start), "the number " + text + " is too large: "
            + "numbers are doubles, at most about 1.8e308").withHint("a value this large is a typo or a unit "
            + "mistake: write the number in the model's units"));
      }
    } catch (NumberFormatException e) {
      errors.add(Diagnostic.error("E001", span(start, pos - start), "malformed number '" + text + "'"));
    }
    add(Token.Kind.NUMBER, text, start, pos - start);
  }

  private void string() {
    int start = pos;
    pos++;
    while (pos < src.length() && src.charAt(pos) != '"' && src.charAt(pos) != '\n') {
      pos++;
    }
    if (pos >= src.length() || src.charAt(pos) != '"') {
      errors.add(Diagnostic.error("E002", span(start, 1), "unterminated string")
          .withHint("close the string with \" on the same line"));
      add(Token.Kind.STRING, src.substring(start + 1, pos), start, pos - start);
      return;
    }
    pos++;
    add(Token.Kind.STRING, src.substring(start + 1, pos - 1), start, pos - start);
  }

  private void operator(char c) {
    int start = pos;
    if (pos + 1 < src.length() && TWO_CHAR.contains(src.substring(pos, pos + 2))) {
      add(Token.Kind.OP, src.substring(pos, pos + 2), start, 2);
      pos += 2;
      return;
    }
    if (ONE_CHAR.indexOf(c) < 0) {
      errors.add(Diagnostic.error("E003", span(start, 1), "unexpected character " + shown(c)));
      pos++;
      return;
    }
    if (c == '(' || c == '[' || c == '{') {
      depth++;
    } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
      depth--;
    }
    add(Token.Kind.OP, String.valueOf(c), start, 1);
    pos++;
  }

  private void add(Token.Kind kind, String text, int start, int length) {
    tokens.add(new Token(kind, text, span(start, length)));
  }

  private Span span(int start, int length) {
    return new Span(file, line, start - lineStart + 1, length);
  }

  /** Drops newlines that continue a statement and collapses runs of newlines. */
  private List<Token> joinContinuedLines() {
    List<Token> out = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() == Token.Kind.NEWLINE) {
        Token prev = out.isEmpty() ? null : out.get(out.size() - 1);
        Token next = nextNonNewline(i);
        boolean redundant = prev == null || prev.kind() == Token.Kind.NEWLINE;
        boolean continued = prev != null && prev.kind() != Token.Kind.STRING
            && CONTINUES_AFTER.contains(prev.text())
            || next.kind() == Token.Kind.OP && CONTINUES_BEFORE.contains(next.text());
        if (redundant || continued) {
          continue;
        }
      }
      out.add(t);
    }
    return out;
  }

  private Token nextNonNewline(int i) {
    for (int j = i + 1; j < tokens.size(); j++) {
      if (tokens.get(j).kind() != Token.Kind.NEWLINE) {
        return tokens.get(j);
      }
    }
    return tokens.get(tokens.size() - 1);
  }

  /** A character as the user can read it: quoted if it prints, its code point (U+2028) if not. */
  private static String shown(char c) {
    boolean prints = !Character.isISOControl(c) && !Character.isWhitespace(c) && Character.getType(c) != Character.FORMAT
        && !Character.isSurrogate(c) && Character.isDefined(c);
    return prints ? "'" + c + "'" : String.format("U+%04X", (int) c);
  }
}
