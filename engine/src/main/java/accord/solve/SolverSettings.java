package accord.solve;

/**
 * How blocks are solved. A block has converged when every residual is below {@code tolerance}
 * relative to max(1, |lhs|, |rhs|, |x|, the sum of |t| over
 * the additive terms t of both sides) (x its tear variable: an implicit equation 0 = B - BHH - BCB
 * balances numbers its two sides do not show), or when the last step moved every variable by less than
 * {@code stepTolerance * max(1, |x|)} with residuals below 1000 x tolerance. Scaling by
 * max(1, |x|) is right for negative variables too.
 */
public record SolverSettings(Method method, double tolerance, double stepTolerance, int maxIterations) {

  public static final SolverSettings DEFAULT = new SolverSettings(Method.NEWTON, 1e-13, 1e-14, 100);

  public SolverSettings withMethod(Method m) {
    return new SolverSettings(m, tolerance, stepTolerance, m == Method.GAUSS_SEIDEL ? Math.max(maxIterations, 2000) : maxIterations);
  }
}
