package accord.solve;

/** The iteration used on simultaneous blocks (the three that sfcr offers, for comparison). */
public enum Method {
  /** Newton-Raphson with the exact Jacobian and a backtracking step. The default. */
  NEWTON,
  /** Broyden's quasi-Newton update, started from the exact Jacobian. */
  BROYDEN,
  /** Gauss-Seidel over the tear variables (a Newton step for implicit equations). */
  GAUSS_SEIDEL
}
