package accord.solve;

import accord.model.Equation;
import accord.model.EvalException;
import accord.model.Model;
import accord.solve.SolveFailure.Kind;
import accord.structure.Block;
import java.util.List;

/**
 * What {@link Program} reports when a block fails: the block, its variables and the tear equation
 * with the largest residual, and a hint that suggests another method only where it can work (for
 * Gauss-Seidel, where the spectral radius of its iteration, measured here, is below 1). Apart from
 * the solver, whose methods then read as the numerics alone.
 */
final class Diagnosis {

  private final Program program;

  Diagnosis(Program program) {
    this.program = program;
  }

  /**
   * The failure of block {@code b}; {@code help} null for the kind's default; {@code row} the tear
   * equation to name, or -1 for the one with the largest residual.
   */
  SolveFailure failure(Kind kind, String reason, String help, CompiledBlock b, int period, Workspace w,
      int row) {
    int worstI = 0;
    for (int i = 1; i < b.k; i++) {
      if (Math.abs(w.f[i]) / w.scale[i] > Math.abs(w.f[worstI]) / w.scale[worstI]) {
        worstI = i;
      }
    }
    if (row >= 0) {
      worstI = row;
    }
    Block block = b.block;
    Model m = program.model();
    Equation eq = m.equations().get(b.tearEq[worstI]);
    List<String> vars = m.labels(block.variables());
    return new SolveFailure(kind, reason, help, period, block.index(), vars, eq.label(), eq.span().where(),
        Math.abs(w.f[worstI]), w.scale[worstI], w.iterations)
        .located(eq.span(), m.periodName(period));
  }

  /**
   * Every step from the point reached, however short, leads where an equation cannot be evaluated
   * (a log of a negative number, a value that is not finite): the iteration is stuck at a point
   * where the equations are defined, which is a solver failure, not an error in the model. The
   * report is made at that point.
   */
  SolveFailure stuck(EvalFailure e, CompiledBlock b, double[] cur, double[][] rows, int t, int period,
      Workspace w) {
    program.residuals(b, w.x, cur, rows, t, period, w);
    return failure(Kind.NO_CONVERGENCE, "stopped after " + w.iterations + " iteration" + (w.iterations == 1 ? "" : "s")
        + ": every step from the point reached leads where " + e.getMessage() + " (in the equation for '"
        + e.equation() + "')", "the block is pushed toward values where its equations are undefined: " + CHECK_VALUES,
        b, period, w, -1);
  }

  private static final String CHECK_VALUES = "check the values the scenario sets (a lever far outside its usual"
      + " range, or of the wrong sign), the closure, and this block's equations for a sign error or a missing term";

  /**
   * Ran out of iterations: the hint suggests another method only where it can work. Gauss-Seidel
   * converges near a point only if its iteration contracts there (spectral radius below 1), which
   * is measured; Broyden starts from the same exact Jacobian as Newton and only approximates it
   * after, so it is never the cure for a failed Newton.
   */
  SolveFailure noConvergence(Method method, String why, CompiledBlock b, double[] cur, double[][] rows, int t,
      int period, SolverSettings s, Workspace w) {
    String reason = why != null ? why : "no convergence after " + s.maxIterations() + " "
        + method.name().toLowerCase().replace('_', '-') + " iterations";
    double rho = gaussSeidelRadius(b, cur, rows, t, period, w);
    String radius = String.format("spectral radius of its iteration about %.2g near this point", rho);
    String help = switch (method) {
      case GAUSS_SEIDEL -> (rho >= 1 ? "Gauss-Seidel diverges on this block (" + radius + ", above 1)"
          : rho >= 0 ? "Gauss-Seidel converges too slowly on this block (" + radius + ")"
          : "Gauss-Seidel does not converge on this block")
          + ": use --method newton (the default), which follows the exact Jacobian";
      case BROYDEN -> "use --method newton (the default): it evaluates the exact Jacobian where Broyden's"
          + " approximation of it drifts; if Newton fails too, " + CHECK_VALUES;
      case NEWTON -> "Newton with a line search found no solution from the start values: " + CHECK_VALUES
          + (rho >= 0 && rho < 0.9 ? "; --method gauss-seidel also applies to this block (" + radius + ")" : "");
    };
    return failure(Kind.NO_CONVERGENCE, reason, help, b, period, w, -1);
  }

  /**
   * The spectral radius of the Gauss-Seidel iteration on the block's tears at {@code cur} (its
   * linearisation x - D^-1 f(x), D the diagonal it divides by: 1 for an equation that gives its
   * tear, else the tear's own partial), by Gelfand's formula on the 128th power; -1 when the
   * Jacobian cannot be evaluated there. Only for messages: it costs a Jacobian.
   */
  private double gaussSeidelRadius(CompiledBlock b, double[] cur, double[][] rows, int t, int period, Workspace w) {
    int k = b.k;
    try {
      program.jacobian(b, cur, rows, t, period, w);
    } catch (SolveFailure e) {
      return -1;
    }
    double[] g = new double[k * k];
    for (int i = 0; i < k; i++) {
      double d;
      try {
        d = b.tearAssignable[i] ? 1 : Program.ownPartial(b, i, cur, rows, t);
      } catch (EvalException e) {
        return -1;
      }
      if (d == 0 || !Double.isFinite(d)) {
        return -1;
      }
      for (int j = 0; j < k; j++) {
        g[i * k + j] = (i == j ? 1 : 0) - w.jac[i * k + j] / d;
      }
    }
    return spectralRadius(g, k);
  }

  /** Gelfand's formula: ||G^m||^(1/m) for m = 128 by repeated squaring, normalised to stay finite; -1 if not finite. */
  static double spectralRadius(double[] g, int k) {
    double[] a = g.clone();
    double[] sq = new double[k * k];
    double log = 0;
    int power = 1;
    for (int step = 0; step <= 7; step++) {
      double norm = 0;
      for (double v : a) {
        norm += v * v;
      }
      norm = Math.sqrt(norm);
      if (!Double.isFinite(norm)) {
        return -1;
      }
      if (norm == 0) {
        return 0;
      }
      log += Math.log(norm) / power;
      if (step == 7) {
        break;
      }
      for (int i = 0; i < a.length; i++) {
        a[i] /= norm;
      }
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          double v = 0;
          for (int q = 0; q < k; q++) {
            v += a[i * k + q] * a[q * k + j];
          }
          sq[i * k + j] = v;
        }
      }
      double[] tmp = a;
      a = sq;
      sq = tmp;
      power *= 2;
    }
    return Math.exp(log);
  }
}
