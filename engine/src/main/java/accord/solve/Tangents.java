package accord.solve;

import java.util.BitSet;

/**
 * The chain rule through a block's assignments, sparse: each block variable's derivative is kept
 * only with respect to the tear variables it depends on (structurally, through the assignments
 * before it), packed one variable after another. In a large block most variables depend on a few
 * of the tears (on the world model about a fifth of them), so this does about a fifth of the
 * work of dense tangents and touches a fifth of the memory; the sums are the same products added
 * in the same order (dense tangents only add zeros besides).
 */
final class Tangents {

  private final int k;
  /** Per local variable: where its tangent starts in the packed array, and its length. */
  private final int[] offset;
  private final int[] length;
  /** Per packed entry: the tear it is the derivative with respect to. */
  private final int[] column;
  /**
   * Per (assignment, dependency) pair whose tear set is smaller than the assignment's: where each
   * of the dependency's entries goes in the assignment's tangent, flattened in order. Pairs with
   * the same set (the common case) need no map.
   */
  private final int[] map;
  final int size;

  Tangents(int k, int[][] assignDeps) {
    this.k = k;
    int n = k + assignDeps.length;
    BitSet[] sets = new BitSet[n];
    offset = new int[n];
    length = new int[n];
    int packed = 0;
    for (int v = 0; v < n; v++) {
      BitSet s = new BitSet(k);
      if (v < k) {
        s.set(v);
      } else {
        for (int dep : assignDeps[v - k]) {
          s.or(sets[dep]);
        }
      }
      sets[v] = s;
      offset[v] = packed;
      length[v] = s.cardinality();
      packed += length[v];
    }
    size = packed;
    column = new int[packed];
    int mapped = 0;
    for (int v = 0; v < n; v++) {
      int p = offset[v];
      for (int j = sets[v].nextSetBit(0); j >= 0; j = sets[v].nextSetBit(j + 1)) {
        column[p++] = j;
      }
      if (v >= k) {
        for (int dep : assignDeps[v - k]) {
          mapped += length[dep] == length[v] ? 0 : length[dep];
        }
      }
    }
    map = new int[mapped];
    int m = 0;
    for (int a = 0; a < assignDeps.length; a++) {
      int v = k + a;
      for (int dep : assignDeps[a]) {
        if (length[dep] != length[v]) {
          for (int j = 0; j < length[dep]; j++) {
            map[m++] = position(v, column[offset[dep] + j]);
          }
        }
      }
    }
  }

  /** Where the derivative of variable v with respect to tear j sits, relative to v's offset. */
  private int position(int v, int j) {
    int lo = offset[v];
    int hi = lo + length[v] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (column[mid] < j) {
        lo = mid + 1;
      } else if (column[mid] > j) {
        hi = mid - 1;
      } else {
        return mid - offset[v];
      }
    }
    throw new IllegalStateException("tear " + j + " is not in the set of variable " + v);
  }

  /**
   * The Jacobian of the tear residuals ({@code jac}, k x k, row-major) from the partials {@code d}
   * (assignments' then tears', in dependency order), using {@code tan} (at least {@link #size}) as
   * scratch.
   */
  void jacobian(double[] d, int[][] assignDeps, int[][] tearDeps, double[] tan, double[] jac) {
    for (int i = 0; i < k; i++) {
      tan[offset[i]] = 1;
    }
    int q = 0;
    int m = 0;
    for (int a = 0; a < assignDeps.length; a++) {
      int v = k + a;
      int to = offset[v];
      int len = length[v];
      java.util.Arrays.fill(tan, to, to + len, 0);
      for (int dep : assignDeps[a]) {
        double da = d[q++];
        int from = offset[dep];
        int dl = length[dep];
        if (dl == len) {
          for (int j = 0; j < len; j++) {
            tan[to + j] += da * tan[from + j];
          }
        } else {
          for (int j = 0; j < dl; j++) {
            tan[to + map[m++]] += da * tan[from + j];
          }
        }
      }
    }
    java.util.Arrays.fill(jac, 0, k * k, 0);
    for (int i = 0; i < k; i++) {
      int row = i * k;
      for (int dep : tearDeps[i]) {
        double di = d[q++];
        int from = offset[dep];
        for (int j = 0; j < length[dep]; j++) {
          jac[row + column[from + j]] += di * tan[from + j];
        }
      }
    }
  }
}
