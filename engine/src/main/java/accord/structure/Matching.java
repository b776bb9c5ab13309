package accord.structure;

import java.util.Arrays;

/**
 * Maximum bipartite matching of equations to variables by shortest augmenting paths, one at a
 * time (the breadth-first search of Hopcroft and Karp 1973, without their phases), started from a
 * preferred assignment so that an equation keeps the variable written on its left whenever
 * possible.
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
   * Breadth-first search for a shortest augmenting path from free equation {@code root}. The
   * shortest path disturbs the fewest preferred pairs: an implicit equation then takes a
   * variable next to it, not one at the end of a long chain of displaced assignments (which
   * would turn every equation on the chain into an implicit one and inflate the tear set).
   */
  private static boolean augment(int root, int[][] adj, int[] eqOf, int[] varOf, int[] seen, int stamp) {
    int[] queue = new int[adj.length];
    int[] cameBy = new int[adj.length];
    int[] parentEq = new int[adj.length];
    int head = 0;
    int tail = 0;
    queue[tail++] = root;
    cameBy[root] = -1;
    parentEq[root] = -1;
    while (head < tail) {
      int e = queue[head++];
      for (int v : adj[e]) {
        if (seen[v] == stamp) {
          continue;
        }
        seen[v] = stamp;
        if (eqOf[v] < 0) {
          // flip the path: e takes v, its parent takes the variable e came by, and so on
          int var = v;
          int eq = e;
          while (eq >= 0) {
            int previous = cameBy[eq];
            eqOf[var] = eq;
            varOf[eq] = var;
            var = previous;
            eq = parentEq[eq];
          }
          return true;
        }
        int next = eqOf[v];
        cameBy[next] = v;
        parentEq[next] = e;
        queue[tail++] = next;
      }
    }
    return false;
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
