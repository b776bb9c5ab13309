package accord.structure;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Maximum bipartite matching of equations to variables by augmenting paths (Hopcroft and Karp
 * 1973, here the simple one-path-at-a-time form), started from a preferred assignment so that an
 * equation keeps the variable written on its left whenever possible.
 */
public final class Matching {

  private Matching() {
  }

  /**
   * @param adj adj[e] = the variables (0..nVars-1) equation e contains
   * @param preferred preferred[e] = a variable for e, or -1
   * @return eqOf[v] = the equation matched to variable v, or -1
   */
  public static int[] maximum(int[][] adj, int nVars, int[] preferred) {
    int[] eqOf = new int[nVars];
    int[] varOf = new int[adj.length];
    Arrays.fill(eqOf, -1);
    Arrays.fill(varOf, -1);
    for (int e = 0; e < adj.length; e++) {
      int v = preferred[e];
      if (v >= 0 && eqOf[v] < 0 && contains(adj[e], v)) {
        eqOf[v] = e;
        varOf[e] = v;
      }
    }
    int[] visitedStamp = new int[nVars];
    int stamp = 0;
    for (int e = 0; e < adj.length; e++) {
      if (varOf[e] < 0) {
        stamp++;
        augment(e, adj, eqOf, varOf, visitedStamp, stamp);
      }
    }
    return eqOf;
  }

  /**
   * Iterative depth-first search for an augmenting path from free equation {@code root}. Each
   * equation first looks for a free variable of its own (the "lookahead" of Duff's MC21), so
   * that preferred pairs are disturbed only when they must be.
   */
  private static boolean augment(int root, int[][] adj, int[] eqOf, int[] varOf, int[] seen, int stamp) {
    Deque<int[]> stack = new ArrayDeque<>();
    int[] viaVar = new int[adj.length];
    Arrays.fill(viaVar, -1);
    stack.push(new int[] {root, 0});
    while (!stack.isEmpty()) {
      int[] top = stack.peek();
      int e = top[0];
      int free = freeVariable(adj[e], eqOf, seen, stamp);
      if (free >= 0) {
        // the stack is the alternating path root..e; each equation on it takes the next variable
        int var = free;
        for (int[] frame : stack) {
          int eq = frame[0];
          int cameBy = viaVar[eq];
          eqOf[var] = eq;
          varOf[eq] = var;
          var = cameBy;
        }
        return true;
      }
      if (top[1] >= adj[e].length) {
        stack.pop();
        continue;
      }
      int v = adj[e][top[1]++];
      if (seen[v] == stamp) {
        continue;
      }
      seen[v] = stamp;
      int next = eqOf[v];
      viaVar[next] = v;
      stack.push(new int[] {next, 0});
    }
    return false;
  }

  private static int freeVariable(int[] vars, int[] eqOf, int[] seen, int stamp) {
    for (int v : vars) {
      if (eqOf[v] < 0 && seen[v] != stamp) {
        return v;
      }
    }
    return -1;
  }

  private static boolean contains(int[] a, int v) {
    for (int x : a) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }
}
