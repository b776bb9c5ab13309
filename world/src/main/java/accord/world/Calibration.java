package accord.world;

import static accord.world.WorldData.REGIONS;
import static accord.world.WorldData.SECTORS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The calibration step: from the sourced 2024 data (models/world/data) to the parameters of the
 * world model (models/world/calibrated), so that 2024 is a solution of the model. It balances
 * the bilateral trade matrices by RAS, splits demand by sector through the input-output table,
 * derives income shares, tax and retention rates, and the balance sheets (money, bonds,
 * reserves, foreign holdings) that the flows and the net international positions imply.
 * Every assumption is a named constant here and is listed in docs/world-model.md.
 */
public final class Calibration {

  /** Labour share of value added (assumption; ILO and AMECO put it near 0.5-0.6). */
  static final double LABOUR_SHARE = 0.55;
  /**
   * Trend growth per quarter, as in the model (gq): 5% a year (nominal medium-term growth in the
   * IMF WEO, carried in volumes: baseline prices are flat). The fiscal calibration sets each
   * government's 2024 deficit to the one that keeps its debt ratio steady on this trend
   * (assumption: a steady baseline; the 2024 deficits themselves are not in the data files).
   */
  static final double TREND = 0.012272234;
  /** Least share of households' net worth in foreign bills where firms lend abroad (assumption). */
  static final double MIN_FOREIGN_SHARE = 0.02;
  /** Money (deposits) as a share of households' non-equity financial wealth (assumption). */
  static final double MONEY_SHARE = 0.3;
  /** Least share of equity in households' non-financial-asset wealth (assumption). */
  static final double MIN_EQUITY_SHARE = 0.05;
  /**
   * Share of households' equity invested abroad (assumption: home bias; Coeurdacier and Rey 2013
   * put the foreign share of equity portfolios at 0.1-0.5), spread over foreign issuers by size.
   */
  static final double FOREIGN_EQUITY_SHARE = 0.2;
  /** Propensity to consume out of disposable income (Godley and Lavoie 2007, ch. 12). */
  static final double ALPHA1 = 0.75;
  /** Smallest home share of a sector's composite demand (keeps domestic production positive). */
  static final double MIN_HOME_SHARE = 0.05;
  /** Final-demand budget shares by sector before balancing (assumption, world-typical). */
  static final double[] FINAL_SHARES = {0.07, 0.05, 0.001, 0.01, 0.05, 0.05, 0.05, 0.05, 0.08, 0.589};

  final WorldData data;
  final int nr = REGIONS.size();
  final int ns = SECTORS.size();
  /** Pre-tariff trade o -> d in sector s, USD bn per quarter, after balancing. */
  final double[][][] trade = new double[nr][nr][ns];
  final double[][][] tariff = new double[nr][nr][ns];
  final double[][] phi = new double[nr][ns];
  final double[][] homeShare = new double[nr][ns];
  final double[][] output = new double[nr][ns];
  /** Foreign bills of j held by k's households (k's firms hold {@link #firmHoldings}), j's units. */
  final double[][] holdings = new double[nr][nr];
  final double[][] firmHoldings = new double[nr][nr];
  /** Foreign-portfolio weights of holders in k (households and firms alike). */
  final double[][] weights = new double[nr][nr];
  /** Reserve managers' weights: share of k's reserves held in j's bills. */
  final double[][] reserveWeights = new double[nr][nr];
  /** Bills of each issuer held as reserves by the other central banks, USD bn. */
  final double[] officialHeld = new double[nr];
  final Region[] region = new Region[nr];
  /** Share of j's equity held by k's households (the rest of each row's portfolio is at home). */
  final double[][] equityShares = new double[nr][nr];
  /** Each region's net equity position (households' equity less its firms' equity), USD bn. */
  private final double[] netEquity;
  /** The net equity positions of the previous pass, which the net bond positions leave out. */
  private final double[] equityBefore;

  /** The quarterly 2024 values of one region (USD bn; rates in percent). */
  static final class Region {
    double gdp, tb, f, c, i, g, va, tar, wb, prof, ret, theta, yd, inth, oth, t, div, divr, fb, fbf, eqi, aer, eqh;
    double b, res, v, nfw, eqv, hw, m, bcb, bhh, fbh, liab, niipBonds, niipOther, npiBonds;
    double r, y10, fx, a1, a2, cbp, ca;
  }

  /**
   * The calibration of the data. Net bond positions sit on the trend net of the equity
   * positions, which the income step derives: repeated until the two agree.
   */
  public static Calibration of(WorldData data) {
    Calibration c = new Calibration(data, new double[REGIONS.size()]);
    for (int pass = 0; pass < 50; pass++) {
      Calibration next = new Calibration(data, c.netEquity);
      double change = 0;
      for (int r = 0; r < next.nr; r++) {
        change = Math.max(change, Math.abs(next.netEquity[r] - c.netEquity[r]) / Math.max(1, next.region[r].gdp));
      }
      c = next;
      if (change < 1e-13) {
        return c;
      }
    }
    throw new IllegalStateException("the net equity positions do not settle");
  }

  private Calibration(WorldData data, double[] equityBefore) {
    this.data = data;
    this.equityBefore = equityBefore;
    balanceTrade();
    for (int r = 0; r < nr; r++) {
      region[r] = new Region();
      demand(r);
    }
    balanceSheets();
    for (int r = 0; r < nr; r++) {
      incomes(r);
      for (int j = 0; j < nr; j++) {
        holdings[r][j] = weights[r][j] * region[r].fbh;
        firmHoldings[r][j] = weights[r][j] * region[r].fbf;
      }
    }
    netEquity = crossBorderEquity();
  }

  /**
   * Households hold FOREIGN_EQUITY_SHARE of their equity abroad, spread over the other issuers
   * by the size of their equity, and the rest at home. What they receive from abroad in
   * dividends less what their firms pay abroad leaves the region's other current income (so
   * that 2024's current account and disposable income stay), the tax rate applies to the
   * dividends households receive, and housing is the rest of their net worth. Returns the net
   * equity positions.
   */
  private double[] crossBorderEquity() {
    double[] net = new double[nr];
    for (int k = 0; k < nr; k++) {
      double others = 0;
      for (int j = 0; j < nr; j++) {
        others += j == k ? 0 : region[j].eqv;
      }
      for (int j = 0; j < nr; j++) {
        if (j != k) {
          // k's households put FOREIGN_EQUITY_SHARE x (their home market) abroad, j's part by size
          equityShares[k][j] = FOREIGN_EQUITY_SHARE * region[k].eqv / others;
        }
      }
    }
    for (int j = 0; j < nr; j++) {
      double abroad = 0;
      for (int k = 0; k < nr; k++) {
        abroad += k == j ? 0 : equityShares[k][j];
      }
      if (abroad > 1) {
        throw new IllegalStateException(REGIONS.get(j) + ": foreigners would hold more than all its equity");
      }
      equityShares[j][j] = 1 - abroad;
    }
    for (int k = 0; k < nr; k++) {
      Region x = region[k];
      x.eqh = 0;
      x.divr = 0;
      for (int j = 0; j < nr; j++) {
        x.eqh += equityShares[k][j] * region[j].eqv;
        x.divr += equityShares[k][j] * region[j].div;
      }
      net[k] = x.eqh - x.eqv;
      x.oth -= x.divr - x.div;
      x.theta = x.t / (x.wb + x.divr + x.inth);
      x.hw = x.v - x.nfw - x.eqh;
      x.niipOther = data.value(REGIONS.get(k), "niip") - x.niipBonds - net[k];
      if (x.hw < 0) {
        throw new IllegalStateException(REGIONS.get(k) + ": net worth is smaller than its financial assets");
      }
    }
    return net;
  }

  private void balanceTrade() {
    for (int o = 0; o < nr; o++) {
      for (int d = 0; d < nr; d++) {
        for (int s = 0; s < ns; s++) {
          tariff[d][o][s] = o == d ? 0 : data.tariff(REGIONS.get(d), REGIONS.get(o), SECTORS.get(s));
        }
      }
    }
    double[][] goods = new double[nr][nr];
    double[][] services = new double[nr][nr];
    for (int o = 0; o < nr; o++) {
      for (int d = 0; d < nr; d++) {
        if (o == d) {
          continue;
        }
        for (int s = 0; s < ns - 1; s++) {
          goods[o][d] += data.goods(REGIONS.get(o), REGIONS.get(d), SECTORS.get(s));
        }
        services[o][d] = data.services().getOrDefault(REGIONS.get(o) + "." + REGIONS.get(d), 0.0);
      }
    }
    double[][] goodsRas = ras(goods, "exports_goods", "imports_goods");
    double[][] servicesRas = ras(services, "exports_services", "imports_services");
    for (int o = 0; o < nr; o++) {
      for (int d = 0; d < nr; d++) {
        if (o == d) {
          continue;
        }
        for (int s = 0; s < ns - 1; s++) {
          double raw = data.goods(REGIONS.get(o), REGIONS.get(d), SECTORS.get(s));
          trade[o][d][s] = goods[o][d] > 0 ? raw * goodsRas[o][d] / goods[o][d] / 4 : 0;
        }
        trade[o][d][ns - 1] = servicesRas[o][d] / 4;
      }
    }
  }

  /**
   * RAS to exporters' and importers' totals. The nine regions keep their data totals; the rest
   * of the world takes the difference: its data totals (world less the nine) include the trade
   * of its countries with one another, which the model counts as domestic, so its trade with
   * the nine is the mean of the matrix's own row and column (the nine's records), split so that
   * world exports equal world imports.
   */
  private double[][] ras(double[][] m, String exportVar, String importVar) {
    double[] rows = new double[nr];
    double[] cols = new double[nr];
    int row = REGIONS.indexOf("ROW");
    double gap = 0;
    double recorded = 0;
    for (int r = 0; r < nr; r++) {
      if (r == row) {
        for (int k = 0; k < nr; k++) {
          recorded += (m[r][k] + m[k][r]) / 2;
        }
        continue;
      }
      rows[r] = data.value(REGIONS.get(r), exportVar);
      cols[r] = data.value(REGIONS.get(r), importVar);
      gap += cols[r] - rows[r];
    }
    rows[row] = recorded + gap / 2;
    cols[row] = recorded - gap / 2;
    double sumRows = 0;
    double sumCols = 0;
    for (int r = 0; r < nr; r++) {
      sumRows += rows[r];
      sumCols += cols[r];
    }
    double world = (sumRows + sumCols) / 2;
    for (int r = 0; r < nr; r++) {
      rows[r] *= world / sumRows;
      cols[r] *= world / sumCols;
    }
    double[][] out = new double[nr][];
    for (int r = 0; r < nr; r++) {
      out[r] = m[r].clone();
    }
    Ras.balance(out, rows, cols);
    return out;
  }

  double exports(int r, int s) {
    double x = 0;
    for (int d = 0; d < nr; d++) {
      x += trade[r][d][s];
    }
    return x;
  }

  double landedImports(int d, int s) {
    double m = 0;
    for (int o = 0; o < nr; o++) {
      m += trade[o][d][s] * (1 + tariff[d][o][s]);
    }
    return m;
  }

  /** Final demand by sector and gross output through the input-output table (quarterly). */
  private void demand(int r) {
    Region x = region[r];
    String name = REGIONS.get(r);
    x.gdp = data.value(name, "gdp") / 4;
    for (int s = 0; s < ns; s++) {
      x.tb += exports(r, s);
      for (int o = 0; o < nr; o++) {
        x.tb -= trade[o][r][s];
        x.tar += trade[o][r][s] * tariff[r][o][s];
      }
    }
    x.f = x.gdp - x.tb;
    x.c = data.value(name, "household_consumption") * x.gdp;
    x.i = data.value(name, "gross_fixed_capital_formation") * x.gdp;
    x.g = x.f - x.c - x.i;
    System.arraycopy(FINAL_SHARES, 0, phi[r], 0, ns);
    for (int round = 0; round < 200; round++) {
      double[] q = grossOutput(r);
      boolean changed = false;
      for (int s = 0; s < ns; s++) {
        double domestic = q[s] - exports(r, s);
        double composite = domestic + landedImports(r, s);
        if (domestic < MIN_HOME_SHARE * composite - 1e-9) {
          phi[r][s] += (MIN_HOME_SHARE * composite - domestic) / x.f * 1.05;
          changed = true;
        }
      }
      normaliseAwayFromServices(r);
      if (!changed) {
        break;
      }
    }
    double[] q = grossOutput(r);
    for (int s = 0; s < ns; s++) {
      output[r][s] = q[s];
      double domestic = q[s] - exports(r, s);
      homeShare[r][s] = domestic / (domestic + landedImports(r, s));
    }
  }

  /** Services absorb the changes of the other shares, so the shares keep summing to one. */
  private void normaliseAwayFromServices(int r) {
    double others = 0;
    for (int s = 0; s < ns - 1; s++) {
      others += phi[r][s];
    }
    phi[r][ns - 1] = 1 - others;
    if (phi[r][ns - 1] < 0.2) {
      throw new IllegalStateException(REGIONS.get(r) + ": final-demand shares cannot be balanced");
    }
  }

  /** Solves Q = IO Q + phi F - M_landed + X (Gaussian elimination on I - IO). */
  double[] grossOutput(int r) {
    double[][] a = new double[ns][ns + 1];
    for (int s = 0; s < ns; s++) {
      for (int k = 0; k < ns; k++) {
        a[s][k] = (s == k ? 1 : 0) - data.io(SECTORS.get(s), SECTORS.get(k));
      }
      a[s][ns] = phi[r][s] * region[r].f - landedImports(r, s) + exports(r, s);
    }
    return solve(a);
  }

  /**
   * Balance sheets on the balanced-growth path through 2024's flows: each region's net bond
   * position is its current account / trend growth (so that its current account keeps it
   * steady relative to GDP); the rest of the NIIP is the part the model does not hold as bills
   * (equity, FDI: 'niipo'). Gross foreign holdings follow issuers' debt (gravity weights) and
   * are the smallest that leave every region a positive portfolio of foreign bills.
   */
  private void balanceSheets() {
    int us = REGIONS.indexOf("USA");
    double[][] bw = new double[nr][nr];
    double[] target = new double[nr];
    for (int r = 0; r < nr; r++) {
      Region x = region[r];
      String name = REGIONS.get(r);
      x.b = data.value(name, "government_debt") / 100 * data.value(name, "gdp");
      x.res = r == us ? 0 : data.value(name, "fx_reserves");
      WorldData.Figure nw = data.figure(name, "household_net_worth");
      x.v = nw.unit().startsWith("ratio") ? nw.value() * data.value(name, "gdp") : nw.value();
      x.r = data.value(name, "policy_rate");
      x.y10 = data.value(name, "yield_10y");
      x.fx = data.value(name, "fx_avg");
      x.ca = data.value(name, "current_account") / 4;
    }
    reserveWeights();
    for (int k = 0; k < nr; k++) {
      double total = 0;
      for (int j = 0; j < nr; j++) {
        bw[k][j] = k == j ? 0 : region[j].b;
        total += bw[k][j];
      }
      for (int j = 0; j < nr; j++) {
        bw[k][j] /= total;
      }
      // the net foreign position that the current account keeps steady on the trend, less the
      // part held as equity
      region[k].niipBonds = region[k].ca / TREND - equityBefore[k];
      // FBH_k - LIAB_k = NIIP_bonds_k - RES_k (+ dollar reserves held abroad, for the US)
      target[k] = region[k].niipBonds - region[k].res + officialHeld[k];
    }
    double[] fbh = grossPositions(bw, target);
    for (int k = 0; k < nr; k++) {
      for (int j = 0; j < nr; j++) {
        weights[k][j] = bw[k][j];
        holdings[k][j] = bw[k][j] * fbh[k];
        region[k].aer += bw[k][j] * region[j].r;
      }
    }
    for (int r = 0; r < nr; r++) {
      Region x = region[r];
      for (int j = 0; j < nr; j++) {
        x.fbh += holdings[r][j];
        x.liab += holdings[j][r];
      }
      x.nfw = x.b + x.res - x.liab - officialHeld[r] + x.fbh;
      if (x.nfw <= 0) {
        throw new IllegalStateException(REGIONS.get(r) + ": households' money and bills would be negative");
      }
      money(r);
      x.niipOther = data.value(REGIONS.get(r), "niip") - x.niipBonds;
    }
  }

  /**
   * Solves FBH - BW' FBH = target. BW's rows sum to one, so the system is singular with a
   * one-dimensional null space (BW's stationary vector): take any solution and add the least
   * multiple of that vector that gives every region foreign holdings of at least 2% of its
   * net worth.
   */
  private double[] grossPositions(double[][] bw, double[] target) {
    int n = nr;
    double[][] a = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        a[i][k] = (i == k ? 1 : 0) - bw[k][i];
      }
      a[i][n] = target[i];
    }
    // replace the last (dependent) equation by FBH_last = 0 for a particular solution
    for (int k = 0; k <= n; k++) {
      a[n - 1][k] = k == n - 1 ? 1 : 0;
    }
    double[] particular = solve(a);
    double[] stationary = new double[n];
    java.util.Arrays.fill(stationary, 1.0 / n);
    for (int it = 0; it < 10000; it++) {
      double[] next = new double[n];
      for (int k = 0; k < n; k++) {
        for (int j = 0; j < n; j++) {
          next[j] += stationary[k] * bw[k][j];
        }
      }
      stationary = next;
    }
    double c = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < n; k++) {
      c = Math.max(c, (0.02 * region[k].v - particular[k]) / stationary[k]);
    }
    double[] fbh = new double[n];
    for (int k = 0; k < n; k++) {
      fbh[k] = particular[k] + c * stationary[k];
    }
    return fbh;
  }

  /** Solves the augmented system [A | b] with the engine's LU decomposition. */
  private static double[] solve(double[][] a) {
    int n = a.length;
    double[] lu = new double[n * n];
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, lu, i * n, n);
      x[i] = a[i][n];
    }
    int[] pivot = new int[n];
    if (!accord.solve.Lu.factor(lu, n, pivot)) {
      throw new IllegalStateException("a calibration system is singular");
    }
    accord.solve.Lu.solve(lu, n, pivot, x);
    return x;
  }


  /** Incomes: value added, wages, profits, interest, the tax and retention rates (quarterly). */
  private void incomes(int r) {
    Region x = region[r];
    int us = REGIONS.indexOf("USA");
    x.va = x.gdp - x.tar;
    x.wb = LABOUR_SHARE * x.va;
    x.prof = x.va - x.wb;
    double paid = x.r / 400 * (x.liab + officialHeld[r]);
    double received = x.res * reserveReturn(r) / 400;
    for (int j = 0; j < nr; j++) {
      received += holdings[r][j] * region[j].r / 400;
    }
    x.npiBonds = received - paid;
    x.oth = x.ca - x.tb - x.npiBonds;
    x.yd = data.value(REGIONS.get(r), "household_disposable_income") * x.gdp;
    double minEquity = MIN_EQUITY_SHARE * (x.v - x.nfw);
    taxesAndRetention(r);
    double natural = x.i - x.ret * x.prof;
    double newEquity = natural;
    if (natural < 0) {
      // firms retain more than they invest (Japan, China): they issue equity at the trend of a
      // minimal stock and lend the rest, growing at the trend: g (FB + FBF) = retained + interest
      // - investment + new equity. They lend at home (bills FB) as far as households can spare
      // bills while their money still backs the reserves, and abroad (FBF, taken from the
      // region's foreign bills) beyond that: Japan's firms, whose surplus its market cannot take.
      // A fixed point, because the bills firms hold are no longer households' and pay no
      // interest to them.
      double nfwAll = x.nfw;
      double foreignAll = x.fbh;
      double home = nfwAll - foreignAll - x.res - 0.11 * x.b;
      double abroad = foreignAll - MIN_FOREIGN_SHARE * x.v;
      for (int round = 0; round < 500; round++) {
        x.nfw = nfwAll - x.fb - x.fbf;
        x.fbh = foreignAll - x.fbf;
        money(r);
        taxesAndRetention(r);
        double total = (x.ret * x.prof + x.r / 400 * x.fb + x.aer / 400 * x.fbf - x.i + TREND * minEquity) / TREND;
        if (total > home + abroad) {
          // more than both can take (Japan, where a 5% trend on a debt of 2.4 x GDP asks for a
          // deficit that would leave firms 17% of GDP to lend): firms retain only what they can
          // lend at the trend and pay out the rest, which the government taxes away to keep
          // 2024's disposable income. Its deficit is then smaller than the trend asks and its
          // debt ratio falls, as Japan's has since 2020.
          x.fb = home;
          x.fbf = abroad;
          x.nfw = nfwAll - x.fb - x.fbf;
          x.fbh = foreignAll - x.fbf;
          money(r);
          taxesAndRetention(r);
          x.ret = ((TREND - x.r / 400) * home + (TREND - x.aer / 400) * abroad + x.i - TREND * minEquity) / x.prof;
          x.t = x.wb + (1 - x.ret) * x.prof + x.inth + x.oth - x.yd;
          break;
        }
        double fb = Math.min(total, home);
        double fbf = total - fb;
        if (Math.abs(fb - x.fb) + Math.abs(fbf - x.fbf) < 1e-10 * Math.max(1, total)) {
          break;
        }
        x.fb = fb;
        x.fbf = fbf;
      }
      newEquity = TREND * minEquity;
    }
    x.eqi = newEquity / x.i;
    x.div = (1 - x.ret) * x.prof;
    // the firms' equity = new issues / trend growth (a steady equity-to-income ratio)
    x.eqv = x.eqi * x.i / TREND;
    x.a1 = Math.min(ALPHA1, 0.9 * x.c / x.yd);
    x.a2 = (x.c - x.a1 * x.yd) / x.v;
  }

  /**
   * Money is MONEY_SHARE of households' money and bills, more where that would not back the
   * reserves (BCB >= 0), less where they would otherwise hold under a tenth of their
   * government's bills.
   */
  private void money(int r) {
    Region x = region[r];
    x.m = Math.min(Math.max(MONEY_SHARE * x.nfw, x.res + 0.01 * x.b), x.nfw - x.fbh - 0.1 * x.b);
    if (x.m < x.res + 0.01 * x.b - 1e-9 * x.b) {
      throw new IllegalStateException(REGIONS.get(r) + ": money cannot back the reserves and leave households bills");
    }
    x.bcb = x.m - x.res;
    x.bhh = x.nfw - x.m - x.fbh;
    x.cbp = x.r / 400 * x.bcb + reserveReturn(r) / 400 * x.res;
  }

  /** Taxes that make the deficit trend x debt, then the retention rate that gives 2024's YD. */
  private void taxesAndRetention(int r) {
    Region x = region[r];
    x.inth = x.r / 400 * x.bhh + x.fbh * x.aer / 400;
    x.t = x.g + x.r / 400 * x.b - x.tar - x.cbp - TREND * x.b;
    double dividends = x.yd - x.wb - x.inth - x.oth + x.t;
    x.ret = 1 - dividends / x.prof;
    if (x.ret < 0 || x.ret > 0.95) {
      x.ret = Math.max(0, Math.min(0.95, x.ret));
      x.t = x.wb + (1 - x.ret) * x.prof + x.inth + x.oth - x.yd;
    }
  }

  /** The average rate k's reserves earn, percent. */
  private double reserveReturn(int k) {
    double r = 0;
    for (int j = 0; j < nr; j++) {
      r += reserveWeights[k][j] * region[j].r;
    }
    return r;
  }

  /**
   * Reserve managers' weights: the dollar share of each holder's reserves is IMF COFER's world
   * dollar share scaled by the holder's Treasury intensity (TIC official holdings over its
   * reserves, relative to the world's), at most 90%; the rest follows COFER's other currencies,
   * less the holder's own.
   */
  private void reserveWeights() {
    int us = REGIONS.indexOf("USA");
    double ticWorld = 0;
    double resWorld = 0;
    for (int k = 0; k < nr; k++) {
      if (k != us) {
        ticWorld += data.officialTreasuries(REGIONS.get(k));
        resWorld += region[k].res;
      }
    }
    double cofer = 0;
    for (String j : REGIONS) {
      cofer += data.reserveShare(j);
    }
    for (int k = 0; k < nr; k++) {
      if (k == us || region[k].res <= 0) {
        continue;
      }
      double intensity = data.officialTreasuries(REGIONS.get(k)) / region[k].res / (ticWorld / resWorld);
      double dollars = Math.min(0.9, data.reserveShare("USA") / cofer * intensity);
      double others = 0;
      for (int j = 0; j < nr; j++) {
        others += j == us || j == k ? 0 : data.reserveShare(REGIONS.get(j));
      }
      for (int j = 0; j < nr; j++) {
        reserveWeights[k][j] = j == us ? dollars : j == k ? 0 : (1 - dollars) * data.reserveShare(REGIONS.get(j)) / others;
        officialHeld[j] += reserveWeights[k][j] * region[k].res;
      }
    }
  }


  /** Writes models/world/calibrated/*.csv, the files the model reads. */
  public void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<String> lines = new ArrayList<>();
    lines.add("Region,gdp0,c0,i0,g0,va0,wb0,prof0,tar0,yd0,t0,inth0,oth0,theta,ret,a1,a2,b0,res0,v0,nfw0,eqv0,hw0,"
        + "m0,bcb0,bhh0,fbh0,r0,y100,fx0,niipo,npib0,ca0,tb0,cbp0,fb0,fbf0,eqi");
    for (int r = 0; r < nr; r++) {
      Region x = region[r];
      lines.add(REGIONS.get(r) + "," + join(x.gdp, x.c, x.i, x.g, x.va, x.wb, x.prof, x.tar, x.yd, x.t, x.inth, x.oth,
          x.theta, x.ret, x.a1, x.a2, x.b, x.res, x.v, x.nfw, x.eqv, x.hw, x.m, x.bcb, x.bhh, x.fbh, x.r, x.y10, x.fx,
          x.niipOther, x.npiBonds, x.ca, x.tb, x.cbp, x.fb, x.fbf, x.eqi));
    }
    write(dir.resolve("regions.csv"), lines);
    lines = new ArrayList<>(List.of("Region,Sector,phi,hs0,q0,x0,ml0"));
    for (int r = 0; r < nr; r++) {
      for (int s = 0; s < ns; s++) {
        lines.add(REGIONS.get(r) + "," + SECTORS.get(s) + "," + join(phi[r][s], homeShare[r][s], output[r][s],
            exports(r, s), landedImports(r, s)));
      }
    }
    write(dir.resolve("sectors.csv"), lines);
    lines = new ArrayList<>(List.of("Region,Region,Sector,x0,tar0"));
    for (int o = 0; o < nr; o++) {
      for (int d = 0; d < nr; d++) {
        for (int s = 0; s < ns; s++) {
          lines.add(REGIONS.get(o) + "," + REGIONS.get(d) + "," + SECTORS.get(s) + ","
              + join(trade[o][d][s] * (1 + tariff[d][o][s]), tariff[d][o][s]));
        }
      }
    }
    write(dir.resolve("flows.csv"), lines);
    lines = new ArrayList<>(List.of("Sector,Sector,value"));
    for (String k : SECTORS) {
      for (String s : SECTORS) {
        lines.add(k + "," + s + "," + join(data.io(k, s)));
      }
    }
    write(dir.resolve("io.csv"), lines);
    lines = new ArrayList<>(List.of("Region,Region,bh0,bf0,bw0,rw0,eh0"));
    for (int k = 0; k < nr; k++) {
      for (int j = 0; j < nr; j++) {
        lines.add(REGIONS.get(k) + "," + REGIONS.get(j) + "," + join(holdings[k][j], firmHoldings[k][j], weights[k][j],
            reserveWeights[k][j], equityShares[k][j]));
      }
    }
    write(dir.resolve("holdings.csv"), lines);
  }

  private static void write(Path file, List<String> lines) throws IOException {
    lines.add(0, "# generated by 'accord calibrate' from models/world/data; do not edit by hand");
    Files.writeString(file, String.join("\n", lines) + "\n");
  }

  private static String join(double... xs) {
    StringBuilder b = new StringBuilder();
    for (double v : xs) {
      if (b.length() > 0) {
        b.append(',');
      }
      b.append(String.format(Locale.ROOT, "%.17g", v));
    }
    return b.toString();
  }

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : "models/world");
    Calibration.of(WorldData.read(root.resolve("data"))).write(root.resolve("calibrated"));
  }
}
