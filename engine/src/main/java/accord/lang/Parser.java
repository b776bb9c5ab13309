package accord.lang;

import accord.lang.Ast.Binding;
import accord.lang.Ast.Dim;
import accord.lang.Ast.Element;
import accord.lang.Ast.Expr;
import accord.lang.Ast.Stmt;
import accord.lang.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A hand-written recursive-descent parser (one method per precedence level, as in Crafting
 * Interpreters' jlox). On an error it records a diagnostic and resumes at the next line, so one
 * run lists every syntax error of a file.
 */
public final class Parser {

  /** The built-in functions, in the order messages list them. */
  public static final List<String> FUNCTIONS = List.of("abs", "d", "exp", "log", "max", "min", "sqrt");
  static final Set<String> KEYWORDS = Set.of("model", "include", "set", "param", "exogenous",
      "var", "hidden", "check", "matrix", "closure", "calendar", "exogenize", "endogenize", "for", "in", "if", "then",
      "else", "and", "or", "not", "sum", "prod");

  private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");

  /**
   * Parentheses, unary signs, {@code not}, {@code ^}, {@code if} and calls nested deeper than this
   * are refused: the parser and every later stage recurse once per level, and real models nest
   * a few levels at most.
   */
  public static final int MAX_NESTING = 256;
  /**
   * The deepest expression tree accepted (levels of operations from the root to a leaf): every
   * stage after the parser (resolver, derivatives, compiled code, printing) walks trees
   * recursively, and this keeps them inside half of a default (1 MB) thread stack. Both limits
   * were measured: twice these still run under -Xss1m, not under -Xss512k.
   */
  public static final int MAX_HEIGHT = 500;
  /**
   * A chain of one precedence level ({@code a + b - c ...}, {@code a * b / c ...}, {@code and},
   * {@code or}) with at least this many operators becomes a balanced tree (pairwise summation),
   * so that a generated sum of 100,000 terms is a tree 17 levels deep, not 100,000; shorter
   * chains stay left-associative as written, evaluated in the order written.
   */
  public static final int BALANCE_FROM = 64;

  private final List<Token> tokens;
  private final List<Diagnostic> errors;
  private int pos;
  /** Levels of nesting around the expression being parsed. */
  private int nesting;
  /** The height of each operation node built (leaves are 1), to refuse a tree deeper than MAX_HEIGHT. */
  private final java.util.IdentityHashMap<Expr, Integer> heights = new java.util.IdentityHashMap<>();

  /** Thrown to unwind to the statement loop; the diagnostic is already recorded. */
  private static final class Unwind extends RuntimeException {
    Unwind() {
      super(null, null, false, false);
    }
  }

  private Parser(List<Token> tokens, List<Diagnostic> errors) {
    this.tokens = tokens;
    this.errors = errors;
  }

  /** Parses a whole file; syntax errors are added to {@code errors}. */
  public static List<Stmt> parse(SourceFile file, List<Diagnostic> errors) {
    return new Parser(Lexer.tokenize(file, errors), errors).statements();
  }

  /** Parses a single expression (used by scenario files and tests). */
  public static Expr parseExpression(SourceFile file, List<Diagnostic> errors) {
    Parser p = new Parser(Lexer.tokenize(file, errors), errors);
    try {
      Expr e = p.expression();
      p.skipNewlines();
      if (p.peek().kind() != Kind.EOF) {
        p.fail(p.peek(), "E010", "unexpected " + p.peek() + " after the expression", "");
      }
      return e;
    } catch (Unwind u) {
      return null;
    }
  }

  private List<Stmt> statements() {
    List<Stmt> out = new ArrayList<>();
    while (true) {
      skipNewlines();
      if (peek().kind() == Kind.EOF) {
        return out;
      }
      Token start = peek();
      try {
        out.add(statement());
        endOfStatement();
      } catch (Unwind u) {
        recover();
      } catch (StackOverflowError deep) {
        // the limits above keep a default stack from this; a small one (-Xss) still gets an error
        errors.add(tooDeep(start.span()));
        nesting = 0;
        recover();
      }
      heights.clear();
    }
  }

  private Stmt statement() {
    Token t = peek();
    if (t.kind() == Kind.IDENT) {
      switch (t.text()) {
        case "model": return modelDecl();
        case "include": return include();
        case "calendar": return calendar();
        case "set": return setDecl();
        case "param": return decl(Ast.DeclKind.PARAM);
        case "exogenous": return decl(Ast.DeclKind.EXOGENOUS);
        case "var": return decl(Ast.DeclKind.VAR);
        case "hidden": return hidden();
        case "check": return check();
        case "matrix": return matrix();
        case "closure": return closure();
        case "end":
          if (!peekAt(1).is("=") && !peekAt(1).is("[") && !peekAt(1).is("(")) {
            throw fail(t, "E013", "'end' closes nothing here",
                "'end' closes a matrix or a closure; remove it, or check the line that opens the block");
          }
          break;
        case "exogenize":
        case "endogenize": {
          Ast.Swap swap = swap();
          return new Ast.ClosureDecl(null, "", List.of(swap), swap.span());
        }
        default:
          break;
      }
    }
    return equation();
  }

  private Stmt modelDecl() {
    Token kw = advance();
    Token name = identifier("a model name after 'model'");
    return new Ast.ModelDecl(name.text(), optionalDoc(), kw.span().to(name.span()));
  }

  private Stmt include() {
    Token kw = advance();
    Token path = expect(Kind.STRING, "E011", "a file name in quotes after 'include'",
        "write include \"other.acc\"");
    return new Ast.Include(path.text(), kw.span().to(path.span()));
  }

  private Stmt calendar() {
    Token kw = advance();
    Token start = expect(Kind.STRING, "E034", "the first period in quotes after 'calendar'",
        "write calendar \"2024Q4\" (quarterly), \"2024M12\" (monthly) or \"2024\" (yearly)");
    if (!start.text().matches("\\d{4}(Q[1-4]|M(0?[1-9]|1[0-2]))?")) {
      throw fail(start, "E034", "'" + start.text() + "' is not a period",
          "write calendar \"2024Q4\" (quarterly), \"2024M12\" (monthly) or \"2024\" (yearly)");
    }
    return new Ast.CalendarDecl(start.text(), kw.span().to(start.span()));
  }

  private Stmt setDecl() {
    Token kw = advance();
    Token name = identifier("a set name after 'set'");
    expectOp("=", "'=' after the set name", "write set " + name.text() + " = {A, B}");
    expectOp("{", "'{' to open the list of elements", "write set " + name.text() + " = {A, B}");
    List<Element> elements = new ArrayList<>();
    if (!peek().is("}")) {
      do {
        Token e = identifier("an element name");
        elements.add(new Element(e.text(), e.span()));
      } while (match(","));
    }
    expectOp("}", "',' or '}' in the list of elements", "");
    String parent = null;
    if (matchWord("in")) {
      parent = identifier("the name of the parent set after 'in'").text();
    }
    return new Ast.SetDecl(name.text(), elements, parent, optionalDoc(), kw.span().to(name.span()));
  }

  private Stmt decl(Ast.DeclKind kind) {
    advance();
    Token name = identifier("a name after '" + kind.name().toLowerCase() + "'");
    List<Dim> dims = new ArrayList<>();
    if (match("[")) {
      do {
        Token first = identifier("a set name");
        if (matchWord("in")) {
          Token set = identifier("a set name after 'in'");
          dims.add(new Dim(first.text(), set.text(), first.span().to(set.span())));
        } else {
          dims.add(new Dim(null, first.text(), first.span()));
        }
      } while (match(","));
      expectOp("]", "',' or ']' after the dimensions", "");
    }
    String doc = optionalDoc();
    Ast.Value value = null;
    if (match("=")) {
      value = value();
    } else if (kind != Ast.DeclKind.VAR) {
      fail(peek(), "E012", "expected '=' and a value for " + kind.name().toLowerCase() + " '"
          + name.text() + "', found " + peek(), "write " + kind.name().toLowerCase() + " "
          + name.text() + " = 0.5");
    }
    Range range = Range.ANY;
    if (peek().is("in")) {
      range = range(kind, name);
    }
    if (doc.isEmpty()) {
      doc = optionalDoc();
    }
    return new Ast.Decl(kind, name.text(), dims, value, range, doc, name.span());
  }

  private static final String RANGE_HINT = "write in [0, 1] (bounds included), in (-1, inf] (bound excluded)"
      + " or in [0, inf] (no upper bound)";

  /** {@code in [low, high]}, either bracket round for an excluded bound; bounds are numbers or inf. */
  private Range range(Ast.DeclKind kind, Token name) {
    Token in = advance();
    if (kind == Ast.DeclKind.VAR) {
      throw fail(in, "E051", "a variable has no declared range: its values come from its equation",
          "ranges are for parameters and exogenous series; to watch a variable, write check " + name.text()
              + " >= 0 \"why it must hold\"");
    }
    Token open = peek();
    if (!open.is("[") && !open.is("(")) {
      throw fail(open, "E036", "expected '[' or '(' to open the range after 'in', found " + open, RANGE_HINT);
    }
    advance();
    double low = bound();
    expectOp(",", "',' between the two bounds of the range", RANGE_HINT);
    double high = bound();
    Token close = peek();
    if (!close.is("]") && !close.is(")")) {
      throw fail(close, "E036", "expected ']' or ')' to close the range, found " + close, RANGE_HINT);
    }
    advance();
    Range r = new Range(low, open.is("("), high, close.is(")"), in.span().to(close.span()));
    if (low > high || low == high && (r.lowOpen() || r.highOpen())) {
      throw fail(r.span(), "E036", "the range " + r + " holds no number", "the lower bound comes first: " + RANGE_HINT);
    }
    return r;
  }

  /** A bound of a range: a number, optionally signed, or inf. */
  private double bound() {
    boolean minus = match("-");
    if (!minus) {
      match("+");
    }
    Token t = peek();
    double v;
    if (t.kind() == Kind.NUMBER) {
      v = number(t);
    } else if (t.is("inf")) {
      v = Double.POSITIVE_INFINITY;
    } else {
      throw fail(t, "E036", "expected a number or inf as a bound of the range, found " + t, RANGE_HINT);
    }
    advance();
    return minus ? -v : v;
  }

  private Ast.Value value() {
    Token t = peek();
    if (t.is("{")) {
      return mapValue();
    }
    if (t.is("[")) {
      advance();
      List<Expr> values = new ArrayList<>();
      do {
        values.add(expression());
      } while (match(","));
      Token close = expectOp("]", "',' or ']' in the path of values", "");
      return new Ast.PathValue(values, t.span().to(close.span()));
    }
    if (t.is("file") && peekAt(1).kind() == Kind.STRING) {
      advance();
      Token path = advance();
      String column = null;
      if (matchWord("column")) {
        column = identifier("a column name after 'column'").text();
      }
      return new Ast.FileValue(path.text(), column, t.span().to(path.span()));
    }
    Expr e = expression();
    return new Ast.Scalar(e, e.span());
  }

  private Ast.Value mapValue() {
    Token open = advance();
    List<Ast.Entry> entries = new ArrayList<>();
    if (!peek().is("}")) {
      do {
        Token start = peek();
        List<Element> key = new ArrayList<>();
        if (match("(")) {
          do {
            key.add(keyPart());
          } while (match(","));
          expectOp(")", "',' or ')' in the key", "");
        } else {
          key.add(keyPart());
        }
        expectOp(":", "':' after the key", "write {N: 0.6, S: 0.7}");
        entries.add(new Ast.Entry(key, expression(), start.span()));
      } while (match(","));
    }
    Token close = expectOp("}", "',' or '}' in the map of values", "");
    return new Ast.MapValue(entries, open.span().to(close.span()));
  }

  private Element keyPart() {
    if (peek().is("*")) {
      Token star = advance();
      return new Element("*", star.span());
    }
    Token e = identifier("an element name or '*'");
    return new Element(e.text(), e.span());
  }

  private Stmt hidden() {
    Token kw = advance();
    Ast.Equation eq = equation();
    return new Ast.Hidden(eq, kw.span());
  }

  /** {@code check condition "doc" for bindings if filter}. */
  private Stmt check() {
    Token kw = advance();
    if (peek().kind() == Kind.NEWLINE || peek().kind() == Kind.EOF) {
      throw fail(peek(), "E050", "expected a condition after 'check', found " + peek(),
          "write check RES[r] >= 0 \"reserves cannot be negative\" for r in Region");
    }
    Expr condition = expression();
    String doc = optionalDoc();
    return new Ast.Check(indexed(condition, new Ast.Num(1, condition.span())), doc, kw.span());
  }

  private Ast.Equation equation() {
    Token start = peek();
    if (start.kind() == Kind.IDENT && KEYWORDS.contains(start.text()) && !start.is("sum") && !start.is("prod")) {
      fail(start, "E013", "'" + start.text() + "' cannot start a statement here", "");
    }
    if (start.kind() != Kind.IDENT && start.kind() != Kind.NUMBER && !start.is("(")) {
      fail(start, "E014", "expected a declaration or an equation, found " + start, "");
    }
    Expr lhs = expression();
    if (!peek().is("=") && lhs instanceof Ast.Binary b && COMPARISONS.contains(b.op())) {
      // Y == a + 1 parses as a comparison: point at the comparison, not at the end of the line
      throw fail(b.span(), "E015", "expected '=' after the left side of an equation, found '" + b.op() + "'",
          b.op().equals("==") ? "an equation uses a single '='" : "write an equation as Y = C + G");
    }
    if (!peek().is("=")) {
      String hint = peek().is("==") ? "an equation uses a single '='" : "write an equation as Y = C + G";
      fail(peek(), "E015", "expected '=' after the left side of an equation, found " + peek(), hint);
    }
    advance();
    return indexed(lhs, expression());
  }

  /** {@code lhs = rhs}, then the optional {@code for bindings if filter} that ends the line. */
  private Ast.Equation indexed(Expr lhs, Expr rhs) {
    List<Binding> bindings = List.of();
    Expr filter = null;
    if (matchWord("for")) {
      bindings = bindings();
      if (matchWord("if")) {
        filter = expression();
      }
    }
    return new Ast.Equation(lhs, rhs, bindings, filter, lhs.span());
  }

  private List<Binding> bindings() {
    List<Binding> out = new ArrayList<>();
    do {
      Token index = identifier("an index name, as in 'for c in Country'");
      if (!matchWord("in")) {
        fail(peek(), "E016", "expected 'in' after the index '" + index.text() + "', found " + peek(),
            "write for " + index.text() + " in SetName");
      }
      Token set = identifier("a set name after 'in'");
      Binding b = new Binding(index.text(), set.text(), index.span().to(set.span()));
      if (out.stream().anyMatch(o -> o.index().equals(b.index()))) {
        throw fail(b.span(), "E125", "index '" + b.index() + "' is bound twice",
            "give each index its own name, as in for c in Country, k in Country");
      }
      out.add(b);
    } while (match(","));
    return out;
  }

  private Stmt matrix() {
    Token kw = advance();
    Token name = identifier("a matrix name after 'matrix'");
    List<Binding> over = List.of();
    if (match("[")) {
      over = bindings();
      expectOp("]", "']' after the matrix index, as in matrix flows[r in Region]", "");
    }
    String doc = optionalDoc();
    endOfStatement();
    skipNewlines();
    if (!peek().is("columns")) {
      fail(peek(), "E017", "expected 'columns' after the matrix header, found " + peek(),
          "list the sectors: columns Households, Firms, Government");
    }
    advance();
    List<Element> columns = new ArrayList<>();
    do {
      Token c = peek();
      if (c.kind() == Kind.STRING || c.kind() == Kind.IDENT) {
        advance();
        columns.add(new Element(c.text(), c.span()));
      } else {
        fail(c, "E018", "expected a column name, found " + c, "");
      }
    } while (match(","));
    endOfStatement();
    List<Ast.Row> rows = new ArrayList<>();
    while (true) {
      skipNewlines();
      Token t = peek();
      if (t.is("end")) {
        advance();
        return new Ast.MatrixDecl(name.text(), over, doc, columns, rows, kw.span().to(name.span()));
      }
      if (t.kind() == Kind.EOF) {
        fail(kw, "E019", "matrix '" + name.text() + "' has no 'end'", "close the matrix with a line 'end'");
      }
      try {
        rows.add(row());
        endOfStatement();
      } catch (Unwind u) {
        recover();
      }
    }
  }

  private Ast.Row row() {
    Token kw = peek();
    if (!kw.is("row")) {
      fail(kw, "E020", "expected 'row' or 'end' in the matrix, found " + kw,
          "write row \"Consumption\": -C, +C, .");
    }
    advance();
    Token label = peek();
    if (label.kind() != Kind.STRING && label.kind() != Kind.IDENT) {
      fail(label, "E021", "expected a row label, found " + label, "write row \"Consumption\": ...");
    }
    advance();
    expectOp(":", "':' after the row label", "write row \"" + label.text() + "\": -C, +C, .");
    List<Expr> cells = new ArrayList<>();
    do {
      if (peek().is(".")) {
        advance();
        cells.add(null);
      } else {
        cells.add(expression());
      }
    } while (match(","));
    Expr total = match("=") ? expression() : null;
    return new Ast.Row(label.text(), cells, total, label.span());
  }

  private Stmt closure() {
    Token kw = advance();
    Token name = identifier("a closure name after 'closure'");
    String doc = optionalDoc();
    endOfStatement();
    List<Ast.Swap> swaps = new ArrayList<>();
    while (true) {
      skipNewlines();
      Token t = peek();
      if (t.is("end")) {
        advance();
        return new Ast.ClosureDecl(name.text(), doc, swaps, kw.span().to(name.span()));
      }
      if (t.kind() == Kind.EOF) {
        fail(kw, "E022", "closure '" + name.text() + "' has no 'end'", "close it with a line 'end'");
      }
      try {
        if (!t.is("exogenize") && !t.is("endogenize")) {
          fail(t, "E023", "expected 'exogenize', 'endogenize' or 'end' in the closure, found " + t, "");
        }
        swaps.add(swap());
        endOfStatement();
      } catch (Unwind u) {
        recover();
      }
    }
  }

  private Ast.Swap swap() {
    Token kw = advance();
    Token start = peek();
    Expr target = primary();
    if (!(target instanceof Ast.Ref ref) || ref.lag() != 0) {
      throw fail(start, "E024", "expected a variable after '" + kw.text() + "'", "");
    }
    List<Binding> bindings = List.of();
    Expr filter = null;
    if (matchWord("for")) {
      bindings = bindings();
      if (matchWord("if")) {
        filter = expression();
      }
    }
    return new Ast.Swap(kw.text().equals("exogenize"), ref, bindings, filter, kw.span().to(start.span()));
  }

  // ---- expressions, one method per precedence level ------------------------------------------

  Expr expression() {
    Token t = peek();
    if (t.is("if")) {
      advance();
      enter(t);
      try {
        Expr cond = expression();
        expectWord("then", "'then' after the condition of 'if'", "write if x > 0 then a else b");
        Expr then = expression();
        expectWord("else", "'else' in the 'if' expression", "write if x > 0 then a else b");
        Expr otherwise = expression();
        return made(new Ast.Cond(cond, then, otherwise, t.span()));
      } finally {
        nesting--;
      }
    }
    return or();
  }

  private Expr or() {
    Expr first = and();
    if (!peek().is("or")) {
      return first;
    }
    List<Expr> operands = new ArrayList<>(List.of(first));
    List<Token> ops = new ArrayList<>();
    while (peek().is("or")) {
      ops.add(advance());
      operands.add(and());
    }
    return chain(operands, ops, null);
  }

  private Expr and() {
    Expr first = not();
    if (!peek().is("and")) {
      return first;
    }
    List<Expr> operands = new ArrayList<>(List.of(first));
    List<Token> ops = new ArrayList<>();
    while (peek().is("and")) {
      ops.add(advance());
      operands.add(not());
    }
    return chain(operands, ops, null);
  }

  private Expr not() {
    if (peek().is("not")) {
      Token op = advance();
      enter(op);
      try {
        return made(new Ast.Unary("not", not(), op.span()));
      } finally {
        nesting--;
      }
    }
    return comparison();
  }

  private Expr comparison() {
    Expr left = additive();
    Token t = peek();
    if (t.kind() == Kind.OP && COMPARISONS.contains(t.text())) {
      advance();
      return made(new Ast.Binary(t.text(), left, additive(), t.span()));
    }
    return left;
  }

  private Expr additive() {
    Expr first = multiplicative();
    if (!peek().is("+") && !peek().is("-")) {
      return first;
    }
    List<Expr> operands = new ArrayList<>(List.of(first));
    List<Token> ops = new ArrayList<>();
    while (peek().is("+") || peek().is("-")) {
      ops.add(advance());
      operands.add(multiplicative());
    }
    return chain(operands, ops, "-");
  }

  private Expr multiplicative() {
    Expr first = unary();
    if (!peek().is("*") && !peek().is("/")) {
      return first;
    }
    List<Expr> operands = new ArrayList<>(List.of(first));
    List<Token> ops = new ArrayList<>();
    while (peek().is("*") || peek().is("/")) {
      ops.add(advance());
      operands.add(unary());
    }
    return chain(operands, ops, "/");
  }

  /**
   * {@code x0 op1 x1 op2 x2 ...} of one precedence level: left-associative as written when short,
   * a balanced tree of the same value when long (see BALANCE_FROM). {@code inverse} is the
   * level's inverse operator ({@code -} or {@code /}), or null when every operator is the same
   * associative one ({@code and}, {@code or}).
   */
  private Expr chain(List<Expr> operands, List<Token> ops, String inverse) {
    if (ops.size() < BALANCE_FROM) {
      Expr left = operands.get(0);
      for (int i = 0; i < ops.size(); i++) {
        left = made(new Ast.Binary(ops.get(i).text(), left, operands.get(i + 1), ops.get(i).span()));
      }
      return left;
    }
    return balanced(operands, ops, 0, operands.size(), false, inverse);
  }

  /**
   * operands[lo..hi) as a balanced tree equal to x_lo followed by each later operand with its
   * operator, every operator inverted when {@code flip} (the range stands after an inverse
   * operator: a - (b + c) is a - b - c). Recursion depth is log2 of the chain's length.
   */
  private Expr balanced(List<Expr> xs, List<Token> ops, int lo, int hi, boolean flip, String inverse) {
    if (hi - lo == 1) {
      return xs.get(lo);
    }
    int mid = (lo + hi) >>> 1;
    Expr left = balanced(xs, ops, lo, mid, flip, inverse);
    Token op = ops.get(mid - 1);
    boolean inverted = inverse != null && op.is(inverse) != flip;
    Expr right = balanced(xs, ops, mid, hi, flip != inverted, inverse);
    String symbol = inverse == null ? op.text() : inverted ? inverse : inverse.equals("-") ? "+" : "*";
    return made(new Ast.Binary(symbol, left, right, op.span()));
  }

  private Expr unary() {
    Token t = peek();
    enter(t);
    try {
      if (t.is("-") || t.is("+")) {
        Token op = advance();
        Expr operand = unary();
        return op.is("-") ? made(new Ast.Unary("-", operand, op.span())) : operand;
      }
      return power();
    } finally {
      nesting--;
    }
  }

  private Expr power() {
    Expr base = primary();
    if (peek().is("^")) {
      Token op = advance();
      return made(new Ast.Binary("^", base, unary(), op.span()));
    }
    return base;
  }

  /** The error for a statement too deep for the thread's stack (a stage ran out of it). */
  public static Diagnostic tooDeep(Span at) {
    return new Diagnostic("E035", at, "this statement is nested too deeply to process",
        "give inner parts names of their own (intermediate variables); or run java with a larger -Xss");
  }

  /** One more level of nesting, refused past MAX_NESTING at the token that opens it. */
  private void enter(Token at) {
    if (++nesting > MAX_NESTING) {
      nesting--;
      throw fail(at, "E035", "the expression is nested more than " + MAX_NESTING + " levels deep here",
          "give inner parts names of their own: an intermediate variable per level keeps each equation shallow");
    }
  }

  /** Records the height of a new operation node; refuses a tree deeper than MAX_HEIGHT at the node. */
  private Expr made(Expr node) {
    int below = 0;
    for (Expr child : children(node)) {
      below = Math.max(below, heights.getOrDefault(child, 1));
    }
    if (below + 1 > MAX_HEIGHT) {
      throw fail(node.span(), "E035", "the expression is more than " + MAX_HEIGHT + " operations deep here",
          "give inner parts names of their own (intermediate variables); a long sum or product written out"
              + " flat is fine, it is the nesting around it that counts");
    }
    heights.put(node, below + 1);
    return node;
  }

  private static List<Expr> children(Expr e) {
    if (e instanceof Ast.Unary u) {
      return List.of(u.operand());
    } else if (e instanceof Ast.Binary b) {
      return List.of(b.left(), b.right());
    } else if (e instanceof Ast.Call c) {
      return c.args();
    } else if (e instanceof Ast.Apply a) {
      return a.args();
    } else if (e instanceof Ast.Cond c) {
      return List.of(c.condition(), c.then(), c.otherwise());
    } else if (e instanceof Ast.Reduce r) {
      return r.filter() == null ? List.of(r.body()) : List.of(r.body(), r.filter());
    }
    return List.of();
  }

  private Expr primary() {
    Token t = peek();
    if (t.kind() == Kind.NUMBER) {
      advance();
      return new Ast.Num(number(t), t.span());
    }
    if (t.is("(")) {
      advance();
      Expr inner = expression();
      expectOp(")", "')' to close the parenthesis", "");
      return inner;
    }
    if (t.kind() != Kind.IDENT) {
      throw fail(t, "E025", "expected a number, a name or '(', found " + t, "");
    }
    if (t.is("sum") || t.is("prod")) {
      return reduce();
    }
    if (KEYWORDS.contains(t.text())) {
      throw fail(t, "E026", "'" + t.text() + "' is a keyword and cannot be used as a name here", "");
    }
    advance();
    if (FUNCTIONS.contains(t.text()) && peek().is("(")) {
      return call(t);
    }
    return reference(t);
  }

  /** The value of a number token; a malformed number (already reported by the lexer as E001) is NaN. */
  private static double number(Token t) {
    try {
      return Double.parseDouble(t.text());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private Expr call(Token name) {
    advance();
    List<Expr> args = arguments(name);
    Token close = expectOp(")", "',' or ')' after the arguments of " + name.text() + "()", "");
    return made(new Ast.Call(name.text(), args, name.span().to(close.span())));
  }

  private List<Expr> arguments(Token name) {
    List<Expr> args = new ArrayList<>();
    do {
      args.add(expression());
    } while (match(","));
    return args;
  }
  private Expr reduce() {
    Token kw = advance();
    expectOp("(", "'(' after '" + kw.text() + "'", "write sum(x[k] for k in Set)");
    Expr body = expression();
    if (!matchWord("for")) {
      fail(peek(), "E027", "expected 'for' in " + kw.text() + "(...), found " + peek(),
          "write " + kw.text() + "(x[k] for k in Set)");
    }
    List<Binding> bindings = bindings();
    Expr filter = matchWord("if") ? expression() : null;
    Token close = expectOp(")", "')' to close " + kw.text() + "(...)", "");
    return made(new Ast.Reduce(kw.text(), body, bindings, filter, kw.span().to(close.span())));
  }

  private Expr reference(Token name) {
    List<Expr> indices = new ArrayList<>();
    Span span = name.span();
    if (peek().is("[")) {
      advance();
      do {
        indices.add(indexTerm());
      } while (match(","));
      span = span.to(expectOp("]", "',' or ']' after the index", "").span());
    }
    int lag = 0;
    if (peek().is("(")) {
      Token open = advance();
      int afterOpen = pos;
      boolean minus = match("-");
      if (!minus) {
        match("+");
      }
      Token k = peek();
      String n = name.text();
      String hint = null;
      if (k.kind() != Kind.NUMBER) {
        hint = "a lag is written " + n + "(-1); '" + n + "' is not a function";
      } else if (!k.text().matches("[0-9]+")) {
        hint = "a lag is a whole number of periods, as in " + n + "(-1)";
      } else if (k.text().matches("0+")) {
        hint = "a lag is at least 1: write " + n + " for the current period or " + n + "(-1) for the last one";
      } else if (!minus) {
        hint = "leads such as " + n + "(+" + k.text().replaceFirst("^0+", "") + ") are not supported;"
            + " Accord models are backward-looking";
      } else if (k.text().replaceFirst("^0+", "").length() > 9) {
        hint = "a lag of " + k.text() + " periods reaches before the start of any run";
      }
      if (hint != null && indices.isEmpty() && !k.is(")")) {
        // not a lag: a call of a function Accord does not have, or a malformed lag of a series;
        // which of the two only the model stage knows (it knows the declared names)
        pos = afterOpen;
        List<Expr> args = arguments(name);
        Token close = expectOp(")", "',' or ')' after the arguments of " + n + "(...)", "");
        Diagnostic notALag = new Diagnostic("E028", open.span(), "expected a lag like " + n + "(-1)", hint);
        return made(new Ast.Apply(n, args, notALag, name.span().to(close.span())));
      }
      if (hint != null) {
        throw fail(open, "E028", "expected a lag like " + n + "(-1)", hint);
      }
      advance();
      lag = Integer.parseInt(k.text());
      span = span.to(expectOp(")", "')' to close the lag", "").span());
    }
    return new Ast.Ref(name.text(), indices, lag, span);
  }

  private Expr indexTerm() {
    Token t = peek();
    if (t.kind() != Kind.IDENT) {
      throw fail(t, "E029", "expected an index (an element or an index name), found " + t, "");
    }
    advance();
    return new Ast.Ref(t.text(), List.of(), 0, t.span());
  }

  // ---- token helpers ---------------------------------------------------------------------------

  private Token peek() {
    return tokens.get(pos);
  }

  private Token peekAt(int k) {
    return tokens.get(Math.min(pos + k, tokens.size() - 1));
  }

  private Token advance() {
    Token t = tokens.get(pos);
    if (t.kind() != Kind.EOF) {
      pos++;
    }
    return t;
  }

  private boolean match(String op) {
    if (peek().kind() == Kind.OP && peek().text().equals(op)) {
      advance();
      return true;
    }
    return false;
  }

  private boolean matchWord(String word) {
    if (peek().kind() == Kind.IDENT && peek().text().equals(word)) {
      advance();
      return true;
    }
    return false;
  }

  private Token expectOp(String op, String what, String hint) {
    if (peek().kind() == Kind.OP && peek().text().equals(op)) {
      return advance();
    }
    throw fail(peek(), "E030", "expected " + what + ", found " + peek(), hint);
  }

  private void expectWord(String word, String what, String hint) {
    if (!matchWord(word)) {
      throw fail(peek(), "E031", "expected " + what + ", found " + peek(), hint);
    }
  }

  private Token expect(Kind kind, String code, String what, String hint) {
    if (peek().kind() == kind) {
      return advance();
    }
    throw fail(peek(), code, "expected " + what + ", found " + peek(), hint);
  }

  private Token identifier(String what) {
    Token t = peek();
    if (t.kind() != Kind.IDENT) {
      throw fail(t, "E032", "expected " + what + ", found " + t, "");
    }
    if (KEYWORDS.contains(t.text())) {
      throw fail(t, "E026", "'" + t.text() + "' is a keyword and cannot be used as a name", "");
    }
    return advance();
  }

  private String optionalDoc() {
    return peek().kind() == Kind.STRING ? advance().text() : "";
  }

  private void endOfStatement() {
    Token t = peek();
    if (t.kind() != Kind.NEWLINE && t.kind() != Kind.EOF) {
      String hint = t.kind() == Kind.IDENT || t.kind() == Kind.NUMBER
          ? "is an operator missing before it? each statement goes on its own line" : "";
      throw fail(t, "E033", "unexpected " + t + " at the end of the statement", hint);
    }
    skipNewlines();
  }

  private void skipNewlines() {
    while (peek().kind() == Kind.NEWLINE) {
      advance();
    }
  }

  private void recover() {
    while (peek().kind() != Kind.NEWLINE && peek().kind() != Kind.EOF) {
      advance();
    }
  }

  private Unwind fail(Token at, String code, String message, String hint) {
    Span span = at.kind() == Kind.NEWLINE ? new Span(at.span().file(), at.span().line(),
        at.span().col(), 1) : at.span();
    return fail(span, code, message, hint);
  }

  private Unwind fail(Span span, String code, String message, String hint) {
    errors.add(new Diagnostic(code, span, message, hint));
    throw new Unwind();
  }
}
