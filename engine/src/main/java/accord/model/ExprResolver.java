package accord.model;

import accord.lang.Ast;
import accord.lang.Diagnostic;
import accord.lang.Parser;
import accord.lang.Span;
import accord.model.Expr.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns syntax expressions into resolved ones: names become slots, index names become elements,
 * {@code sum} and {@code d()} are expanded, constant parts are folded. Errors are collected; a
 * failed sub-expression resolves to 0 so that the rest of the file is still checked.
 */
final class ExprResolver {

  private final Map<String, Series> series;
  private final Map<String, IndexSet> sets;
  private final List<Diagnostic> errors;
  /** Names whose declaration failed (already reported): uses of them are not reported again. */
  private final Set<String> failed = new HashSet<>();

  ExprResolver(Map<String, Series> series, Map<String, IndexSet> sets, List<Diagnostic> errors) {
    this.series = series;
    this.sets = sets;
    this.errors = errors;
  }

  /** Remembers that the declaration of {@code name} failed, so that its uses are not errors too. */
  void declarationFailed(String name) {
    failed.add(name);
  }

  /** Whether the declaration of {@code name} failed (and was reported). */
  boolean failed(String name) {
    return failed.contains(name);
  }

  /** Resolves {@code e} with index names bound by {@code env}; lags are refused if constant. */
  Expr resolve(Ast.Expr e, Map<String, String> env, boolean constant) {
    if (e instanceof Ast.Num n) {
      return new Expr.Const(n.value());
    } else if (e instanceof Ast.Ref r) {
      return reference(r, env, constant);
    } else if (e instanceof Ast.Unary u) {
      Expr x = resolve(u.operand(), env, constant);
      Op op = u.op().equals("-") ? Op.NEG : Op.NOT;
      if (x instanceof Expr.Const c) {
        return new Expr.Const(op == Op.NEG ? -c.value() : (c.value() == 0 ? 1 : 0));
      }
      return new Expr.Unary(op, x);
    } else if (e instanceof Ast.Binary b) {
      return binary(b, env, constant);
    } else if (e instanceof Ast.Call c) {
      return call(c, env, constant);
    } else if (e instanceof Ast.Apply a) {
      return apply(a, env);
    } else if (e instanceof Ast.Cond c) {
      Expr cond = resolve(c.condition(), env, constant);
      Expr then = resolve(c.then(), env, constant);
      Expr otherwise = resolve(c.otherwise(), env, constant);
      if (cond instanceof Expr.Const k) {
        return k.value() != 0 ? then : otherwise;
      }
      return new Expr.Cond(cond, then, otherwise);
    } else {
      return reduce((Ast.Reduce) e, env, constant);
    }
  }

  /** Resolves {@code e} and requires a constant (a filter over indices). */
  boolean constantTrue(Ast.Expr e, Map<String, String> env) {
    Expr x = resolve(e, env, true);
    if (x instanceof Expr.Const c) {
      return c.value() != 0;
    }
    errors.add(Diagnostic.error("E112", e.span(), "a filter may only compare indices and elements")
        .withHint("write a condition such as 'if c != USA'"));
    return false;
  }

  /** Calls {@code body} once per combination of the bindings' elements (filter applied). */
  void expand(List<Ast.Binding> bindings, Ast.Expr filter, Map<String, String> env,
      Consumer<Map<String, String>> body) {
    List<IndexSet> resolved = new ArrayList<>();
    for (Ast.Binding b : bindings) {
      IndexSet set = set(b.set(), b.span());
      if (set == null) {
        return;
      }
      resolved.add(set);
    }
    expand(bindings, resolved, 0, new LinkedHashMap<>(env), filter, body);
  }

  private void expand(List<Ast.Binding> bindings, List<IndexSet> sets, int k, Map<String, String> env,
      Ast.Expr filter, Consumer<Map<String, String>> body) {
    if (k == bindings.size()) {
      if (filter == null || constantTrue(filter, env)) {
        body.accept(new HashMap<>(env));
      }
      return;
    }
    for (String element : sets.get(k).elements()) {
      env.put(bindings.get(k).index(), element);
      expand(bindings, sets, k + 1, env, filter, body);
    }
    env.remove(bindings.get(k).index());
  }

  IndexSet set(String name, Span span) {
    IndexSet set = sets.get(name);
    if (set == null) {
      errors.add(Diagnostic.error("E102", span, "unknown set '" + name + "'")
          .withHint(Names.didYouMean(name, sets.keySet())));
    }
    return set;
  }

  /** The slot of a reference {@code Y[c]}, or -1 after reporting an error. */
  int slot(Ast.Ref r, Map<String, String> env) {
    if (r.indices().isEmpty() && env.containsKey(r.name())) {
      errors.add(Diagnostic.error("E120", r.span(), "index '" + r.name() + "' is used as a number")
          .withHint("indices select elements; compare one with 'if " + r.name() + " == X then a else b'"));
      return -1;
    }
    Series s = series.get(r.name());
    if (s == null && failed.contains(r.name())) {
      return -1;
    }
    if (s == null) {
      errors.add(Diagnostic.error("E101", r.span(), "unknown name '" + r.name() + "'")
          .withHint(Names.didYouMean(r.name(), series.keySet())));
      return -1;
    }
    if (r.indices().size() != s.dims().size()) {
      errors.add(Diagnostic.error("E104", r.span(), "'" + r.name() + "' has " + s.dims().size()
          + " ind" + (s.dims().size() == 1 ? "ex" : "ices") + " but is used with " + r.indices().size())
          .withHint(s.dims().isEmpty() ? "write " + r.name() + " without brackets"
              : "write " + r.name() + "[" + String.join(", ", s.dims().stream().map(IndexSet::name).toList()) + "]"));
      return -1;
    }
    List<String> elements = new ArrayList<>();
    for (int i = 0; i < s.dims().size(); i++) {
      String element = element((Ast.Ref) r.indices().get(i), s.dims().get(i), env);
      if (element == null) {
        return -1;
      }
      elements.add(element);
    }
    return s.slot(elements);
  }

  private String element(Ast.Ref index, IndexSet dim, Map<String, String> env) {
    String bound = env.get(index.name());
    if (bound != null) {
      if (!dim.contains(bound)) {
        errors.add(Diagnostic.error("E103", index.span(), "index '" + index.name() + "' takes the value '"
            + bound + "', which is not an element of set " + dim.name())
            .withHint("bind it to " + dim.name() + " or a subset of it"));
        return null;
      }
      return bound;
    }
    if (dim.contains(index.name())) {
      return index.name();
    }
    String near = Names.closest(index.name(), dim.elements());
    if (near != null && Names.distance(index.name().toLowerCase(), near.toLowerCase()) < index.name().length()) {
      errors.add(Diagnostic.error("E103", index.span(), "'" + index.name() + "' is not an element of set "
          + dim.name() + " (" + String.join(", ", dim.elements()) + ")")
          .withHint(Names.didYouMean(index.name(), dim.elements())));
    } else {
      // not a near miss of an element (replacing every letter of 'c' to get 'N' is no near miss)
      errors.add(Diagnostic.error("E103", index.span(), "'" + index.name() + "' is not an element of set "
          + dim.name() + " (" + String.join(", ", dim.elements()) + ") and no index '" + index.name()
          + "' is bound here").withHint("bind it: for " + index.name() + " in " + dim.name()));
    }
    return null;
  }

  private Expr reference(Ast.Ref r, Map<String, String> env, boolean constant) {
    if (constant && r.lag() > 0) {
      errors.add(Diagnostic.error("E114", r.span(), "a lag cannot be used here")
          .withHint("declarations and filters are evaluated once, before period 1"));
      return new Expr.Const(0);
    }
    int slot = slot(r, env);
    return slot < 0 ? new Expr.Const(0) : new Expr.Ref(slot, r.lag());
  }

  private Expr binary(Ast.Binary b, Map<String, String> env, boolean constant) {
    if ((b.op().equals("==") || b.op().equals("!=")) && elementLike(b.left(), env)
        && elementLike(b.right(), env)) {
      boolean same = elementOf(b.left(), env).equals(elementOf(b.right(), env));
      return new Expr.Const(same == b.op().equals("==") ? 1 : 0);
    }
    Expr l = resolve(b.left(), env, constant);
    Expr r = resolve(b.right(), env, constant);
    Expr.Binary out = new Expr.Binary(Op.binary(b.op()), l, r, b.span());
    if (l instanceof Expr.Const && r instanceof Expr.Const) {
      try {
        return new Expr.Const(Evaluator.eval(out, new double[1][0], 0));
      } catch (EvalException ex) {
        errors.add(Diagnostic.error("E201", b.span(), ex.getMessage()));
      }
    }
    return out;
  }

  private boolean elementLike(Ast.Expr e, Map<String, String> env) {
    if (!(e instanceof Ast.Ref r) || !r.indices().isEmpty() || r.lag() != 0) {
      return false;
    }
    return env.containsKey(r.name())
        || !series.containsKey(r.name()) && sets.values().stream().anyMatch(s -> s.contains(r.name()));
  }

  private String elementOf(Ast.Expr e, Map<String, String> env) {
    String name = ((Ast.Ref) e).name();
    return env.getOrDefault(name, name);
  }

  private Expr call(Ast.Call c, Map<String, String> env, boolean constant) {
    String f = c.function();
    int n = c.args().size();
    boolean variadic = f.equals("min") || f.equals("max");
    if (variadic ? n < 2 : n != 1) {
      errors.add(Diagnostic.error("E121", c.span(), f + "() takes " + (variadic ? "two or more arguments" : "one argument")
          + ", not " + n));
      return new Expr.Const(0);
    }
    if (f.equals("d")) {
      if (constant) {
        errors.add(Diagnostic.error("E114", c.span(), "d() needs a lag and cannot be used here"));
        return new Expr.Const(0);
      }
      Expr x = resolve(c.args().get(0), env, false);
      return new Expr.Binary(Op.SUB, x, Expr.shift(x, 1), c.span());
    }
    List<Expr> args = new ArrayList<>();
    boolean allConst = true;
    for (Ast.Expr a : c.args()) {
      Expr x = resolve(a, env, constant);
      allConst &= x instanceof Expr.Const;
      args.add(x);
    }
    Expr.Call out = new Expr.Call(Expr.Fn.valueOf(f.toUpperCase()), args, c.span());
    if (allConst) {
      try {
        return new Expr.Const(Evaluator.eval(out, new double[1][0], 0));
      } catch (EvalException ex) {
        errors.add(Diagnostic.error("E201", c.span(), ex.getMessage()));
      }
    }
    return out;
  }

  /**
   * {@code name(args)} that is neither a built-in function nor a lag: a malformed lag of a
   * series the model declares, else a function Accord does not have.
   */
  private Expr apply(Ast.Apply a, Map<String, String> env) {
    String n = a.name();
    if (series.containsKey(n) || failed.contains(n) || env.containsKey(n)) {
      if (!failed.contains(n)) {
        errors.add(a.notALag());
      }
      return new Expr.Const(0);
    }
    // function names are short: only a near miss of one letter is a likely typo (exq, sqr)
    String near = Names.closest(n, Parser.FUNCTIONS);
    boolean typo = near != null && Names.distance(n.toLowerCase(), near) <= 1;
    Span name = new Span(a.span().file(), a.span().line(), a.span().col(), n.length());
    errors.add(Diagnostic.error("E126", name, "unknown function '" + n + "'")
        .withHint((typo ? "did you mean '" + near + "'? " : "") + "the functions are: "
            + String.join(", ", Parser.FUNCTIONS)));
    return new Expr.Const(0);
  }

  private Expr reduce(Ast.Reduce r, Map<String, String> env, boolean constant) {
    boolean sum = r.kind().equals("sum");
    List<Expr> terms = new ArrayList<>();
    expand(r.bindings(), r.filter(), env, inner -> terms.add(resolve(r.body(), inner, constant)));
    if (terms.isEmpty()) {
      return new Expr.Const(sum ? 0 : 1);
    }
    return Expr.chain(sum ? Op.ADD : Op.MUL, terms, r.span());
  }
}
