package accord.structure;

import accord.lang.Diagnostic;
import accord.lang.ModelException;
import accord.lang.Span;
import accord.model.Equation;
import accord.model.Kind;
import accord.model.Model;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The structure stage: incidence of the unknowns in each equation, a perfect matching of
 * equations to unknowns, blocks in solve order by strongly connected components, and tear
 * variables inside each simultaneous block. A model that is not square or is structurally
 * singular is rejected with the equations and variables involved.
 */
public final class StructuralAnalysis {

  private static final int LIST_LIMIT = 12;

  private StructuralAnalysis() {
  }

  public static BlockStructure analyze(Model model, String closure) {
    int[] unknowns = model.unknowns(closure);
    Map<Integer, Integer> local = new HashMap<>();
    for (int i = 0; i < unknowns.length; i++) {
      local.put(unknowns[i], i);
    }
    List<Equation> eqs = model.equations();
    int[][] adj = new int[eqs.size()][];
    int[] preferred = new int[eqs.size()];
    for (Equation e : eqs) {
      Set<Integer> slots = Incidence.currentSlots(e.lhs());
      slots.addAll(Incidence.currentSlots(e.rhs()));
      adj[e.index()] = slots.stream().filter(local::containsKey).mapToInt(local::get).toArray();
      preferred[e.index()] = e.definedSlot() >= 0 ? local.getOrDefault(e.definedSlot(), -1) : -1;
    }
    checkSquare(model, eqs, unknowns, local, adj, preferred);
    int[] eqOf = Matching.maximum(adj, unknowns.length, preferred);
    int[] varOf = new int[eqs.size()];
    Arrays.fill(varOf, -1);
    for (int v = 0; v < eqOf.length; v++) {
      if (eqOf[v] >= 0) {
        varOf[eqOf[v]] = v;
      }
    }
    if (Arrays.stream(eqOf).anyMatch(e -> e < 0)) {
      throw singular(model, eqs, unknowns, adj, eqOf, varOf);
    }
    List<Block> blocks = blocks(model, eqs, adj, eqOf, varOf, unknowns);
    int[] variableOf = Arrays.stream(varOf).map(v -> unknowns[v]).toArray();
    return new BlockStructure(model, closure, unknowns, variableOf, blocks);
  }

  private static List<Block> blocks(Model model, List<Equation> eqs, int[][] adj, int[] eqOf, int[] varOf,
      int[] unknowns) {
    int[][] needs = new int[eqs.size()][];
    for (int e = 0; e < eqs.size(); e++) {
      int self = varOf[e];
      needs[e] = Arrays.stream(adj[e]).filter(v -> v != self).map(v -> eqOf[v]).toArray();
    }
    List<Block> out = new ArrayList<>();
    for (int[] comp : Scc.components(needs)) {
      out.add(block(out.size(), comp, eqs, adj, varOf, unknowns));
    }
    return out;
  }

  private static Block block(int index, int[] comp, List<Equation> eqs, int[][] adj, int[] varOf, int[] unknowns) {
    int n = comp.length;
    Map<Integer, Integer> pos = new HashMap<>();
    for (int i = 0; i < n; i++) {
      pos.put(varOf[comp[i]], i);
    }
    int[][] deps = new int[n][];
    boolean[] assignable = new boolean[n];
    for (int i = 0; i < n; i++) {
      Equation e = eqs.get(comp[i]);
      int slot = unknowns[varOf[comp[i]]];
      assignable[i] = e.definedSlot() == slot && !Incidence.currentSlots(e.rhs()).contains(slot);
      deps[i] = Arrays.stream(adj[comp[i]]).filter(pos::containsKey).map(pos::get).toArray();
    }
    int[] slots = Arrays.stream(comp).map(e -> unknowns[varOf[e]]).toArray();
    if (n == 1 && assignable[0]) {
      return new Block(index, comp, slots, comp.clone(), new int[0], new int[0]);
    }
    Tearing.Result t = Tearing.tear(deps, assignable);
    int[] order = Arrays.stream(t.order()).map(i -> comp[i]).toArray();
    int[] tearEqs = Arrays.stream(t.tears()).map(i -> comp[i]).toArray();
    int[] tearVars = Arrays.stream(t.tears()).map(i -> slots[i]).toArray();
    return new Block(index, comp, slots, order, tearEqs, tearVars);
  }

  private static void checkSquare(Model model, List<Equation> eqs, int[] unknowns, Map<Integer, Integer> local,
      int[][] adj, int[] preferred) {
    if (eqs.size() == unknowns.length) {
      return;
    }
    List<Diagnostic> errors = new ArrayList<>();
    Set<Integer> defined = new LinkedHashSet<>();
    for (Equation e : eqs) {
      if (e.definedSlot() >= 0) {
        defined.add(e.definedSlot());
        if (!local.containsKey(e.definedSlot()) && eqs.size() > unknowns.length) {
          errors.add(Diagnostic.error("E109", e.span(), "equation for '" + e.label() + "', which is "
              + (model.slots().get(e.definedSlot()).kind() == Kind.EXOGENOUS ? "exogenous" : "exogenized")
              + " under this closure").withHint("remove the equation, or endogenize '" + e.label() + "'"
              + " and exogenize another variable"));
        }
      }
    }
    if (eqs.size() < unknowns.length) {
      for (int s : unknowns) {
        if (!defined.contains(s)) {
          errors.add(Diagnostic.error("E108", model.slots().get(s).span(), "variable '" + model.slots().get(s).label()
              + "' has no equation").withHint("write an equation " + model.slots().get(s).label()
              + " = ..., or declare it 'exogenous'"));
        }
      }
    }
    if (errors.isEmpty() && eqs.size() > unknowns.length) {
      // no equation determines an exogenous series: point at the equations that a maximum
      // matching leaves without an unknown (explicit equations keep their variable first)
      int[] eqOf = Matching.maximum(adj, unknowns.length, preferred);
      boolean[] matched = new boolean[eqs.size()];
      for (int e : eqOf) {
        if (e >= 0) {
          matched[e] = true;
        }
      }
      for (Equation e : eqs) {
        if (!matched[e.index()]) {
          errors.add(Diagnostic.error("E111", e.span(), "no unknown is left for " + (e.definedSlot() >= 0
              ? "the equation for '" + e.label() + "'" : "this equation"))
              .withHint("remove a redundant equation (an accounting identity that follows from the others belongs"
                  + " in a 'hidden' statement), or declare the variable it should determine"));
        }
      }
    }
    String summary = count(eqs.size(), "equation") + " for " + count(unknowns.length, "unknown");
    if (errors.isEmpty() || errors.size() > LIST_LIMIT) {
      // named by its file (that of its first equation), as every problem is
      Span file = eqs.isEmpty() ? Span.NONE : new Span(eqs.get(0).span().file(), 0, 0, 0);
      errors.add(0, Diagnostic.error(eqs.size() > unknowns.length ? "E111" : "E108", file,
          "model " + model.name() + " has " + summary).withHint(eqs.size() > unknowns.length
          ? "remove redundant equations (identities that follow from the others belong in 'hidden')"
          : "give each variable an equation, or declare the ones set from outside as 'exogenous'"));
    } else {
      Diagnostic first = errors.get(0);
      errors.set(0, new Diagnostic(first.code(), first.span(), first.message() + " (" + summary + ")", first.hint()));
    }
    throw new ModelException(errors.subList(0, Math.min(errors.size(), LIST_LIMIT)));
  }

  /** "1 equation", "2 equations". */
  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /**
   * Reports a structurally singular model: the equations that can reach no free variable by an
   * alternating path and the variables that no equation can reach (the over- and under-determined
   * parts of the Dulmage-Mendelsohn decomposition).
   */
  private static ModelException singular(Model model, List<Equation> eqs, int[] unknowns, int[][] adj,
      int[] eqOf, int[] varOf) {
    Set<Integer> overEqs = new LinkedHashSet<>();
    Set<Integer> overVars = new LinkedHashSet<>();
    for (int e = 0; e < eqs.size(); e++) {
      if (varOf[e] < 0) {
        alternate(e, adj, eqOf, overEqs, overVars);
      }
    }
    Set<Integer> freeVars = new LinkedHashSet<>();
    for (int v = 0; v < eqOf.length; v++) {
      if (eqOf[v] < 0) {
        freeVars.add(v);
      }
    }
    List<String> eqNames = overEqs.stream().map(e -> eqs.get(e).label() + " (" + eqs.get(e).span().where() + ")")
        .limit(LIST_LIMIT).toList();
    List<String> varNames = overVars.stream().map(v -> model.slots().get(unknowns[v]).label()).limit(LIST_LIMIT).toList();
    List<String> missing = freeVars.stream().map(v -> model.slots().get(unknowns[v]).label()).limit(LIST_LIMIT).toList();
    Equation first = eqs.get(overEqs.iterator().next());
    return new ModelException(Diagnostic.error("E110", first.span(), "the model is structurally singular: the "
        + count(overEqs.size(), "equation") + " " + eqNames + (overEqs.size() == 1 ? " contains" : " contain")
        + " only the " + count(overVars.size(), "unknown") + " " + varNames + ", while no equation determines " + missing)
        .withHint("one of these equations is redundant or determines the wrong variable; "
            + "an accounting identity that follows from the others belongs in a 'hidden' statement"));
  }

  private static void alternate(int root, int[][] adj, int[] eqOf, Set<Integer> eqsSeen, Set<Integer> varsSeen) {
    List<Integer> queue = new ArrayList<>(List.of(root));
    eqsSeen.add(root);
    for (int i = 0; i < queue.size(); i++) {
      for (int v : adj[queue.get(i)]) {
        if (varsSeen.add(v) && eqOf[v] >= 0 && eqsSeen.add(eqOf[v])) {
          queue.add(eqOf[v]);
        }
      }
    }
  }
}
