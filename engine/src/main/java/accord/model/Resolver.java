package accord.model;

import accord.lang.Ast;
import accord.lang.Diagnostic;
import accord.lang.ModelException;
import accord.lang.Parser;
import accord.lang.Range;
import accord.lang.Span;
import accord.model.ModelLoader.Located;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The model stage: from statements to a flat {@link Model}. Sets first, then declarations in
 * order (a declaration may use the ones before it), then equations, checks and closures.
 */
final class Resolver {

  private final List<Located> stmts;
  private final List<Diagnostic> errors = new ArrayList<>();
  private final Map<String, IndexSet> sets = new LinkedHashMap<>();
  private final Map<String, Series> series = new LinkedHashMap<>();
  private final List<Slot> slots = new ArrayList<>();
  private final Map<Integer, double[]> paths = new HashMap<>();
  private final List<Model.Derived> derived = new ArrayList<>();
  private final Set<String> undeclared = new HashSet<>();
  private final ExprResolver exprs;
  private final DeclValues values;
  private double[] row0 = new double[16];
  private String name;
  private String doc = "";
  private String calendar;

  Resolver(List<Located> stmts, String defaultName) {
    this.stmts = stmts;
    this.name = defaultName;
    this.exprs = new ExprResolver(series, sets, errors);
    this.values = new DeclValues(exprs, errors);
  }

  Model resolve() {
    List<Ast.ModelDecl> named = stmts.stream().map(Located::stmt).filter(s -> s instanceof Ast.ModelDecl)
        .map(s -> (Ast.ModelDecl) s).toList();
    if (!named.isEmpty()) {
      name = named.get(0).name();
      doc = named.get(0).doc();
      for (Ast.ModelDecl again : named.subList(1, named.size())) {
        // a file included by another may name itself; one file names its model once
        if (again.span().file().equals(named.get(0).span().file())) {
          errors.add(Diagnostic.error("E105", again.span(), "the model is named twice")
              .withHint("the first 'model' line is at " + named.get(0).span().where() + "; keep one"));
        }
      }
    }
    stmts.stream().filter(l -> l.stmt() instanceof Ast.SetDecl).forEach(l -> set((Ast.SetDecl) l.stmt()));
    stmts.stream().filter(l -> l.stmt() instanceof Ast.Decl).forEach(l -> {
      try {
        declare(l);
      } catch (StackOverflowError deep) {
        errors.add(Parser.tooDeep(l.stmt().span()));
      }
    });
    stmts.stream().filter(l -> l.stmt() instanceof Ast.Equation)
        .forEach(l -> declareImplicit((Ast.Equation) l.stmt()));
    List<Equation> equations = new ArrayList<>();
    List<Equation> hidden = new ArrayList<>();
    List<Check> checks = new ArrayList<>();
    List<AccountMatrix> matrices = new ArrayList<>();
    List<Closure> closures = new ArrayList<>();
    List<Integer> baseExo = new ArrayList<>();
    List<Integer> baseEndo = new ArrayList<>();
    for (Located l : stmts) {
      Ast.Stmt s = l.stmt();
      try {
        statement(s, equations, hidden, checks, matrices, closures, baseExo, baseEndo);
      } catch (StackOverflowError deep) {
        errors.add(Parser.tooDeep(s.span()));
      }
    }
    checkDuplicateDefinitions(equations);
    if (!errors.isEmpty()) {
      throw new ModelException(errors);
    }
    Closure base = new Closure("", "", baseExo, baseEndo, Span.NONE);
    return new Model(name, doc, sets, series, List.copyOf(slots), List.copyOf(equations),
        List.copyOf(hidden), List.copyOf(checks), List.copyOf(matrices), base, Model.closures(closures),
        Arrays.copyOf(row0, slots.size()), paths, calendar, List.copyOf(derived));
  }

  private void statement(Ast.Stmt s, List<Equation> equations, List<Equation> hidden, List<Check> checks,
      List<AccountMatrix> matrices, List<Closure> closures, List<Integer> baseExo, List<Integer> baseEndo) {
    if (s instanceof Ast.Equation eq) {
      equations(eq, equations, true);
    } else if (s instanceof Ast.Hidden h) {
      equations(h.equation(), hidden, false);
    } else if (s instanceof Ast.Check c) {
      List<Equation> expanded = new ArrayList<>();
      equations(c.equation(), expanded, false);
      expanded.forEach(e -> checks.add(new Check(e, c.doc())));
    } else if (s instanceof Ast.MatrixDecl m) {
      exprs.expand(m.bindings(), null, Map.of(), env -> matrices.add(matrix(m, env)));
    } else if (s instanceof Ast.CalendarDecl c) {
      calendar = c.start();
    } else if (s instanceof Ast.ClosureDecl c) {
      closure(c, closures, baseExo, baseEndo);
    }
  }

  private void set(Ast.SetDecl s) {
    if (sets.containsKey(s.name())) {
      errors.add(Diagnostic.error("E105", s.span(), "set '" + s.name() + "' is declared twice"));
      return;
    }
    List<String> elements = new ArrayList<>();
    IndexSet parent = s.parent() == null ? null : exprs.set(s.parent(), s.span());
    for (Ast.Element e : s.elements()) {
      if (elements.contains(e.name())) {
        errors.add(Diagnostic.error("E123", e.span(), "element '" + e.name() + "' is listed twice in set " + s.name()));
      } else if (parent != null && !parent.contains(e.name())) {
        errors.add(Diagnostic.error("E122", e.span(), "'" + e.name() + "' is not an element of the parent set "
            + parent.name()).withHint(Names.didYouMean(e.name(), parent.elements())));
      } else {
        elements.add(e.name());
      }
    }
    sets.put(s.name(), new IndexSet(s.name(), List.copyOf(elements), s.parent()));
  }

  private void declare(Located l) {
    Ast.Decl d = (Ast.Decl) l.stmt();
    if (series.containsKey(d.name()) || sets.containsKey(d.name())) {
      Span first = series.containsKey(d.name()) ? series.get(d.name()).span() : Span.NONE;
      errors.add(Diagnostic.error("E105", d.span(), "'" + d.name() + "' is already declared"
          + (first.line() > 0 ? " at " + first.where() : " as a set")));
      return;
    }
    List<IndexSet> dims = new ArrayList<>();
    List<String> indexNames = new ArrayList<>();
    for (Ast.Dim dim : d.dims()) {
      IndexSet set = exprs.set(dim.set(), dim.span());
      if (set == null) {
        exprs.declarationFailed(d.name());
        return;
      }
      dims.add(set);
      indexNames.add(dim.index());
    }
    Kind kind = switch (d.kind()) {
      case PARAM -> Kind.PARAM;
      case EXOGENOUS -> Kind.EXOGENOUS;
      case VAR -> Kind.ENDOGENOUS;
    };
    Series s = new Series(d.name(), List.copyOf(dims), kind, slots.size(), d.doc(), d.span());
    List<List<String>> tuples = tuples(dims);
    for (List<String> t : tuples) {
      addSlot(Series.label(d.name(), t), s, d.span(), d.range());
    }
    checkDuplicateKeys(d);
    double[][] rows = {row0};
    for (int i = 0; i < tuples.size(); i++) {
      int slot = s.firstSlot() + i;
      double[] path = values.of(d, s, indexNames, tuples.get(i), rows, l.dir());
      row0[slot] = path.length == 0 ? 0 : path[0];
      Expr computed = values.computedFrom();
      if (computed != null) {
        derived.add(new Model.Derived(slot, computed));
      }
      if (path.length > 1) {
        paths.put(slot, path);
      }
    }
    series.put(d.name(), s);
  }

  /** E116 for a key written twice in a map of values ({N: 1, N: 2}): which one would count? */
  private void checkDuplicateKeys(Ast.Decl d) {
    if (!(d.value() instanceof Ast.MapValue m)) {
      return;
    }
    Map<List<String>, Ast.Entry> seen = new HashMap<>();
    for (Ast.Entry e : m.entries()) {
      List<String> key = e.key().stream().map(Ast.Element::name).toList();
      Ast.Entry first = seen.putIfAbsent(key, e);
      if (first != null) {
        String shown = key.size() == 1 ? key.get(0) : "(" + String.join(", ", key) + ")";
        errors.add(Diagnostic.error("E116", e.span(), "key " + shown + " is given twice")
            .withHint("the first is at " + first.span().where() + "; keep one value per key"));
      }
    }
  }

  private void addSlot(String label, Series s, Span span, Range range) {
    if (slots.size() == row0.length) {
      row0 = Arrays.copyOf(row0, row0.length * 2);
    }
    slots.add(new Slot(slots.size(), label, s.name(), s.kind(), s.doc(), span, range));
  }

  static List<List<String>> tuples(List<IndexSet> dims) {
    List<List<String>> out = new ArrayList<>();
    out.add(List.of());
    for (IndexSet d : dims) {
      List<List<String>> next = new ArrayList<>();
      for (List<String> prefix : out) {
        for (String e : d.elements()) {
          List<String> t = new ArrayList<>(prefix);
          t.add(e);
          next.add(t);
        }
      }
      out = next;
    }
    return out;
  }

  /** A scalar on the left of an equation that nobody declared is a variable starting at 0. */
  private void declareImplicit(Ast.Equation eq) {
    if (!(eq.lhs() instanceof Ast.Ref r) || r.lag() != 0 || series.containsKey(r.name())) {
      return;
    }
    if (exprs.failed(r.name())) {
      undeclared.add(r.name());
      return;
    }
    if (!r.indices().isEmpty()) {
      errors.add(Diagnostic.error("E106", r.span(), "indexed variable '" + r.name() + "' is not declared")
          .withHint("declare its index sets: var " + r.name() + "[SetName]"));
      undeclared.add(r.name());
      return;
    }
    if (eq.bindings().stream().anyMatch(b -> b.index().equals(r.name()))) {
      return;
    }
    Series s = new Series(r.name(), List.of(), Kind.ENDOGENOUS, slots.size(), "", r.span());
    addSlot(r.name(), s, r.span(), Range.ANY);
    series.put(r.name(), s);
  }

  private void equations(Ast.Equation eq, List<Equation> out, boolean defining) {
    if (eq.lhs() instanceof Ast.Ref r && undeclared.contains(r.name())) {
      return;
    }
    List<Diagnostic> unusedIndices = unusedIndices(eq, defining);
    exprs.expand(eq.bindings(), eq.filter(), Map.of(), env -> {
      Expr lhs = exprs.resolve(eq.lhs(), env, false);
      Expr rhs = exprs.resolve(eq.rhs(), env, false);
      int defined = -1;
      if (defining && lhs instanceof Expr.Ref ref && ref.lag() == 0) {
        defined = ref.slot();
        if (slots.get(defined).kind() == Kind.PARAM) {
          errors.add(Diagnostic.error("E113", eq.lhs().span(), "'" + slots.get(defined).label()
              + "' is a parameter; an equation cannot determine it")
              .withHint("declare it with 'var' (or 'exogenous' plus a closure) if it should change over time"));
        }
      }
      String label = defined >= 0 ? slots.get(defined).label() : implicitLabel(eq, env);
      if (unusedIndices.isEmpty()) {
        out.add(new Equation(out.size(), label, lhs, rhs, defined, eq.lhs().span()));
      }
    });
    errors.addAll(unusedIndices);
  }

  /**
   * E124 for each index of the equation's 'for' that its left side does not use: every element
   * would define the same variable again. (Not with a filter, which may pick one element.)
   */
  private static List<Diagnostic> unusedIndices(Ast.Equation eq, boolean defining) {
    List<Diagnostic> out = new ArrayList<>();
    if (!defining || eq.filter() != null || !(eq.lhs() instanceof Ast.Ref r) || r.lag() != 0) {
      return out;
    }
    for (Ast.Binding b : eq.bindings()) {
      if (r.indices().stream().noneMatch(i -> i instanceof Ast.Ref x && x.name().equals(b.index()))) {
        out.add(Diagnostic.error("E124", b.span(), "the left side '" + r.name() + "' does not use the index '"
            + b.index() + "'").withHint(r.indices().isEmpty()
                ? "an equation for a scalar has no 'for'; if '" + r.name() + "' is indexed, write "
                    + r.name() + "[" + b.index() + "] and declare var " + r.name() + "[" + b.set() + "]"
                : "each element of " + b.set() + " would define the same variable again; use '"
                    + b.index() + "' on the left or drop it"));
      }
    }
    return out;
  }

  private static String implicitLabel(Ast.Equation eq, Map<String, String> env) {
    String where = eq.span().file().name() + ":" + eq.span().line();
    if (env.isEmpty()) {
      return "equation at " + where;
    }
    List<String> bound = new ArrayList<>();
    eq.bindings().forEach(b -> bound.add(b.index() + "=" + env.get(b.index())));
    return "equation at " + where + " [" + String.join(",", bound) + "]";
  }

  private void checkDuplicateDefinitions(List<Equation> equations) {
    Map<Integer, Equation> first = new HashMap<>();
    for (Equation e : equations) {
      if (e.definedSlot() < 0) {
        continue;
      }
      Equation before = first.putIfAbsent(e.definedSlot(), e);
      if (before != null) {
        errors.add(Diagnostic.error("E107", e.span(), "two equations for '" + e.label() + "'; the first is at "
            + before.span().where())
            .withHint("each variable has one equation; if this one determines another variable,"
                + " write it as an implicit equation: 0 = lhs - rhs"));
      }
    }
  }

  private AccountMatrix matrix(Ast.MatrixDecl m, Map<String, String> env) {
    List<AccountMatrix.Row> rows = new ArrayList<>();
    for (Ast.Row r : m.rows()) {
      if (r.cells().size() != m.columns().size()) {
        errors.add(Diagnostic.error("E119", r.span(), "row \"" + r.label() + "\" has " + r.cells().size()
            + (r.cells().size() == 1 ? " cell" : " cells") + " but matrix " + m.name() + " has " + m.columns().size()
            + (m.columns().size() == 1 ? " column" : " columns"))
            .withHint("write one cell per column, '.' for an empty one"));
        continue;
      }
      List<Expr> cells = new ArrayList<>();
      for (Ast.Expr c : r.cells()) {
        cells.add(c == null ? null : exprs.resolve(c, env, false));
      }
      Expr total = r.total() == null ? null : exprs.resolve(r.total(), env, false);
      rows.add(new AccountMatrix.Row(r.label(), cells, total, r.span()));
    }
    List<String> cols = m.columns().stream().map(Ast.Element::name).toList();
    List<String> at = m.bindings().stream().map(b -> env.get(b.index())).toList();
    return new AccountMatrix(Series.label(m.name(), at), m.doc(), cols, rows, m.span());
  }

  private void closure(Ast.ClosureDecl c, List<Closure> closures, List<Integer> baseExo, List<Integer> baseEndo) {
    List<Integer> exo = c.name() == null ? baseExo : new ArrayList<>();
    List<Integer> endo = c.name() == null ? baseEndo : new ArrayList<>();
    for (Ast.Swap s : c.swaps()) {
      exprs.expand(s.bindings(), s.filter(), Map.of(), env -> {
        int slot = exprs.slot(s.target(), env);
        if (slot < 0) {
          return;
        }
        if (slots.get(slot).kind() == Kind.PARAM) {
          errors.add(Diagnostic.error("E117", s.target().span(), "'" + slots.get(slot).label()
              + "' is a parameter; only variables and exogenous series can swap roles")
              .withHint("declare it as 'exogenous' to make it endogenous under a closure"));
          return;
        }
        (s.exogenize() ? exo : endo).add(slot);
      });
    }
    if (c.name() != null) {
      if (closures.stream().anyMatch(k -> k.name().equals(c.name()))) {
        errors.add(Diagnostic.error("E105", c.span(), "closure '" + c.name() + "' is declared twice"));
      }
      closures.add(new Closure(c.name(), c.doc(), exo, endo, c.span()));
    }
  }
}
