package accord.bench;

/**
 * Godley and Lavoie's model SIM (models/gl/sim.acc) written out by hand in plain Java: the same
 * equations 3.1-3.11, the same parameters, exogenous values and initial values (all zero), the
 * same convention that period 1 holds the initial values and periods 2..n are solved.
 *
 * <p>The simultaneous block (Y, Cs, Cd, YD, Ns, Nd, Ts, Td) is solved the way a careful
 * hand-coder would, in two variants:
 * <ul>
 *   <li>{@link #run} (benchmarked as {@code handSim}): Newton on the single tear variable Y
 *   with its derivative worked out by hand (a constant: the block is linear), starting from last
 *   period's value and converged to the engine's default test ({@code SolverSettings.DEFAULT}):
 *   the residual of Y = Cs + Gs at most 1e-13 relative to max(1, |lhs|, |rhs|), which is the
 *   engine's max(1, |lhs|, |rhs|, |x|) since the left side is the tear x. This takes one step and
 *   two evaluations of the block per period, as the engine does on these models (99 iterations
 *   in 99 periods).</li>
 *   <li>{@link #runClosedForm} ({@code handSimClosedForm}): the block reduced on paper to
 *   Y = (Gd + alpha2*Hh(-1)) / (1 - alpha1*(1 - theta)) (W cancels: W*Ns = Y); no iteration. It
 *   is the lower bound for any solver.</li>
 * </ul>
 * Both store every variable in every period, as the engine does.
 */
public final class HandWrittenSim {

  /** The endogenous variables, in the order of sim.acc. */
  public static final String[] VARIABLES = {"Cs", "Cd", "Gs", "Ts", "Td", "Ns", "Nd", "YD", "Hs", "Hh", "Y"};

  static final double ALPHA1 = 0.6;
  static final double ALPHA2 = 0.4;
  static final double THETA = 0.2;
  static final double GD = 20;
  static final double W = 1;

  static final double TOLERANCE = 1e-13;
  static final int MAX_ITERATIONS = 100;

  public final double[] Cs;
  public final double[] Cd;
  public final double[] Gs;
  public final double[] Ts;
  public final double[] Td;
  public final double[] Ns;
  public final double[] Nd;
  public final double[] YD;
  public final double[] Hs;
  public final double[] Hh;
  public final double[] Y;
  /** Newton steps taken over the run (0 for the closed form). */
  public int iterations;

  private HandWrittenSim(int periods) {
    // new double[] is zero: the initial values of period 1 (index 0) are all zero
    Cs = new double[periods];
    Cd = new double[periods];
    Gs = new double[periods];
    Ts = new double[periods];
    Td = new double[periods];
    Ns = new double[periods];
    Nd = new double[periods];
    YD = new double[periods];
    Hs = new double[periods];
    Hh = new double[periods];
    Y = new double[periods];
  }

  /** Newton on the tear Y (see the class comment). */
  public static HandWrittenSim run(int periods) {
    HandWrittenSim m = new HandWrittenSim(periods);
    // d(Y - Cs - Gs)/dY through Nd = Y/W, Td = theta*W*Ns, YD = W*Ns - Ts, Cd = alpha1*YD + ...
    final double dfdY = 1 - ALPHA1 * (W * (1 / W) - THETA * W * (1 / W));
    for (int t = 1; t < periods; t++) {
      double hhLag = m.Hh[t - 1];
      double gs = GD;                                   // 3.2
      double y = m.Y[t - 1];                            // starting guess: last period
      double ns;
      double td;
      double yd;
      double cd;
      for (int iter = 0; ; iter++) {
        double nd = y / W;                              // 3.11
        ns = nd;                                        // 3.4
        td = THETA * W * ns;                            // 3.6
        yd = W * ns - td;                               // 3.5 (Ts = Td, 3.3)
        cd = ALPHA1 * yd + ALPHA2 * hhLag;              // 3.7
        double rhs = cd + gs;                           // 3.10 (Cs = Cd, 3.1)
        double f = y - rhs;
        if (Math.abs(f) <= TOLERANCE * Math.max(1, Math.max(Math.abs(y), Math.abs(rhs)))) {
          break;
        }
        if (iter == MAX_ITERATIONS) {
          throw new IllegalStateException("SIM: no convergence in period " + (t + 1));
        }
        y -= f / dfdY;
        m.iterations++;
      }
      m.store(t, y, ns, td, yd, cd, gs, hhLag);
    }
    return m;
  }

  /** The block reduced to a closed form for Y (see the class comment). */
  public static HandWrittenSim runClosedForm(int periods) {
    HandWrittenSim m = new HandWrittenSim(periods);
    final double denominator = 1 - ALPHA1 * (1 - THETA);
    for (int t = 1; t < periods; t++) {
      double hhLag = m.Hh[t - 1];
      double gs = GD;
      double y = (GD + ALPHA2 * hhLag) / denominator;
      double ns = y / W;
      double td = THETA * W * ns;
      double yd = W * ns - td;
      double cd = ALPHA1 * yd + ALPHA2 * hhLag;
      m.store(t, y, ns, td, yd, cd, gs, hhLag);
    }
    return m;
  }

  private void store(int t, double y, double ns, double td, double yd, double cd, double gs, double hhLag) {
    Y[t] = y;
    Nd[t] = ns;
    Ns[t] = ns;
    Td[t] = td;
    Ts[t] = td;
    YD[t] = yd;
    Cd[t] = cd;
    Cs[t] = cd;
    Gs[t] = gs;
    Hs[t] = Hs[t - 1] + GD - td;                        // 3.8
    Hh[t] = hhLag + yd - cd;                            // 3.9
  }

  /** The series of a variable by its name in sim.acc. */
  public double[] series(String name) {
    switch (name) {
      case "Cs": return Cs;
      case "Cd": return Cd;
      case "Gs": return Gs;
      case "Ts": return Ts;
      case "Td": return Td;
      case "Ns": return Ns;
      case "Nd": return Nd;
      case "YD": return YD;
      case "Hs": return Hs;
      case "Hh": return Hh;
      case "Y": return Y;
      default: throw new IllegalArgumentException("SIM has no variable " + name);
    }
  }
}
