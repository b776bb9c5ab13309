package accord.solve;

/** Per-run scratch arrays for the block solvers, so that the solvers keep no state. */
public final class Workspace {

  final double[] x;
  final double[] trial;
  final double[] f;
  final double[] scale;
  final double[] weight;
  final double[] dx;
  final double[] df;
  final double[] jac;
  final double[] lu;
  final int[] pivot;
  final double[] tangent;
  /**
   * The chord's quasi-Newton memory within one period: the inverse it applies is the kept LU's
   * plus the sum of updates[j] (weighted . directions[j]).
   */
  static final int MEMORY = 12;
  final double[][] updates;
  final double[][] directions;
  final double[] dots;
  int iterations;
  /** Per block: the last factorised Jacobian, reused while it still cuts the residual fast. */
  final double[][] luCache;
  final int[][] pivotCache;
  /** Jacobian evaluations in this run by the iterations (for benchmarks and tests). */
  int jacobians;
  /** Per block: whether its equations were found independent at a solution in this run. */
  final boolean[] independent;
  /** Jacobian evaluations in this run by the independence check (one per simultaneous block). */
  int independenceChecks;
  /** Scratch of the independence check: the partials' absolute values, the term magnitudes, the scaled matrix. */
  final double[] absPartials;
  final double[] magnitude;
  final double[] scaled;
  final double[] rowScale;
  final double[] colScale;

  /** Partial derivatives of one block, in {@code CompiledBlock.partialExpr} order. */
  final double[] partials;
  /** Each tear equation's lhs, rhs and magnitude. */
  final double[] tears;

  /**
   * Scratch for blocks of at most {@code maxTears} tears, whose packed tangents ({@link Tangents#size})
   * take at most {@code tangentSize} entries. Sized by what the blocks need, not their variables
   * times their tears: a sweep makes one per run, and the world model's dense size was 7 MB.
   */
  public Workspace(int maxTears, int tangentSize, int blocks, int maxPartials) {
    partials = new double[maxPartials];
    absPartials = new double[maxPartials];
    independent = new boolean[blocks];
    tears = new double[3 * Math.max(1, maxTears)];
    luCache = new double[blocks][];
    pivotCache = new int[blocks][];
    int k = Math.max(1, maxTears);
    x = new double[k];
    trial = new double[k];
    f = new double[k];
    scale = new double[k];
    weight = new double[k];
    dx = new double[k];
    df = new double[k];
    jac = new double[k * k];
    lu = new double[k * k];
    pivot = new int[k];
    magnitude = new double[k * k];
    scaled = new double[k * k];
    rowScale = new double[k];
    colScale = new double[k];
    tangent = new double[Math.max(1, tangentSize)];
    updates = new double[MEMORY][k];
    directions = new double[MEMORY][k];
    dots = new double[MEMORY];
  }

  public int jacobians() {
    return jacobians;
  }

  /**
   * Has every block's independence checked again at its next solution: for a period in which the
   * scenario changes a value (a parameter set to where the equations become dependent).
   */
  public void recheckIndependence() {
    java.util.Arrays.fill(independent, false);
  }

  public int independenceChecks() {
    return independenceChecks;
  }
}
