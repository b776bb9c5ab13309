package accord.lang;

import java.util.List;

/**
 * The syntax tree of a model file, as written: names unresolved, index sets unexpanded, every
 * node with its source span. The {@code model} stage turns it into flat equations.
 */
public final class Ast {

  private Ast() {
  }

  // ---- expressions -------------------------------------------------------------------------

  /** An expression as written. */
  public sealed interface Expr permits Num, Ref, Unary, Binary, Call, Apply, Cond, Reduce {
    Span span();
  }

  public record Num(double value, Span span) implements Expr {
  }

  /** A name with optional indices and lag: {@code Y}, {@code Y[c]}, {@code V[N](-1)}. */
  public record Ref(String name, List<Expr> indices, int lag, Span span) implements Expr {
  }

  /** {@code -x} or {@code not x}. */
  public record Unary(String op, Expr operand, Span span) implements Expr {
  }

  /** Arithmetic, comparison or logic: op is one of {@code + - * / ^ == != < <= > >= and or}. */
  public record Binary(String op, Expr left, Expr right, Span span) implements Expr {
  }

  /** A built-in function: exp, log, sqrt, abs, min, max, d. */
  public record Call(String function, List<Expr> args, Span span) implements Expr {
  }

  /**
   * {@code foo(x)} where {@code foo} is not a built-in function and {@code (x)} is not a lag: a
   * call of an unknown function, or a malformed lag of a series ({@code Y(x)}, {@code Y(0)}). The
   * model stage, which knows the declared names, reports one or the other; {@code notALag} is
   * the report for a series.
   */
  public record Apply(String name, List<Expr> args, Diagnostic notALag, Span span) implements Expr {
  }

  /** {@code if cond then a else b}. */
  public record Cond(Expr condition, Expr then, Expr otherwise, Span span) implements Expr {
  }

  /** {@code sum(body for i in A, j in B if filter)}; kind is "sum" or "prod". */
  public record Reduce(String kind, Expr body, List<Binding> bindings, Expr filter, Span span)
      implements Expr {
  }

  /** {@code c in Country}. */
  public record Binding(String index, String set, Span span) {
  }

  // ---- declarations and statements ---------------------------------------------------------

  /** One statement of a model file. */
  public sealed interface Stmt
      permits ModelDecl, Include, SetDecl, Decl, Equation, Hidden, Check, MatrixDecl, ClosureDecl, CalendarDecl {
    Span span();
  }

  public record ModelDecl(String name, String doc, Span span) implements Stmt {
  }

  public record Include(String path, Span span) implements Stmt {
  }

  /** {@code calendar "2024Q4"}: the label of period 1; later periods follow quarterly, monthly or yearly. */
  public record CalendarDecl(String start, Span span) implements Stmt {
  }

  /** A set, optionally a subset of {@code parent} (null when none). */
  public record SetDecl(String name, List<Element> elements, String parent, String doc, Span span)
      implements Stmt {
  }

  public record Element(String name, Span span) {
  }

  public enum DeclKind { PARAM, EXOGENOUS, VAR }

  /**
   * {@code param|exogenous|var name[dims] = value in [low, high] "doc"}; value is null when
   * omitted, range is {@link Range#ANY} when none is declared.
   */
  public record Decl(DeclKind kind, String name, List<Dim> dims, Value value, Range range, String doc, Span span)
      implements Stmt {
  }

  /** A dimension: a set, optionally with an index name bound to its elements. */
  public record Dim(String index, String set, Span span) {
  }

  /** The value part of a declaration. */
  public sealed interface Value permits Scalar, MapValue, PathValue, FileValue {
    Span span();
  }

  public record Scalar(Expr expr, Span span) implements Value {
  }

  /** {@code {N: 0.6, (USA, *): 0.1, *: 0}}: keys are element tuples, {@code *} matches any. */
  public record MapValue(List<Entry> entries, Span span) implements Value {
  }

  public record Entry(List<Element> key, Expr value, Span span) {
  }

  /** {@code [20, 20, 25]}: values of periods 1, 2, 3..., the last one held. */
  public record PathValue(List<Expr> values, Span span) implements Value {
  }

  /** {@code file "x.csv"} or {@code file "x.csv" column gdp}: values from a CSV column (default {@code value}). */
  public record FileValue(String path, String column, Span span) implements Value {
  }

  /** {@code lhs = rhs for bindings if filter}. */
  public record Equation(Expr lhs, Expr rhs, List<Binding> bindings, Expr filter, Span span)
      implements Stmt {
  }

  /** A redundant equation that must hold in every solved period. */
  public record Hidden(Equation equation, Span span) implements Stmt {
  }

  /**
   * {@code check RES[r] >= 0 "doc" for r in Region}: a condition that should hold in every solved
   * period; a run reports where it does not (the equation's left side is the condition).
   */
  public record Check(Equation equation, String doc, Span span) implements Stmt {
  }

  /** A matrix; with bindings ({@code matrix flows[r in Region]}) one matrix per element. */
  public record MatrixDecl(String name, List<Binding> bindings, String doc, List<Element> columns, List<Row> rows,
      Span span) implements Stmt {
  }

  /** A matrix row; a null cell is empty ({@code .}); total is null when the row sums to zero. */
  public record Row(String label, List<Expr> cells, Expr total, Span span) {
  }

  /** A closure; name is null for the model's own (always applied) swaps. */
  public record ClosureDecl(String name, String doc, List<Swap> swaps, Span span) implements Stmt {
  }

  /** {@code exogenize Y[c] for c in Set}: exogenize is false for endogenize. */
  public record Swap(boolean exogenize, Ref target, List<Binding> bindings, Expr filter, Span span) {
  }
}
