package accord.solve;

import accord.model.EvalException;
import accord.model.Equation;
import accord.model.Model;
import accord.structure.Block;
import accord.structure.BlockStructure;
import java.util.List;

/**
 * A model compiled for solving under one closure: its blocks in order, each with compiled
 * equations and exact partial derivatives. Immutable and thread-safe; all per-call state lives
 * in a {@link Workspace}.
 */
public final class Program {

  private final BlockStructure structure;
  private final List<Equation> equations;
  private final CompiledBlock[] blocks;
  private final int maxTears;
  private final int maxVars;

  private Program(BlockStructure structure) {
    this.structure = structure;
    this.equations = structure.model().equations();
    this.blocks = merged(structure.blocks()).stream().map(b -> new CompiledBlock(b, equations))
        .toArray(CompiledBlock[]::new);
    int t = 0;
    int v = 0;
    for (CompiledBlock b : blocks) {
      t = Math.max(t, b.k);
      v = Math.max(v, b.n);
    }
    this.maxTears = t;
    this.maxVars = v;
  }

  /**
   * Runs of consecutive explicit blocks become one block: they are evaluated in the same order,
   * with one call instead of one per equation. Simultaneous blocks keep their index (it keys the
   * kept Jacobians).
   */
  private static List<Block> merged(List<Block> blocks) {
    List<Block> out = new java.util.ArrayList<>();
    java.util.List<Block> run = new java.util.ArrayList<>();
    for (Block b : blocks) {
      if (b.simultaneous()) {
        flush(run, out);
        out.add(b);
      } else {
        run.add(b);
      }
    }
    flush(run, out);
    return out;
  }

  private static void flush(List<Block> run, List<Block> out) {
    if (run.isEmpty()) {
      return;
    }
    int[] eqs = run.stream().flatMapToInt(b -> java.util.Arrays.stream(b.equations())).toArray();
    int[] vars = run.stream().flatMapToInt(b -> java.util.Arrays.stream(b.variables())).toArray();
    int[] order = run.stream().flatMapToInt(b -> java.util.Arrays.stream(b.assignments())).toArray();
    out.add(new Block(run.get(0).index(), eqs, vars, order, new int[0], new int[0]));
    run.clear();
  }

  public static Program compile(BlockStructure structure) {
    return new Program(structure);
  }

  public BlockStructure structure() {
    return structure;
  }

  public Model model() {
    return structure.model();
  }

  public Workspace workspace() {
    return new Workspace(maxTears, maxVars, structure.blocks().size());
  }

  /**
   * Solves row {@code t} in place: unknowns hold their starting guesses on entry, the solution on
   * return. {@code period} is the 1-based period number for messages. Returns iterations used.
   */
  public int solve(double[][] rows, int t, int period, SolverSettings s, Workspace w) {
    double[] cur = rows[t];
    int total = 0;
    for (CompiledBlock b : blocks) {
      if (b.k == 0) {
        assign(b, cur, rows, t, period);
        continue;
      }
      w.iterations = 0;
      switch (s.method()) {
        case NEWTON -> {
          if (b.k == 1) {
            newton1(b, cur, rows, t, period, s, w);
          } else {
            newton(b, cur, rows, t, period, s, w, false);
          }
        }
        case BROYDEN -> newton(b, cur, rows, t, period, s, w, true);
        default -> gaussSeidel(b, cur, rows, t, period, s, w);
      }
      total += w.iterations;
    }
    return total;
  }

  private void assign(CompiledBlock b, double[] cur, double[][] rows, int t, int period) {
    for (int i = 0; i < b.assignRhs.length; i++) {
      double v;
      try {
        v = b.assignRhs[i].eval(cur, rows, t);
      } catch (EvalException e) {
        throw new EvalFailure(e.getMessage(), period, equations.get(b.assignEq[i]).label(), e.span());
      }
      if (!Double.isFinite(v)) {
        Equation eq = equations.get(b.assignEq[i]);
        throw new EvalFailure("the value is not finite (" + v + ")", period, eq.label(), eq.span());
      }
      cur[b.slot[b.k + i]] = v;
    }
  }

  /**
   * Sets the tears to x, runs the assignments, fills f and scale; returns the weighted norm^2
   * (the merit function of the line search; the weights stay fixed while a block is solved, so
   * that the merit function is the same function at every trial point).
   */
  private double residuals(CompiledBlock b, double[] x, double[] cur, double[][] rows, int t, int period, Workspace w) {
    for (int i = 0; i < b.k; i++) {
      cur[b.slot[i]] = x[i];
    }
    assign(b, cur, rows, t, period);
    double norm = 0;
    for (int i = 0; i < b.k; i++) {
      double l;
      double r;
      try {
        l = b.tearLhs[i].eval(cur, rows, t);
        r = b.tearRhs[i].eval(cur, rows, t);
      } catch (EvalException e) {
        throw new EvalFailure(e.getMessage(), period, equations.get(b.tearEq[i]).label(), e.span());
      }
      w.f[i] = l - r;
      double terms = b.tearMagnitude[i].eval(cur, rows, t);
      w.scale[i] = Math.max(Math.max(Math.max(1, Math.abs(x[i])), Math.max(Math.abs(l), Math.abs(r))), terms);
      double q = w.f[i] * w.weight[i];
      norm += q * q;
    }
    if (!Double.isFinite(norm)) {
      Equation eq = equations.get(b.tearEq[0]);
      throw new EvalFailure("a residual is not finite", period, eq.label(), eq.span());
    }
    return norm;
  }

  private static double worst(CompiledBlock b, Workspace w) {
    double m = 0;
    for (int i = 0; i < b.k; i++) {
      m = Math.max(m, Math.abs(w.f[i]) / w.scale[i]);
    }
    return m;
  }

  /** Exact Jacobian of the tear residuals by the chain rule through the assignments. */
  private void jacobian(CompiledBlock b, double[] cur, double[][] rows, int t, int period, Workspace w) {
    int k = b.k;
    double[] tan = w.tangent;
    java.util.Arrays.fill(tan, 0, b.n * k, 0);
    for (int i = 0; i < k; i++) {
      tan[i * k + i] = 1;
    }
    try {
      for (int a = 0; a < b.assignRhs.length; a++) {
        int row = (k + a) * k;
        int[] deps = b.assignDeps[a];
        for (int p = 0; p < deps.length; p++) {
          double d = b.assignPartials[a][p].eval(cur, rows, t);
          int src = deps[p] * k;
          for (int j = 0; j < k; j++) {
            tan[row + j] += d * tan[src + j];
          }
        }
      }
      java.util.Arrays.fill(w.jac, 0, k * k, 0);
      for (int i = 0; i < k; i++) {
        int[] deps = b.tearDeps[i];
        for (int p = 0; p < deps.length; p++) {
          double d = b.tearPartials[i][p].eval(cur, rows, t);
          int src = deps[p] * k;
          for (int j = 0; j < k; j++) {
            w.jac[i * k + j] += d * tan[src + j];
          }
        }
      }
    } catch (EvalException e) {
      throw failure("the Jacobian cannot be evaluated: " + e.getMessage(), b, period, w);
    }
  }

  /**
   * Damped Newton on the tear variables. With Newton the factorised Jacobian is kept between
   * iterations and periods (a chord method) as long as each full step cuts the residual by 4x;
   * otherwise it is evaluated afresh. The convergence test is the same either way. Broyden
   * updates its own approximation instead.
   */
  private void newton(CompiledBlock b, double[] cur, double[][] rows, int t, int period, SolverSettings s,
      Workspace w, boolean broyden) {
    int k = b.k;
    int id = b.block.index();
    for (int i = 0; i < k; i++) {
      w.x[i] = cur[b.slot[i]];
      w.weight[i] = 1;
    }
    residuals(b, w.x, cur, rows, t, period, w);
    double norm = 0;
    for (int i = 0; i < k; i++) {
      w.weight[i] = 1 / w.scale[i];
      double q = w.f[i] * w.weight[i];
      norm += q * q;
    }
    boolean haveLu = !broyden && w.luCache[id] != null;
    if (haveLu) {
      System.arraycopy(w.luCache[id], 0, w.lu, 0, k * k);
      System.arraycopy(w.pivotCache[id], 0, w.pivot, 0, k);
    }
    boolean haveJacobian = false;
    for (int iter = 1; iter <= s.maxIterations(); iter++) {
      if (worst(b, w) <= s.tolerance()) {
        return;
      }
      w.iterations = iter;
      boolean fresh = false;
      if (!haveLu) {
        if (!broyden || !haveJacobian) {
          jacobian(b, cur, rows, t, period, w);
          w.jacobians++;
          haveJacobian = true;
        }
        System.arraycopy(w.jac, 0, w.lu, 0, k * k);
        if (!Lu.factor(w.lu, k, w.pivot)) {
          throw failure("the Jacobian is singular", b, period, w);
        }
        if (!broyden) {
          w.luCache[id] = java.util.Arrays.copyOf(w.lu, k * k);
          w.pivotCache[id] = java.util.Arrays.copyOf(w.pivot, k);
        }
        haveLu = !broyden;
        fresh = true;
      }
      for (int i = 0; i < k; i++) {
        w.dx[i] = -w.f[i];
        w.df[i] = w.f[i];
      }
      Lu.solve(w.lu, k, w.pivot, w.dx);
      double lambda = 1;
      double trialNorm;
      boolean stale = false;
      while (true) {
        for (int i = 0; i < k; i++) {
          w.trial[i] = w.x[i] + lambda * w.dx[i];
        }
        try {
          trialNorm = residuals(b, w.trial, cur, rows, t, period, w);
          if (!fresh && !broyden && trialNorm > norm / 16) {
            stale = true;
            break;
          }
          if (trialNorm <= norm * (1 - 1e-4 * lambda) || lambda < 1e-4) {
            break;
          }
        } catch (EvalFailure e) {
          if (!fresh && !broyden) {
            stale = true;
            trialNorm = norm;
            break;
          }
          if (lambda < 1e-4) {
            throw e;
          }
        }
        lambda /= 2;
      }
      if (stale) {
        // the kept Jacobian no longer serves: back to x, and a fresh one next iteration
        norm = residuals(b, w.x, cur, rows, t, period, w);
        haveLu = false;
        continue;
      }
      boolean small = true;
      for (int i = 0; i < k; i++) {
        double step = w.trial[i] - w.x[i];
        small &= Math.abs(step) <= s.stepTolerance() * Math.max(1, Math.abs(w.trial[i]));
        w.x[i] = w.trial[i];
      }
      if (broyden) {
        broydenUpdate(k, lambda, w);
      }
      norm = trialNorm;
      if (small && worst(b, w) <= 1000 * s.tolerance()) {
        return;
      }
    }
    if (worst(b, w) > s.tolerance()) {
      throw failure("no convergence after " + s.maxIterations() + " " + s.method().name().toLowerCase()
          + " iterations", b, period, w);
    }
  }

  /**
   * Newton for a block with one tear variable (most textbook blocks): the same method and test
   * as {@link #newton} without the arrays and the LU. The derivative is kept between periods
   * while each step cuts the residual at least fourfold.
   */
  private void newton1(CompiledBlock b, double[] cur, double[][] rows, int t, int period, SolverSettings s,
      Workspace w) {
    int id = b.block.index();
    w.weight[0] = 1;
    double x = cur[b.slot[0]];
    w.x[0] = x;
    residuals(b, w.x, cur, rows, t, period, w);
    double f = w.f[0];
    double[] kept = w.luCache[id];
    boolean fresh = false;
    for (int iter = 1; iter <= s.maxIterations(); iter++) {
      if (Math.abs(f) <= s.tolerance() * w.scale[0]) {
        return;
      }
      w.iterations = iter;
      if (kept == null) {
        jacobian(b, cur, rows, t, period, w);
        w.jacobians++;
        if (w.jac[0] == 0 || !Double.isFinite(w.jac[0])) {
          throw failure("the Jacobian is singular", b, period, w);
        }
        kept = new double[] {w.jac[0]};
        w.luCache[id] = kept;
        fresh = true;
      }
      double dx = -f / kept[0];
      double lambda = 1;
      double trial;
      double ft;
      while (true) {
        trial = x + lambda * dx;
        w.trial[0] = trial;
        boolean failed = false;
        ft = Double.NaN;
        try {
          residuals(b, w.trial, cur, rows, t, period, w);
          ft = w.f[0];
        } catch (EvalFailure e) {
          if (fresh && lambda < 1e-4) {
            throw e;
          }
          failed = true;
        }
        if (!fresh && (failed || Math.abs(ft) > Math.abs(f) / 4)) {
          break;
        }
        if (!failed && (Math.abs(ft) <= Math.abs(f) * (1 - 1e-4 * lambda) || lambda < 1e-4)) {
          break;
        }
        lambda /= 2;
      }
      if (!fresh && (Double.isNaN(ft) || Math.abs(ft) > Math.abs(f) / 4)) {
        // the kept derivative no longer serves: back to x, and a fresh one
        w.x[0] = x;
        residuals(b, w.x, cur, rows, t, period, w);
        f = w.f[0];
        kept = null;
        continue;
      }
      boolean small = Math.abs(trial - x) <= s.stepTolerance() * Math.max(1, Math.abs(trial));
      x = trial;
      w.x[0] = x;
      f = ft;
      fresh = false;
      if (small && Math.abs(f) <= 1000 * s.tolerance() * w.scale[0]) {
        return;
      }
    }
    if (Math.abs(f) > s.tolerance() * w.scale[0]) {
      throw failure("no convergence after " + s.maxIterations() + " newton iterations", b, period, w);
    }
  }

  /** Broyden's "good" rank-one update: J += (df - J dx) dx' / (dx' dx). */
  private static void broydenUpdate(int k, double lambda, Workspace w) {
    double dd = 0;
    for (int i = 0; i < k; i++) {
      w.dx[i] *= lambda;
      dd += w.dx[i] * w.dx[i];
    }
    if (dd == 0) {
      return;
    }
    for (int i = 0; i < k; i++) {
      double jdx = 0;
      for (int j = 0; j < k; j++) {
        jdx += w.jac[i * k + j] * w.dx[j];
      }
      double u = (w.f[i] - w.df[i] - jdx) / dd;
      for (int j = 0; j < k; j++) {
        w.jac[i * k + j] += u * w.dx[j];
      }
    }
  }

  private void gaussSeidel(CompiledBlock b, double[] cur, double[][] rows, int t, int period, SolverSettings s,
      Workspace w) {
    int k = b.k;
    for (int i = 0; i < k; i++) {
      w.x[i] = cur[b.slot[i]];
      w.weight[i] = 1;
    }
    for (int iter = 1; iter <= s.maxIterations(); iter++) {
      residuals(b, w.x, cur, rows, t, period, w);
      if (worst(b, w) <= s.tolerance()) {
        return;
      }
      w.iterations = iter;
      for (int i = 0; i < k; i++) {
        double next;
        if (b.tearAssignable[i]) {
          next = w.x[i] - w.f[i];
        } else {
          double d = ownPartial(b, i, cur, rows, t);
          if (d == 0) {
            throw failure("Gauss-Seidel cannot solve an implicit equation whose derivative is zero", b, period, w);
          }
          next = w.x[i] - w.f[i] / d;
        }
        w.x[i] = next;
        cur[b.slot[i]] = next;
      }
    }
    residuals(b, w.x, cur, rows, t, period, w);
    if (worst(b, w) > s.tolerance()) {
      throw failure("no convergence after " + s.maxIterations() + " gauss-seidel iterations", b, period, w);
    }
  }

  private static double ownPartial(CompiledBlock b, int i, double[] cur, double[][] rows, int t) {
    int[] deps = b.tearDeps[i];
    for (int p = 0; p < deps.length; p++) {
      if (deps[p] == i) {
        return b.tearPartials[i][p].eval(cur, rows, t);
      }
    }
    return 0;
  }

  private SolveFailure failure(String reason, CompiledBlock b, int period, Workspace w) {
    int worstI = 0;
    for (int i = 1; i < b.k; i++) {
      if (Math.abs(w.f[i]) / w.scale[i] > Math.abs(w.f[worstI]) / w.scale[worstI]) {
        worstI = i;
      }
    }
    Block block = b.block;
    Equation eq = equations.get(b.tearEq[worstI]);
    List<String> vars = model().labels(block.variables());
    return new SolveFailure(reason, period, block.index(), vars, eq.label(), eq.span().where(),
        Math.abs(w.f[worstI]), w.scale[worstI], w.iterations);
  }
}
