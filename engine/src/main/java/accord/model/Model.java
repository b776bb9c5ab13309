package accord.model;

import accord.lang.Diagnostic;
import accord.lang.ModelException;
import accord.lang.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A resolved model: flat slots, flat equations, checks and closures. {@code initial} is the
 * period-1 row (parameters, exogenous values, initial values of variables); {@code paths} holds
 * the exogenous series that change over time (period 1 first; the last value holds);
 * {@code derived}, in declaration order, the declared values computed from other slots (such as
 * {@code param avgf = (1 - rhoR^40)/(40*(1 - rhoR))}), which {@link #initialRowWith} computes again.
 */
public record Model(
    String name,
    String doc,
    Map<String, IndexSet> sets,
    Map<String, Series> series,
    List<Slot> slots,
    List<Equation> equations,
    List<Equation> hidden,
    List<Check> checks,
    List<AccountMatrix> matrices,
    Closure baseClosure,
    Map<String, Closure> closures,
    double[] initial,
    Map<Integer, double[]> paths,
    String calendar,
    List<Derived> derived) {

  /** A declared value computed from other slots: {@code slot} takes {@code value} evaluated on the period-1 row. */
  public record Derived(int slot, Expr value) {
  }

  /** A model none of whose declared values is computed from another. */
  public Model(String name, String doc, Map<String, IndexSet> sets, Map<String, Series> series, List<Slot> slots,
      List<Equation> equations, List<Equation> hidden, List<Check> checks, List<AccountMatrix> matrices,
      Closure baseClosure, Map<String, Closure> closures, double[] initial, Map<Integer, double[]> paths,
      String calendar) {
    this(name, doc, sets, series, slots, equations, hidden, checks, matrices, baseClosure, closures, initial, paths,
        calendar, List.of());
  }

  /**
   * The period-1 row with some slots given other values, and every declared value computed from
   * them computed again, in declaration order (a value given here is kept as given): drawing
   * {@code rhoR} moves {@code avgf}, drawing {@code dep} moves the initial capital stock. The
   * model itself is unchanged.
   *
   * @throws EvalException if a computed value cannot be evaluated (a log of a negative number)
   */
  public double[] initialRowWith(Map<Integer, Double> given) {
    double[] row = initialRow();
    java.util.BitSet moved = new java.util.BitSet();
    given.forEach((slot, v) -> {
      row[slot] = v;
      moved.set(slot);
    });
    double[][] rows = {row};
    for (Derived d : derived) {
      if (!given.containsKey(d.slot()) && reads(d.value(), moved)) {
        double v = Evaluator.eval(d.value(), rows, 0);
        if (Double.doubleToLongBits(v) != Double.doubleToLongBits(row[d.slot()])) {
          row[d.slot()] = v;
          moved.set(d.slot());
        }
      }
    }
    return row;
  }

  private static boolean reads(Expr e, java.util.BitSet slots) {
    if (e instanceof Expr.Ref r) {
      return slots.get(r.slot());
    } else if (e instanceof Expr.Unary u) {
      return reads(u.operand(), slots);
    } else if (e instanceof Expr.Binary b) {
      return reads(b.left(), slots) || reads(b.right(), slots);
    } else if (e instanceof Expr.Call c) {
      return c.args().stream().anyMatch(a -> reads(a, slots));
    } else if (e instanceof Expr.Cond c) {
      return reads(c.condition(), slots) || reads(c.then(), slots) || reads(c.otherwise(), slots);
    }
    return false;
  }

  public int slotCount() {
    return slots.size();
  }

  /** The slot of a label such as {@code Y} or {@code Y[N]} or {@code TBG[USA, CHN]}, or -1. */
  public int slotOf(String label) {
    String compact = label.replace(" ", "");
    int open = compact.indexOf('[');
    Series s = series.get(open < 0 ? compact : compact.substring(0, open));
    if (s == null) {
      return -1;
    }
    if (open < 0) {
      return s.dims().isEmpty() ? s.firstSlot() : -1;
    }
    if (!compact.endsWith("]")) {
      return -1;
    }
    List<String> elements = List.of(compact.substring(open + 1, compact.length() - 1).split(",", -1));
    return elements.size() == s.dims().size() ? s.slot(elements) : -1;
  }

  /** The unknowns under a closure (null for the default): sorted slot indices. */
  public int[] unknowns(String closureName) {
    Set<Integer> unknown = new LinkedHashSet<>();
    for (Slot s : slots) {
      if (s.kind() == Kind.ENDOGENOUS) {
        unknown.add(s.index());
      }
    }
    apply(baseClosure, unknown);
    if (closureName != null) {
      Closure c = closures.get(closureName);
      if (c == null) {
        throw new ModelException(Diagnostic.error("E146", Span.NONE,
            "model " + name + " has no closure '" + closureName + "'").withHint(closures.isEmpty()
            ? "this model declares no closures" : "its closures are: " + String.join(", ", closures.keySet())));
      }
      apply(c, unknown);
    }
    return unknown.stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  private static void apply(Closure c, Set<Integer> unknown) {
    c.exogenize().forEach(unknown::remove);
    unknown.addAll(c.endogenize());
  }

  /**
   * The label of 1-based period {@code p}: "2025Q1" when the model declares a calendar
   * (period 1 being its start), else the period number.
   */
  /** A period as messages name it: its label (2028Q1), or "period 14" for a model without a calendar. */
  public String periodName(int p) {
    return (calendar == null ? "period " : "") + periodLabel(p);
  }

  public String periodLabel(int p) {
    if (calendar == null) {
      return String.valueOf(p);
    }
    int year = Integer.parseInt(calendar.substring(0, 4));
    if (calendar.length() == 4) {
      return String.valueOf(year + p - 1);
    }
    boolean quarterly = calendar.charAt(4) == 'Q';
    int per = quarterly ? 4 : 12;
    int index = year * per + Integer.parseInt(calendar.substring(5)) - 1 + p - 1;
    int sub = index % per + 1;
    return (index / per) + (quarterly ? "Q" + sub : "M" + (sub < 10 ? "0" + sub : String.valueOf(sub)));
  }

  /** The 1-based period with this label (a number, or a calendar label), or -1. */
  public int periodOf(String label) {
    if (label.matches("\\d+") && (calendar == null || label.length() != 4)) {
      return Integer.parseInt(label);
    }
    for (int p = 1; p < 100_000; p++) {
      String l = periodLabel(p);
      if (l.equals(label)) {
        return p;
      }
      if (l.compareTo(label) > 0 && l.length() == label.length()) {
        return -1;
      }
    }
    return -1;
  }

  /** Labels of the given slots, for messages. */
  public List<String> labels(int[] slotIndices) {
    List<String> out = new ArrayList<>();
    for (int s : slotIndices) {
      out.add(slots.get(s).label());
    }
    return out;
  }

  /** A copy of the period-1 row. */
  public double[] initialRow() {
    return Arrays.copyOf(initial, initial.length);
  }

  /** Names of the endogenous series, then the exogenous ones, in declaration order. */
  public List<String> outputLabels() {
    List<String> out = new ArrayList<>();
    for (Kind k : List.of(Kind.ENDOGENOUS, Kind.EXOGENOUS)) {
      for (Slot s : slots) {
        if (s.kind() == k) {
          out.add(s.label());
        }
      }
    }
    return out;
  }

  static Map<String, Closure> closures(List<Closure> list) {
    Map<String, Closure> out = new LinkedHashMap<>();
    list.forEach(c -> out.put(c.name(), c));
    return out;
  }
}
