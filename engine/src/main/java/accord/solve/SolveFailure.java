package accord.solve;

import java.util.List;

/**
 * A block did not converge, or its Jacobian was singular. Names the period, the block, its
 * variables, the equation with the largest residual and the iterations tried.
 */
public final class SolveFailure extends RuntimeException {

  private final int period;
  private final int block;
  private final List<String> variables;
  private final String equation;
  private final String where;
  private final double residual;
  private final double scale;
  private final int iterations;

  public SolveFailure(String reason, int period, int block, List<String> variables, String equation, String where,
      double residual, int iterations) {
    this(reason, period, block, variables, equation, where, residual, 1, iterations);
  }

  /**
   * {@code residual} is the absolute residual of the worst equation and {@code scale} the size it
   * is measured against (the convergence test and the choice of the worst equation use
   * residual / scale).
   */
  public SolveFailure(String reason, int period, int block, List<String> variables, String equation, String where,
      double residual, double scale, int iterations) {
    super(reason, null, false, false);
    this.scale = scale > 0 ? scale : 1;
    this.period = period;
    this.block = block;
    this.variables = List.copyOf(variables);
    this.equation = equation;
    this.where = where;
    this.residual = residual;
    this.iterations = iterations;
  }

  public int period() {
    return period;
  }

  public List<String> variables() {
    return variables;
  }

  public double residual() {
    return residual;
  }

  /** The worst equation's residual relative to its scale, as in the convergence test. */
  public double relativeResidual() {
    return residual / scale;
  }

  public int iterations() {
    return iterations;
  }

  /** The report shown to the user. */
  public String report() {
    List<String> shown = variables.size() > 12 ? variables.subList(0, 12) : variables;
    boolean singular = getMessage().startsWith("the Jacobian is singular");
    return "solver failure in period " + period + ": " + getMessage() + "\n"
        + "  block " + block + " (" + variables.size() + " variable" + (variables.size() == 1 ? "" : "s") + "): "
        + String.join(", ", shown) + (variables.size() > shown.size() ? ", ..." : "") + "\n"
        + "  largest residual " + String.format("%.3g", relativeResidual()) + " relative to scale ("
        + String.format("%.3g", residual) + " / " + String.format("%.3g", scale) + ") in equation '" + equation
        + "' (" + where + ")\n"
        + "  iterations tried: " + iterations + "\n"
        + (singular
            ? "  = help: the block's equations do not depend on its variables near this point: check for a variable"
                + " that drops out (multiplied by zero) or a redundant equation\n"
            : "  = help: check the equations of this block for a sign error or a missing term; try --method broyden"
                + " or --method gauss-seidel, or start from values nearer the solution\n");
  }
}
