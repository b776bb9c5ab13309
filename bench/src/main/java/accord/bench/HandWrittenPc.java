package accord.bench;

/**
 * Godley and Lavoie's model PC (models/gl/pc.acc) written out by hand in plain Java: the same
 * equations 4.1-4.11 (4.7 in the multiplied-out form of pc.acc), the same parameters (Zezza's,
 * lambda1 = 5), exogenous values (G = 20, rbar = 0.025) and initial values (all stocks zero,
 * r = 0.025), and the same convention that period 1 holds the initial values.
 *
 * <p>The simultaneous block (Y, C, YD, T) is solved the way a careful hand-coder would, in two
 * variants:
 * <ul>
 *   <li>{@link #run} (benchmarked as {@code handPc}): Newton on the single tear variable Y
 *   with its derivative worked out by hand (a constant: the block is linear), starting from last
 *   period's value and converged to the engine's default test ({@code SolverSettings.DEFAULT}):
 *   the residual of Y = C + G at most 1e-13 relative to max(1, |lhs|, |rhs|), which is the
 *   engine's max(1, |lhs|, |rhs|, |x|) since the left side is the tear x. This takes one step and
 *   two evaluations of the block per period, as the engine does on these models (99 iterations
 *   in 99 periods).</li>
 *   <li>{@link #runClosedForm} ({@code handPcClosedForm}): the block reduced on paper to
 *   Y = (G + alpha1*(1 - theta)*r(-1)*Bh(-1) + alpha2*V(-1)) / (1 - alpha1*(1 - theta)); no
 *   iteration. It is the lower bound for any solver.</li>
 * </ul>
 * The rest of the model is recursive and follows in the engine's block order: V, r, Bh, Hh, Bs,
 * Bcb, Hs. Both variants store every variable in every period, as the engine does.
 */
public final class HandWrittenPc {

  /** The endogenous variables, in the order of pc.acc. */
  public static final String[] VARIABLES = {"Y", "YD", "T", "V", "C", "Hh", "Bh", "Bs", "Hs", "Bcb", "r"};

  static final double ALPHA1 = 0.6;
  static final double ALPHA2 = 0.4;
  static final double THETA = 0.2;
  static final double LAMBDA0 = 0.635;
  static final double LAMBDA1 = 5;
  static final double LAMBDA2 = 0.01;
  static final double G = 20;
  static final double RBAR = 0.025;
  static final double R_INITIAL = 0.025;

  static final double TOLERANCE = 1e-13;
  static final int MAX_ITERATIONS = 100;

  public final double[] Y;
  public final double[] YD;
  public final double[] T;
  public final double[] V;
  public final double[] C;
  public final double[] Hh;
  public final double[] Bh;
  public final double[] Bs;
  public final double[] Hs;
  public final double[] Bcb;
  public final double[] r;
  /** Newton steps taken over the run (0 for the closed form). */
  public int iterations;

  private HandWrittenPc(int periods) {
    Y = new double[periods];
    YD = new double[periods];
    T = new double[periods];
    V = new double[periods];
    C = new double[periods];
    Hh = new double[periods];
    Bh = new double[periods];
    Bs = new double[periods];
    Hs = new double[periods];
    Bcb = new double[periods];
    r = new double[periods];
    r[0] = R_INITIAL;                                   // every other initial value is zero
  }

  /** Newton on the tear Y (see the class comment). */
  public static HandWrittenPc run(int periods) {
    HandWrittenPc m = new HandWrittenPc(periods);
    // d(Y - C - G)/dY through T = theta*(Y + ...), YD = Y - T + ..., C = alpha1*YD + ...
    final double dfdY = 1 - ALPHA1 * (1 - THETA);
    for (int t = 1; t < periods; t++) {
      double interest = m.r[t - 1] * m.Bh[t - 1];       // r(-1)*Bh(-1)
      double vLag = m.V[t - 1];
      double y = m.Y[t - 1];                            // starting guess: last period
      double tax;
      double yd;
      double c;
      for (int iter = 0; ; iter++) {
        tax = THETA * (y + interest);                   // 4.3
        yd = y - tax + interest;                        // 4.2
        c = ALPHA1 * yd + ALPHA2 * vLag;                // 4.5
        double rhs = c + G;                             // 4.1
        double f = y - rhs;
        if (Math.abs(f) <= TOLERANCE * Math.max(1, Math.max(Math.abs(y), Math.abs(rhs)))) {
          break;
        }
        if (iter == MAX_ITERATIONS) {
          throw new IllegalStateException("PC: no convergence in period " + (t + 1));
        }
        y -= f / dfdY;
        m.iterations++;
      }
      m.store(t, y, tax, yd, c, vLag);
    }
    return m;
  }

  /** The block reduced to a closed form for Y (see the class comment). */
  public static HandWrittenPc runClosedForm(int periods) {
    HandWrittenPc m = new HandWrittenPc(periods);
    final double denominator = 1 - ALPHA1 * (1 - THETA);
    for (int t = 1; t < periods; t++) {
      double interest = m.r[t - 1] * m.Bh[t - 1];
      double vLag = m.V[t - 1];
      double y = (G + ALPHA1 * (1 - THETA) * interest + ALPHA2 * vLag) / denominator;
      double tax = THETA * (y + interest);
      double yd = y - tax + interest;
      double c = ALPHA1 * yd + ALPHA2 * vLag;
      m.store(t, y, tax, yd, c, vLag);
    }
    return m;
  }

  private void store(int t, double y, double tax, double yd, double c, double vLag) {
    double rLag = r[t - 1];
    Y[t] = y;
    T[t] = tax;
    YD[t] = yd;
    C[t] = c;
    double v = vLag + (yd - c);                         // 4.4
    V[t] = v;
    double rate = RBAR;                                 // 4.11
    r[t] = rate;
    double bh = v * (LAMBDA0 + LAMBDA1 * rate) - LAMBDA2 * yd;  // 4.7 (times V)
    Bh[t] = bh;
    Hh[t] = v - bh;                                     // 4.6
    double bs = Bs[t - 1] + (G + rLag * Bs[t - 1]) - (tax + rLag * Bcb[t - 1]);  // 4.8
    Bs[t] = bs;
    double bcb = bs - bh;                               // 4.10
    Bcb[t] = bcb;
    Hs[t] = Hs[t - 1] + (bcb - Bcb[t - 1]);             // 4.9
  }

  /** The series of a variable by its name in pc.acc. */
  public double[] series(String name) {
    switch (name) {
      case "Y": return Y;
      case "YD": return YD;
      case "T": return T;
      case "V": return V;
      case "C": return C;
      case "Hh": return Hh;
      case "Bh": return Bh;
      case "Bs": return Bs;
      case "Hs": return Hs;
      case "Bcb": return Bcb;
      case "r": return r;
      default: throw new IllegalArgumentException("PC has no variable " + name);
    }
  }
}
