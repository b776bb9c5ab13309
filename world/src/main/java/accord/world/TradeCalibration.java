package accord.world;

import static accord.world.WorldData.REGIONS;
import static accord.world.WorldData.SECTORS;

/**
 * Trade and production in 2024: the bilateral matrices balanced by RAS, tariffs as collected,
 * final demand by sector and gross output through each region's own input-output table.
 * Quarterly USD bn.
 */
final class TradeCalibration {

  /** Smallest home share of a sector's composite demand (keeps domestic production positive). */
  static final double MIN_HOME_SHARE = 0.05;
  /** Labour share of value added (assumption; ILO and AMECO put it near 0.5-0.6). */
  static final double LABOUR_SHARE = 0.55;

  final WorldData data;
  final int nr = REGIONS.size();
  final int ns = SECTORS.size();
  /** Pre-tariff trade o -> d in sector s, after balancing. */
  final double[][][] trade = new double[nr][nr][ns];
  /** Tariff of importer d on exporter o in sector s, as collected. */
  final double[][][] tariff = new double[nr][nr][ns];
  /** The statutory estimate each collected rate was scaled from (for the report). */
  final double[][][] statutory = new double[nr][nr][ns];
  final double[][] phi = new double[nr][ns];
  final double[][] homeShare = new double[nr][ns];
  final double[][] output = new double[nr][ns];
  /** Labour cost per unit of output. */
  final double[][] labourCost = new double[nr][ns];
  final double[] gdp = new double[nr];
  final double[] finalDemand = new double[nr];

  TradeCalibration(WorldData data) {
    this.data = data;
    balanceTrade();
    collectedTariffs();
    for (int r = 0; r < nr; r++) {
      gdp[r] = data.value(REGIONS.get(r), "gdp") / 4;
      finalDemand[r] = gdp[r] - tradeBalance(r);
      demand(r);
    }
  }

  private void balanceTrade() {
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

  /**
   * Tariffs as collected, not as scheduled: the statutory estimates of tariffs.csv are scaled so
   * that duties over imports match what customs collected in 2024 where that was read
   * (tariffs_collected.csv): the US in total (Treasury: 78.9 bn on 3,266 bn, 2.4%) and on China,
   * Canada and Mexico (USMCA claims and exemptions leave most of their trade duty-free), and
   * China in total (1.3%). Other importers keep the statutory estimates (no collected figure
   * was found; the data README says so).
   */
  private void collectedTariffs() {
    for (int o = 0; o < nr; o++) {
      for (int d = 0; d < nr; d++) {
        for (int s = 0; s < ns - 1; s++) {
          statutory[d][o][s] = o == d ? 0 : data.tariff(REGIONS.get(d), REGIONS.get(o), SECTORS.get(s));
          tariff[d][o][s] = statutory[d][o][s];
        }
      }
    }
    int us = REGIONS.indexOf("USA");
    double usTotal = collectedRate("USA", "WLD", "collected_rate_2024_duties_over_imports");
    double dutiesTarget = usTotal * goodsImports(us);
    double fixedDuties = 0;
    double freeDuties = 0;
    boolean[] fixed = new boolean[nr];
    String[][] partners = {{"CHN", "collected_rate_2024_approx"}, {"CAN", "collected_rate_2025_01"},
        {"MEX", "collected_rate_2025_01"}};
    for (String[] p : partners) {
      int o = REGIONS.indexOf(p[0]);
      if (duties(us, o) == 0) {
        // a free-trade partner: what it pays (goods outside USMCA) follows the US's MFN profile
        System.arraycopy(statutory[us][row()], 0, tariff[us][o], 0, ns - 1);
      }
      scale(us, o, collectedRate("USA", p[0], p[1]) * goodsFrom(o, us) / duties(us, o));
      fixed[o] = true;
      fixedDuties += duties(us, o);
    }
    for (int o = 0; o < nr; o++) {
      if (!fixed[o] && o != us) {
        freeDuties += duties(us, o);
      }
    }
    double rest = (dutiesTarget - fixedDuties) / freeDuties;
    for (int o = 0; o < nr; o++) {
      if (!fixed[o] && o != us) {
        scale(us, o, rest);
      }
    }
    int cn = REGIONS.indexOf("CHN");
    double cnTarget = collectedRate("CHN", "WLD", "collected_rate_2024") * goodsImports(cn);
    double cnDuties = 0;
    for (int o = 0; o < nr; o++) {
      cnDuties += duties(cn, o);
    }
    for (int o = 0; o < nr; o++) {
      scale(cn, o, cnTarget / cnDuties);
    }
  }

  private static int row() {
    return REGIONS.indexOf("ROW");
  }

  private double collectedRate(String importer, String exporter, String item) {
    WorldData.Figure f = data.collected(importer, exporter, item);
    if (f == null) {
      throw new IllegalStateException("models/world/data/tariffs_collected.csv has no " + item + " for " + importer
          + " from " + exporter);
    }
    return f.value();
  }

  private void scale(int d, int o, double factor) {
    for (int s = 0; s < ns - 1; s++) {
      tariff[d][o][s] *= factor;
    }
  }

  private double duties(int d, int o) {
    double x = 0;
    for (int s = 0; s < ns - 1; s++) {
      x += trade[o][d][s] * tariff[d][o][s];
    }
    return x;
  }

  private double goodsFrom(int o, int d) {
    double x = 0;
    for (int s = 0; s < ns - 1; s++) {
      x += trade[o][d][s];
    }
    return x;
  }

  double goodsImports(int d) {
    double x = 0;
    for (int o = 0; o < nr; o++) {
      x += goodsFrom(o, d);
    }
    return x;
  }

  double exports(int r, int s) {
    double x = 0;
    for (int d = 0; d < nr; d++) {
      x += trade[r][d][s];
    }
    return x;
  }

  double imports(int r) {
    double x = 0;
    for (int o = 0; o < nr; o++) {
      for (int s = 0; s < ns; s++) {
        x += trade[o][r][s];
      }
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

  double tariffRevenue(int d) {
    double t = 0;
    for (int o = 0; o < nr; o++) {
      t += duties(d, o);
    }
    return t;
  }

  double tradeBalance(int r) {
    double tb = -imports(r);
    for (int s = 0; s < ns; s++) {
      tb += exports(r, s);
    }
    return tb;
  }

  /**
   * Final demand by sector and gross output through the region's input-output table. The
   * final-demand budget shares start from the region's own (WIOD 2014: household, government
   * and investment spending by sector, weighted by 2024's consumption, investment and government
   * shares) and are raised where the region would otherwise produce under MIN_HOME_SHARE of its
   * own use of a sector, services taking up the difference.
   */
  private void demand(int r) {
    String name = REGIONS.get(r);
    double c = data.value(name, "household_consumption");
    double i = data.value(name, "gross_fixed_capital_formation");
    double g = 1 - c - i;
    for (int s = 0; s < ns; s++) {
      String sec = SECTORS.get(s);
      phi[r][s] = c * data.finalShare(name, sec, "household") + i * data.finalShare(name, sec, "investment")
          + Math.max(0, g) * data.finalShare(name, sec, "government");
    }
    double sum = 0;
    for (int s = 0; s < ns; s++) {
      sum += phi[r][s];
    }
    for (int s = 0; s < ns; s++) {
      phi[r][s] /= sum;
    }
    for (int round = 0; round < 200; round++) {
      double[] q = grossOutput(r);
      boolean changed = false;
      for (int s = 0; s < ns; s++) {
        double domestic = q[s] - exports(r, s);
        double composite = domestic + landedImports(r, s);
        if (domestic < MIN_HOME_SHARE * composite - 1e-9) {
          phi[r][s] += (MIN_HOME_SHARE * composite - domestic) / finalDemand[r] * 1.05;
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
      double inputs = 0;
      for (int u = 0; u < ns; u++) {
        inputs += io(r, u, s);
      }
      labourCost[r][s] = LABOUR_SHARE * (1 - inputs);
    }
  }

  double io(int r, int u, int s) {
    return data.io(REGIONS.get(r), SECTORS.get(u), SECTORS.get(s));
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
        a[s][k] = (s == k ? 1 : 0) - io(r, s, k);
      }
      a[s][ns] = phi[r][s] * finalDemand[r] - landedImports(r, s) + exports(r, s);
    }
    return Linear.solve(a);
  }
}
