package accord.structure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses the feedback (tear) variables of a simultaneous block so that, once they are guessed,
 * every other variable follows by explicit assignment in order. Greedy: while the dependency
 * graph of the explicit equations has a cycle, tear the variable of that cycle's component with
 * the most edges (the heuristic of Steward 1965, as used in Dynare's block decomposition and
 * CPB's Isis). Implicit equations always tear their own variable.
 */
final class Tearing {

  /** The result: assignments in order, and the tear equation/variable pairs (local indices). */
  record Result(int[] order, int[] tears) {
  }

  private Tearing() {
  }

  /**
   * @param deps deps[i] = local indices of the block variables that equation i reads
   * @param assignable assignable[i] = equation i gives variable i explicitly
   */
  static Result tear(int[][] deps, boolean[] assignable) {
    int n = deps.length;
    boolean[] torn = new boolean[n];
    for (int i = 0; i < n; i++) {
      torn[i] = !assignable[i];
    }
    while (true) {
      List<int[]> comps = Scc.components(graph(deps, torn));
      boolean cyclic = false;
      for (int[] comp : comps) {
        if (comp.length > 1) {
          torn[mostConnected(comp, deps, torn)] = true;
          cyclic = true;
        }
      }
      if (!cyclic) {
        prune(deps, assignable, torn);
        comps = Scc.components(graph(deps, torn));
        List<Integer> order = new ArrayList<>();
        for (int[] comp : comps) {
          if (!torn[comp[0]]) {
            order.add(comp[0]);
          }
        }
        List<Integer> tears = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          if (torn[i]) {
            tears.add(i);
          }
        }
        return new Result(order.stream().mapToInt(Integer::intValue).toArray(),
            tears.stream().mapToInt(Integer::intValue).toArray());
      }
    }
  }

  /**
   * The greedy choice can leave a tear that later choices made redundant: give back, one by
   * one, every torn variable of an explicit equation whose return leaves the graph acyclic.
   */
  private static void prune(int[][] deps, boolean[] assignable, boolean[] torn) {
    int[] seen = new int[torn.length];
    int[] stack = new int[torn.length];
    for (int i = torn.length - 1; i >= 0; i--) {
      if (torn[i] && assignable[i]) {
        torn[i] = false;
        torn[i] = onACycle(i, deps, torn, seen, stack);
      }
    }
  }

  /**
   * Whether i, untorn, lies on a cycle of the graph of untorn variables. The graph without i is
   * acyclic, so any cycle passes through i: search for i from what i needs (depth first, the
   * visit stamp of i's turn in {@code seen}).
   */
  private static boolean onACycle(int i, int[][] deps, boolean[] torn, int[] seen, int[] stack) {
    int stamp = i + 1;
    int top = 0;
    for (int j : deps[i]) {
      if (j != i && !torn[j] && seen[j] != stamp) {
        seen[j] = stamp;
        stack[top++] = j;
      }
    }
    while (top > 0) {
      int v = stack[--top];
      for (int w : deps[v]) {
        if (w == i) {
          return true;
        }
        if (!torn[w] && seen[w] != stamp) {
          seen[w] = stamp;
          stack[top++] = w;
        }
      }
    }
    return false;
  }

  /** Edges among the variables not torn: i needs j. Torn variables are known (no edges). */
  private static int[][] graph(int[][] deps, boolean[] torn) {
    int[][] g = new int[deps.length][];
    for (int i = 0; i < deps.length; i++) {
      if (torn[i]) {
        g[i] = new int[0];
        continue;
      }
      int n = 0;
      int[] edges = new int[deps[i].length];
      for (int j : deps[i]) {
        if (j != i && !torn[j]) {
          edges[n++] = j;
        }
      }
      g[i] = n == edges.length ? edges : Arrays.copyOf(edges, n);
    }
    return g;
  }

  /**
   * The variable with the largest product of in- and out-degree inside the component: a hub
   * that many cycles pass through (the product, not the sum, so that a variable read by many
   * equations but needing nothing in the cycle is not torn).
   */
  private static int mostConnected(int[] comp, int[][] deps, boolean[] torn) {
    Set<Integer> members = new LinkedHashSet<>();
    for (int v : comp) {
      members.add(v);
    }
    long[] in = new long[deps.length];
    long[] out = new long[deps.length];
    for (int v : comp) {
      for (int w : deps[v]) {
        if (w != v && members.contains(w) && !torn[w]) {
          out[v]++;
          in[w]++;
        }
      }
    }
    int best = comp[0];
    for (int v : comp) {
      long score = in[v] * out[v];
      long bestScore = in[best] * out[best];
      if (score > bestScore || score == bestScore && v < best) {
        best = v;
      }
    }
    return best;
  }
}
