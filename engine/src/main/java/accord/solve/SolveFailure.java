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
  private final int iterations;

  public SolveFailure(String reason, int period, int block, List<String> variables, String equation, String where,
      double residual, int iterations) {
    super(reason, null, false, false);
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

  public int iterations() {
    return iterations;
  }

  /** The report shown to the user. */
  public String report() {
    List<String> shown = variables.size() > 12 ? variables.subList(0, 12) : variables;
    return "solver failure in period " + period + ": " + getMessage() + "\n"
        + "  block " + block + " (" + variables.size() + " variable" + (variables.size() == 1 ? "" : "s") + "): "
        + String.join(", ", shown) + (variables.size() > shown.size() ? ", ..." : "") + "\n"
        + "  largest residual " + String.format("%.3g", residual) + " in equation '" + equation + "' (" + where + ")\n"
        + "  iterations tried: " + iterations + "\n"
        + "  = help: check the equations of this block for a sign error or a missing term; try --method broyden"
        + " or --method gauss-seidel, or start from values nearer the solution\n";
  }
}
