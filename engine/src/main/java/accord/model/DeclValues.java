package accord.model;

import accord.lang.Ast;
import accord.lang.Diagnostic;
import accord.lang.Range;
import accord.lang.Span;
import accord.lang.TextFile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of a declaration, element by element: a constant expression, a map, a path or a
 * CSV file. Returns the element's path (one value for a constant).
 */
final class DeclValues {

  private final ExprResolver exprs;
  private final List<Diagnostic> errors;
  private final Map<Path, Csv.Table> files = new HashMap<>();
  /** Per table and key columns: the first row of each key (a large file is scanned once, not per element). */
  private final Map<Csv.Table, Map<String, Map<List<String>, Integer>>> indices = new java.util.IdentityHashMap<>();

  /** The expression of the last single value read, if it reads other slots (see {@link #computedFrom}). */
  private Expr computed;
  /** The expression {@link #constant} evaluated last, if it reads another slot. */
  private Expr lastIfComputed;

  DeclValues(ExprResolver exprs, List<Diagnostic> errors) {
    this.exprs = exprs;
    this.errors = errors;
  }

  double[] of(Ast.Decl d, Series s, List<String> indexNames, List<String> tuple, double[][] rows, Path dir) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < indexNames.size(); i++) {
      if (indexNames.get(i) != null) {
        env.put(indexNames.get(i), tuple.get(i));
      }
    }
    Ast.Value v = d.value();
    String label = Series.label(s.name(), tuple);
    computed = null;
    lastIfComputed = null;
    if (v == null) {
      return new double[] {0};
    } else if (v instanceof Ast.Scalar sc) {
      double[] out = {inRange(constant(sc.expr(), env, rows), d.range(), label, sc.span(), "its value is ")};
      computed = lastIfComputed;
      return out;
    } else if (v instanceof Ast.MapValue m) {
      double[] out = {fromMap(m, s, tuple, env, rows, d.range())};
      computed = lastIfComputed;
      return out;
    } else if (v instanceof Ast.PathValue p) {
      if (s.kind() != Kind.EXOGENOUS) {
        errors.add(Diagnostic.error("E145", p.span(), "only an exogenous series takes a path of values")
            .withHint("a " + (s.kind() == Kind.PARAM ? "parameter" : "variable") + " has one value; "
                + "declare it 'exogenous' for a path"));
        return new double[] {0};
      }
      double[] out = new double[p.values().size()];
      for (int i = 0; i < out.length; i++) {
        Ast.Expr e = p.values().get(i);
        out[i] = inRange(constant(e, env, rows), d.range(), label, e.span(), "its value in period " + (i + 1) + " is ");
      }
      return out;
    } else {
      return fromFile((Ast.FileValue) v, s, tuple, dir, d.range());
    }
  }

  /**
   * {@code v}, after E129 if it is outside the declared range: "{label} must be in [0, 1]; {what}1.5",
   * at the value that gives it.
   */
  private double inRange(double v, Range range, String label, Span at, String what) {
    if (!range.contains(v) && !Double.isNaN(v)) {
      errors.add(Diagnostic.error("E129", at, label + " must be in " + range + "; " + what + Range.bound(v))
          .withHint("the range is declared at " + range.span().where() + "; give a value inside it"));
    }
    return v;
  }

  /**
   * For {@link Model#derived()}: the expression of the single value (a constant or a map entry)
   * the last call of {@link #of} read, if it reads another slot; else null.
   */
  Expr computedFrom() {
    return computed;
  }

  private double constant(Ast.Expr e, Map<String, String> env, double[][] rows) {
    Expr x = exprs.resolve(e, env, true);
    lastIfComputed = readsSlots(x) ? x : null;
    try {
      return Evaluator.eval(x, rows, 0);
    } catch (EvalException ex) {
      errors.add(Diagnostic.error("E201", ex.span(), ex.getMessage()));
      return 0;
    }
  }

  private static boolean readsSlots(Expr e) {
    if (e instanceof Expr.Ref) {
      return true;
    } else if (e instanceof Expr.Unary u) {
      return readsSlots(u.operand());
    } else if (e instanceof Expr.Binary b) {
      return readsSlots(b.left()) || readsSlots(b.right());
    } else if (e instanceof Expr.Call c) {
      return c.args().stream().anyMatch(DeclValues::readsSlots);
    } else if (e instanceof Expr.Cond c) {
      return readsSlots(c.condition()) || readsSlots(c.then()) || readsSlots(c.otherwise());
    }
    return false;
  }

  private double fromMap(Ast.MapValue m, Series s, List<String> tuple, Map<String, String> env, double[][] rows,
      Range range) {
    for (Ast.Entry entry : m.entries()) {
      if (!validKey(entry, s) ) {
        return 0;
      }
    }
    for (Ast.Entry entry : m.entries()) {
      boolean match = true;
      for (int i = 0; i < tuple.size(); i++) {
        String k = entry.key().get(i).name();
        match &= k.equals("*") || k.equals(tuple.get(i));
      }
      if (match) {
        return inRange(constant(entry.value(), env, rows), range, Series.label(s.name(), tuple), entry.value().span(),
            "its value is ");
      }
    }
    errors.add(Diagnostic.error("E144", m.span(), "no value for " + Series.label(s.name(), tuple) + " in the map")
        .withHint("add " + (tuple.size() == 1 ? tuple.get(0) : "(" + String.join(", ", tuple) + ")")
            + ": value, or a default *: value"));
    return 0;
  }

  private boolean validKey(Ast.Entry entry, Series s) {
    if (entry.key().size() != s.dims().size()) {
      errors.add(Diagnostic.error("E143", entry.span(), "a key of " + s.name() + " needs " + s.dims().size()
          + " element" + (s.dims().size() == 1 ? "" : "s") + ", this one has " + entry.key().size()));
      return false;
    }
    for (int i = 0; i < entry.key().size(); i++) {
      Ast.Element e = entry.key().get(i);
      IndexSet dim = s.dims().get(i);
      if (!e.name().equals("*") && !dim.contains(e.name())) {
        errors.add(Diagnostic.error("E103", e.span(), "'" + e.name() + "' is not an element of set " + dim.name())
            .withHint(Names.didYouMean(e.name(), dim.elements())));
        return false;
      }
    }
    return true;
  }

  private double[] fromFile(Ast.FileValue f, Series s, List<String> tuple, Path dir, Range range) {
    Csv.Table table = table(f, dir);
    if (table == null) {
      return new double[] {0};
    }
    if (s.kind() == Kind.EXOGENOUS) {
      return pathFromFile(f, table, Series.label(s.name(), tuple), range);
    }
    String valueColumn = f.column() == null ? "value" : f.column();
    int value = table.column(valueColumn);
    int[] cols = dimensionColumns(table, s);
    if (value < 0 || java.util.Arrays.stream(cols).anyMatch(c -> c < 0)) {
      List<String> need = new java.util.ArrayList<>(s.dims().stream().map(IndexSet::name).toList());
      need.add(valueColumn);
      errors.add(Diagnostic.error("E115", f.span(), f.path() + ": needs the columns " + String.join(", ", need))
          .withHint("its header is: " + String.join(", ", table.header())));
      return new double[] {0};
    }
    Integer r = rowIndex(table, cols).get(tuple);
    if (r != null) {
      return new double[] {inRange(number(f, table, r, value), range, Series.label(s.name(), tuple), f.span(),
          f.path() + " line " + table.lines().get(r) + " gives ")};
    }
    errors.add(Diagnostic.error("E140", f.span(), f.path() + ": no row for " + Series.label(s.name(), tuple))
        .withHint("add a row with " + String.join(", ", tuple) + " and its value"));
    return new double[] {0};
  }

  private Map<List<String>, Integer> rowIndex(Csv.Table table, int[] cols) {
    return indices.computeIfAbsent(table, t -> new HashMap<>()).computeIfAbsent(java.util.Arrays.toString(cols), k -> {
      Map<List<String>, Integer> index = new HashMap<>();
      for (int r = 0; r < table.rows().size(); r++) {
        List<String> row = table.rows().get(r);
        List<String> key = new java.util.ArrayList<>();
        for (int c : cols) {
          key.add(c < row.size() ? row.get(c) : "");
        }
        index.putIfAbsent(key, r);
      }
      return index;
    });
  }

  /**
   * The column of each dimension, found by the set's name; a set used twice (a bilateral
   * matrix over Region x Region) takes its first and second columns of that name in order.
   */
  private static int[] dimensionColumns(Csv.Table table, Series s) {
    int[] cols = new int[s.dims().size()];
    java.util.Set<Integer> used = new java.util.HashSet<>();
    for (int i = 0; i < cols.length; i++) {
      cols[i] = -1;
      for (int c = 0; c < table.header().size(); c++) {
        if (!used.contains(c) && table.header().get(c).trim().equals(s.dims().get(i).name())) {
          cols[i] = c;
          used.add(c);
          break;
        }
      }
    }
    return cols;
  }

  private double[] pathFromFile(Ast.FileValue f, Csv.Table table, String label, Range range) {
    int col = table.column(label);
    if (col < 0 || table.column("period") < 0) {
      errors.add(Diagnostic.error("E115", f.span(), f.path() + ": needs a column 'period' and a column '" + label + "'")
          .withHint("its header is: " + String.join(", ", table.header())));
      return new double[] {0};
    }
    double[] out = new double[table.rows().size()];
    for (int r = 0; r < out.length; r++) {
      out[r] = inRange(number(f, table, r, col), range, label, f.span(), f.path() + " line " + table.lines().get(r)
          + " gives ");
    }
    return out.length == 0 ? new double[] {0} : out;
  }

  private double number(Ast.FileValue f, Csv.Table table, int r, int col) {
    List<String> row = table.rows().get(r);
    String text = col < row.size() ? row.get(col) : "";
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      errors.add(Diagnostic.error("E141", f.span(), f.path() + ":" + table.lines().get(r) + ": '" + text
          + "' in column " + table.header().get(col) + " is not a number"));
      return 0;
    }
  }

  private Csv.Table table(Ast.FileValue f, Path dir) {
    Path p = dir.resolve(f.path()).normalize();
    if (files.containsKey(p)) {
      return files.get(p);
    }
    try {
      Csv.Table t = Csv.parse(TextFile.read(p));
      files.put(p, t);
      return t;
    } catch (TextFile.Unreadable e) {
      errors.add(!e.notText()
          ? Diagnostic.error("E142", f.span(), "cannot read data file " + f.path()).withHint(e.hint())
          : e.diagnostic("data file", f.path(), f.span()));
      files.put(p, null);
      return null;
    }
  }
}
