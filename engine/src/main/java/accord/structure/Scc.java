package accord.structure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Strongly connected components by Tarjan's algorithm (Tarjan 1972), iterative so that long
 * recursive chains do not overflow the stack. Components come out dependencies first: if node a
 * has an edge to b (a needs b), b's component precedes a's.
 */
public final class Scc {

  private Scc() {
  }

  public static List<int[]> components(int[][] edges) {
    int n = edges.length;
    int[] index = new int[n];
    int[] low = new int[n];
    boolean[] onStack = new boolean[n];
    Arrays.fill(index, -1);
    int[] stack = new int[n];
    int sp = 0;
    int counter = 0;
    List<int[]> out = new ArrayList<>();
    int[] callNode = new int[n];
    int[] callEdge = new int[n];
    for (int start = 0; start < n; start++) {
      if (index[start] >= 0) {
        continue;
      }
      int depth = 0;
      callNode[0] = start;
      callEdge[0] = 0;
      index[start] = low[start] = counter++;
      stack[sp++] = start;
      onStack[start] = true;
      while (depth >= 0) {
        int v = callNode[depth];
        if (callEdge[depth] < edges[v].length) {
          int w = edges[v][callEdge[depth]++];
          if (index[w] < 0) {
            index[w] = low[w] = counter++;
            stack[sp++] = w;
            onStack[w] = true;
            depth++;
            callNode[depth] = w;
            callEdge[depth] = 0;
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
          continue;
        }
        if (low[v] == index[v]) {
          int size = 0;
          while (stack[sp - 1 - size] != v) {
            size++;
          }
          size++;
          int[] comp = new int[size];
          for (int k = 0; k < size; k++) {
            int w = stack[--sp];
            onStack[w] = false;
            comp[size - 1 - k] = w;
          }
          out.add(comp);
        }
        depth--;
        if (depth >= 0) {
          int parent = callNode[depth];
          low[parent] = Math.min(low[parent], low[v]);
        }
      }
    }
    return out;
  }
}
