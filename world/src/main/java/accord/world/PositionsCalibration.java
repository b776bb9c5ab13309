package accord.world;

import static accord.world.WorldData.REGIONS;

/**
 * External positions by instrument at end-2024 (USD bn): direct investment, portfolio equity,
 * debt (portfolio debt and other investment, short and long), official reserves, from each
 * region's IIP (positions.csv). The rest of the world closes every instrument so that world
 * assets equal world liabilities. Bilateral holdings are spread by RAS from a gravity prior
 * (holder's assets times issuer's liabilities); reserves follow IMF COFER and TIC. Government
 * debt is split into bills and an amortising pool of bonds with a coupon and a maturity
 * (debt_structure.csv).
 */
final class PositionsCalibration {

  /**
   * Share of listed capitalisation held at home where foreigners' holdings of equity and fund
   * shares exceed it (the euro area: Irish and Luxembourg funds); assumption.
   */
  static final double MIN_HOME_EQUITY = 0.3;
  /** Foreign holders' long share of the rest of the world's debt (assumption: the nine's average is near it). */
  static final double ROW_LONG_SHARE = 0.4;
  /**
   * The largest dollar share of a holder's reserves (assumption: every reserve manager keeps some
   * other currencies). It binds for Japan, whose Treasury intensity would give 93%.
   */
  static final double MAX_DOLLAR_SHARE = 0.9;

  final WorldData data;
  final int nr = REGIONS.size();
  final int us = REGIONS.indexOf("USA");
  final int row = REGIONS.indexOf("ROW");
  /** Direct investment, portfolio equity and private debt: assets and liabilities by region. */
  final double[] dia = new double[nr];
  final double[] dil = new double[nr];
  final double[] pea = new double[nr];
  final double[] pel = new double[nr];
  final double[] da = new double[nr];
  final double[] dl = new double[nr];
  final double[] res = new double[nr];
  /** Net derivatives and the statistical remainder of each NIIP. */
  final double[] other = new double[nr];
  final double[] niip = new double[nr];
  /** Bilateral holdings [holder][issuer]. */
  final double[][] fdi = new double[nr][nr];
  final double[][] equity = new double[nr][nr];
  final double[][] debt = new double[nr][nr];
  /** Private holders' weights (debt of j in k's foreign debt) and reserve managers' weights. */
  final double[][] weights = new double[nr][nr];
  final double[][] reserveWeights = new double[nr][nr];
  /** Debt of each issuer held as reserves. */
  final double[] official = new double[nr];
  /** Equity of each region's firms (market value) and the shares of it held by households and by firms. */
  final double[] equityValue = new double[nr];
  final double[][] householdShare = new double[nr][nr];
  final double[][] firmShare = new double[nr][nr];
  /** Long share of foreign holdings of each issuer's debt. */
  final double[] longShare = new double[nr];
  /** Government debt: face value, bills, bonds (face, market), coupon, maturing share, price. */
  final double[] govDebt = new double[nr];
  final double[] bills = new double[nr];
  final double[] bondsFace = new double[nr];
  final double[] bonds = new double[nr];
  final double[] coupon = new double[nr];
  final double[] maturing = new double[nr];
  final double[] price = new double[nr];

  PositionsCalibration(WorldData data) {
    this.data = data;
    read();
    closeTheWorld();
    reserves();
    bilateral();
    equity();
    governmentDebt();
  }

  private void read() {
    for (int r = 0; r < nr; r++) {
      String g = REGIONS.get(r);
      niip[r] = data.value(g, "niip");
      if (r == row) {
        res[r] = data.value(g, "fx_reserves");
        continue;
      }
      dia[r] = data.position(g, "direct_investment", "asset");
      dil[r] = data.position(g, "direct_investment", "liability");
      pea[r] = data.position(g, "portfolio_equity", "asset");
      pel[r] = data.position(g, "portfolio_equity", "liability");
      da[r] = data.position(g, "debt", "asset");
      dl[r] = data.position(g, "debt", "liability");
      // US reserve assets (gold, SDRs, IMF position) are not the other regions' debt: the model
      // holds none, and they stay in the US remainder
      res[r] = r == us ? 0 : data.position(g, "reserve_assets", "asset");
      longShare[r] = Math.min(1, data.position(g, "debt_long", "liability") / dl[r]);
      other[r] = niip[r] - (dia[r] - dil[r] + pea[r] - pel[r] + da[r] - dl[r] + res[r]);
    }
  }

  /**
   * The rest of the world closes each instrument so that world assets equal world liabilities.
   * Of its two sides, the smaller is its GDP at the nine's average ratio of that side
   * (assumption: it includes the UK, Switzerland, Singapore and the offshore centres, so its true
   * gross positions are larger) and the other adds the nine's net position.
   */
  private void closeTheWorld() {
    double gdpNine = 0;
    double[] sums = new double[7];
    for (int r = 0; r < nr; r++) {
      if (r == row) {
        continue;
      }
      gdpNine += data.value(REGIONS.get(r), "gdp");
      sums[0] += dia[r];
      sums[1] += dil[r];
      sums[2] += pea[r];
      sums[3] += pel[r];
      sums[4] += da[r] + res[r];
      sums[5] += dl[r];
    }
    double k = data.value("ROW", "gdp") / gdpNine;
    double[] fdiSides = close(k, sums[0], sums[1]);
    dia[row] = fdiSides[0];
    dil[row] = fdiSides[1];
    double[] equitySides = close(k, sums[2], sums[3]);
    pea[row] = equitySides[0];
    pel[row] = equitySides[1];
    // debt: the rest of the world's private claims and reserves against its debt owed
    double[] debtSides = close(k, sums[4], sums[5]);
    da[row] = debtSides[0] - res[row];
    dl[row] = debtSides[1];
    longShare[row] = ROW_LONG_SHARE;
    other[row] = niip[row] - (dia[row] - dil[row] + pea[row] - pel[row] + da[row] - dl[row] + res[row]);
    for (double v : new double[] {dia[row], dil[row], pea[row], pel[row], da[row], dl[row]}) {
      if (v <= 0) {
        throw new IllegalStateException("ROW: closing the world's positions leaves a side negative");
      }
    }
  }

  /** The rest of the world's assets and liabilities of an instrument, given the nine's. */
  private static double[] close(double k, double assetsNine, double liabilitiesNine) {
    double net = liabilitiesNine - assetsNine;
    if (net > 0) {
      double liabilities = k * liabilitiesNine;
      return new double[] {liabilities + net, liabilities};
    }
    double assets = k * assetsNine;
    return new double[] {assets, assets - net};
  }

  /**
   * Reserve managers' weights: the dollar share of each holder's reserves is IMF COFER's world
   * dollar share scaled by the holder's Treasury intensity (TIC official holdings over its
   * reserves, relative to the world's), at most MAX_DOLLAR_SHARE; the rest follows COFER's other currencies,
   * less the holder's own.
   */
  private void reserves() {
    double ticWorld = 0;
    double resWorld = 0;
    for (int k = 0; k < nr; k++) {
      if (k != us) {
        ticWorld += data.officialTreasuries(REGIONS.get(k));
        resWorld += res[k];
      }
    }
    double cofer = 0;
    for (String j : REGIONS) {
      cofer += data.reserveShare(j);
    }
    for (int k = 0; k < nr; k++) {
      if (k == us || res[k] <= 0) {
        continue;
      }
      double intensity = data.officialTreasuries(REGIONS.get(k)) / res[k] / (ticWorld / resWorld);
      double dollars = Math.min(MAX_DOLLAR_SHARE, data.reserveShare("USA") / cofer * intensity);
      double others = 0;
      for (int j = 0; j < nr; j++) {
        others += j == us || j == k ? 0 : data.reserveShare(REGIONS.get(j));
      }
      for (int j = 0; j < nr; j++) {
        reserveWeights[k][j] = j == us ? dollars : j == k ? 0 : (1 - dollars) * data.reserveShare(REGIONS.get(j)) / others;
        official[j] += reserveWeights[k][j] * res[k];
      }
    }
  }

  /** Holder x issuer matrices: RAS from a gravity prior with no holdings of one's own. */
  private void bilateral() {
    double[] privateDebt = new double[nr];
    for (int j = 0; j < nr; j++) {
      privateDebt[j] = dl[j] - official[j];
      if (privateDebt[j] <= 0) {
        throw new IllegalStateException(REGIONS.get(j) + ": reserve managers would hold more of its debt than foreigners do");
      }
    }
    spread(fdi, dia, dil);
    spread(equity, pea, pel);
    spread(debt, da, privateDebt);
    for (int k = 0; k < nr; k++) {
      for (int j = 0; j < nr; j++) {
        weights[k][j] = debt[k][j] / da[k];
      }
    }
  }

  private void spread(double[][] m, double[] assets, double[] liabilities) {
    for (int k = 0; k < nr; k++) {
      for (int j = 0; j < nr; j++) {
        m[k][j] = k == j ? 0 : assets[k] * liabilities[j];
      }
    }
    Ras.balance(m, assets.clone(), liabilities.clone());
  }

  /**
   * Each region's equity: what its households hold at home (listed capitalisation less
   * foreigners' portfolio holdings, at least MIN_HOME_EQUITY of it), foreigners' portfolio
   * holdings and direct investment (taken as unlisted). The rest of the world's capitalisation
   * is its GDP at the nine's average ratio (assumption).
   */
  private void equity() {
    double capNine = 0;
    double gdpNine = 0;
    for (int r = 0; r < nr; r++) {
      if (r != row) {
        capNine += data.value(REGIONS.get(r), "equity_market_cap_2024");
        gdpNine += data.value(REGIONS.get(r), "gdp");
      }
    }
    for (int j = 0; j < nr; j++) {
      double cap = j == row ? capNine / gdpNine * data.value("ROW", "gdp")
          : data.value(REGIONS.get(j), "equity_market_cap_2024");
      double home = Math.max(cap - pel[j], MIN_HOME_EQUITY * cap);
      equityValue[j] = home + pel[j] + dil[j];
      householdShare[j][j] = home / equityValue[j];
      for (int k = 0; k < nr; k++) {
        if (k != j) {
          householdShare[k][j] = equity[k][j] / equityValue[j];
          firmShare[k][j] = fdi[k][j] / equityValue[j];
        }
      }
    }
  }

  /**
   * Government debt (IMF WEO) in bills and bonds: the long share, the bonds' average maturity
   * and coupon from debt_structure.csv (the coupon, where not read, is the end-2024 10-year
   * yield); the pool's price is the present value of its coupons and redemptions at the yield.
   * Foreigners' holdings are the IIP's debt liabilities, long in the issuer's proportion; the
   * home holders hold the rest of the bonds.
   */
  private void governmentDebt() {
    for (int j = 0; j < nr; j++) {
      String g = REGIONS.get(j);
      govDebt[j] = grossDebt(j) / 100 * data.value(g, "gdp");
      double longShare = data.value(g, "long_share");
      maturing[j] = 3 / data.value(g, "maturity");
      double y = data.value(g, "yield_10y");
      coupon[j] = data.value(g, "coupon", y);
      price[j] = (maturing[j] + coupon[j] / 400) / (maturing[j] + y / 400);
      bondsFace[j] = longShare * govDebt[j];
      bonds[j] = price[j] * bondsFace[j];
      bills[j] = govDebt[j] - bondsFace[j];
      if (bonds[j] < this.longShare[j] * dl[j]) {
        throw new IllegalStateException(g + ": foreigners would hold more bonds (" + Math.round(this.longShare[j] * dl[j])
            + ") than are outstanding (" + Math.round(bonds[j]) + ")");
      }
    }
  }

  /** General government gross debt, percent of GDP (IMF WEO October 2024); the rest of the world's is the world's less the nine. */
  double grossDebt(int r) {
    String g = REGIONS.get(r);
    if (r != row) {
      return data.value(g, "gg_gross_debt_2024");
    }
    double world = data.value("WLD", "gg_gross_debt_2024") * data.value("WLD", "gdp");
    for (int k = 0; k < nr; k++) {
      if (k != r) {
        world -= data.value(REGIONS.get(k), "gg_gross_debt_2024") * data.value(REGIONS.get(k), "gdp");
      }
    }
    return world / data.value(g, "gdp");
  }

  /** Net international position of the instruments the model holds, plus the remainder: the data's NIIP. */
  double modelled(int r) {
    return dia[r] - dil[r] + pea[r] - pel[r] + da[r] - dl[r] + res[r];
  }
}
