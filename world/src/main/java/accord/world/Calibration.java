package accord.world;

import static accord.world.WorldData.REGIONS;

/**
 * The calibration step: from the sourced 2024 data (models/world/data) to the parameters of the
 * world model (models/world/calibrated), so that 2024 is a solution of the model. Trade and
 * production come from {@link TradeCalibration}, external positions and government debt from
 * {@link PositionsCalibration}; this class derives each region's incomes and balance sheets:
 * the government's deficit from the IMF, taxes, interest by instrument, the yields of direct
 * investment that give each region's 2024 primary income, the dividends and retention that give
 * its households' disposable income, and the propensities to consume. Every assumption is a
 * named constant and is listed in docs/world-model.md.
 */
public final class Calibration {

  /** Money (currency and deposits that pay no interest) as a share of households' money and debt claims (assumption). */
  static final double MONEY_SHARE = 0.3;
  /** Propensity to consume out of disposable income (Godley and Lavoie 2007, ch. 12). */
  static final double ALPHA1 = 0.75;
  /** Share of investment financed by new equity (assumption: net equity issuance is small; US firms' is negative). */
  static final double EQUITY_ISSUE = 0.0;
  /** Bounds of the yields of direct investment, a year (assumption: FDI yields at market value across countries). */
  static final double FDI_YIELD_LOW = 0.01;
  static final double FDI_YIELD_HIGH = 0.12;
  /**
   * How much the yields are tied to the prior relative to the fit of primary incomes, per USD bn
   * of liabilities (small: the fit comes first).
   */
  static final double FDI_YIELD_TIE = 1e-3;
  /** Prior yield of direct investment per quarter (4.5% a year; assumption) that the primary-income targets move the yields from. */
  static final double FDI_YIELD_PRIOR = 0.045 / 4;
  /** Households' share of gross fixed capital formation where no sector account was read (assumption: dwellings are about a quarter of GFCF in the OECD, recalled). */
  static final double HOUSING_SHARE = 0.25;
  /** Dividend yield of equity, a year (assumption: world equity's trailing dividend yield near 2% at end-2024, recalled). */
  static final double DIVIDEND_YIELD = 0.02;
  /** Interest-rate smoothing of the policy rules, as in the model (rhoR), for the term premium. */
  static final double SMOOTHING = 0.8;
  /**
   * The propensity to consume out of income is at most this share of 2024's average propensity
   * C/YD, so that consumption out of wealth (a2) keeps at least a tenth of consumption and stays
   * positive (assumption). It binds where households save more than a sixth of their income
   * (C/YD below ALPHA1 / 0.9 = 0.83): China (a1 0.585), the euro area (0.743), Taiwan (0.683) and
   * India (0.742); the other regions take ALPHA1.
   */
  static final double A1_SHARE_OF_AVERAGE = 0.9;
  /**
   * The range in which a households' share of investment derived from the sector accounts is
   * believed (below it, or above, the household net-lending figure and the national accounts do
   * not agree, and HOUSING_SHARE is used). It binds for Korea, whose figures give -4.8%.
   */
  static final double HOUSING_SHARE_MIN = 0.05;
  static final double HOUSING_SHARE_MAX = 0.6;

  final WorldData data;
  final TradeCalibration trade;
  final PositionsCalibration pos;
  final int nr = REGIONS.size();
  final Region[] region = new Region[nr];
  /** Yield of direct-investment liabilities per quarter, by issuer. */
  final double[] fdiYield = new double[nr];

  /** The quarterly 2024 values of one region (USD bn; rates in percent). */
  static final class Region {
    double gdp, tb, f, c, i, g, va, tar, wb, prof, ret, theta, yd, inth, oth, t, def, div, dive, pinc, divr, difr, dift, diveIn;
    double nfw, m, bcb, bhh, blhh, fbh, eqh, hw, v, cbp, govInterest, paidAbroad, receivedAbroad, remainder;
    double r, y10, fx, a1, a2, ca, npi, gy, pis, rn, tp, du, dl, niip, hsh;
  }

  public static Calibration of(WorldData data) {
    return new Calibration(data);
  }

  private Calibration(WorldData data) {
    this.data = data;
    this.trade = new TradeCalibration(data);
    this.pos = new PositionsCalibration(data);
    for (int r = 0; r < nr; r++) {
      region[r] = new Region();
      accounts(r);
    }
    dividends();
    directInvestmentYields();
    propertyIncome();
    for (int r = 0; r < nr; r++) {
      retention(r);
    }
  }

  /** Flows, rates, balance sheets, interest, the government's accounts and taxes. */
  private void accounts(int r) {
    Region x = region[r];
    String g = REGIONS.get(r);
    x.gdp = trade.gdp[r];
    x.tb = trade.tradeBalance(r);
    x.f = trade.finalDemand[r];
    x.c = data.value(g, "household_consumption") * x.gdp;
    x.i = data.value(g, "gross_fixed_capital_formation") * x.gdp;
    x.g = x.f - x.c - x.i;
    x.tar = trade.tariffRevenue(r);
    x.va = x.gdp - x.tar;
    x.wb = TradeCalibration.LABOUR_SHARE * x.va;
    x.prof = x.va - x.wb;
    x.yd = data.value(g, "household_disposable_income") * x.gdp;
    x.r = data.value(g, "policy_rate");
    x.y10 = data.value(g, "yield_10y");
    x.fx = data.value(g, "fx_avg");
    x.ca = data.value(g, "current_account") / 4;
    x.npi = data.value(g, "primary_income_balance") / 4;
    x.niip = pos.niip[r];
    x.hsh = housingShare(r);
    x.gy = Math.pow(1 + data.value(g, "real_gdp_growth_2029") / 100, 0.25) - 1;
    x.pis = data.value(g, "cpi_inflation_2029");
    // the neutral rate: the central bank's long-run estimate where one was read, else the 2024 rate
    x.rn = data.value(g, "longrun_policy_rate", x.r);
    double avgf = (1 - Math.pow(SMOOTHING, 40)) / (40 * (1 - SMOOTHING));
    x.tp = x.y10 - x.rn - (x.r - x.rn) * avgf;
    invoicing(r);
    // secondary income and compensation: what the current account leaves after trade and primary income
    x.oth = x.ca - x.tb - x.npi;
    // balance sheets: households hold the government's debt and the net foreign debt claims
    x.fbh = pos.da[r];
    x.nfw = pos.bills[r] + pos.bonds[r] + pos.da[r] + pos.res[r] - pos.dl[r];
    if (x.nfw <= 0) {
      throw new IllegalStateException(g + ": households' money and debt claims would be negative");
    }
    x.m = Math.max(MONEY_SHARE * x.nfw, pos.res[r]);
    x.bcb = x.m - pos.res[r];
    x.bhh = pos.bills[r] - (1 - pos.longShare[r]) * pos.dl[r] - x.bcb;
    x.blhh = pos.bonds[r] - pos.longShare[r] * pos.dl[r];
    for (int j = 0; j < nr; j++) {
      x.eqh += pos.householdShare[r][j] * pos.equityValue[j];
    }
    x.v = netWorth(g, x.gdp * 4);
    x.hw = x.v - x.nfw - x.eqh;
    if (x.hw < 0) {
      throw new IllegalStateException(g + ": net worth is smaller than its financial assets");
    }
    // interest (quarterly): bills at the policy rate, bonds at the coupon on market value
    x.inth = x.r / 400 * x.bhh + couponYield(r) * x.blhh;
    x.cbp = x.r / 400 * x.bcb;
    for (int j = 0; j < nr; j++) {
      double privateClaims = pos.weights[r][j] * pos.da[r];
      double reserves = pos.reserveWeights[r][j] * pos.res[r];
      x.inth += privateClaims * debtYield(j);
      x.cbp += reserves * debtYield(j);
      x.receivedAbroad += (privateClaims + reserves) * debtYield(j);
    }
    x.paidAbroad = pos.dl[r] * debtYield(r);
    x.govInterest = x.r / 400 * pos.bills[r] + pos.coupon[r] / 400 * pos.bondsFace[r];
    x.def = -netLending(r) / 100 * x.gdp;
    x.t = x.g + x.govInterest - x.tar - x.cbp - x.def;
  }

  /**
   * Households' share of gross fixed capital formation (their dwellings and unincorporated
   * business): where the sector accounts give their net lending (sector_balances.csv: Fed Z.1,
   * ECB, PBoC, RBI), what their saving leaves after it; elsewhere HOUSING_SHARE, at most their
   * saving (assumption: households do not borrow to build), which binds for Japan (3.6% of
   * investment) and Korea (23%).
   */
  private double housingShare(int r) {
    Region x = region[r];
    String g = REGIONS.get(r);
    double lending = data.value(g, "household_net_lending", Double.NaN);
    if (!Double.isNaN(lending)) {
      double share = (x.yd - x.c - lending / 100 * x.gdp) / x.i;
      if (share >= HOUSING_SHARE_MIN && share <= HOUSING_SHARE_MAX) {
        return share;
      }
    }
    return Math.min(HOUSING_SHARE * x.i, Math.max(0, x.yd - x.c)) / x.i;
  }

  /** Quarterly income per unit of market value of j's debt held abroad: bills at the policy rate, bonds at the coupon. */
  double debtYield(int j) {
    return (1 - pos.longShare[j]) * data.value(REGIONS.get(j), "policy_rate") / 400 + pos.longShare[j] * couponYield(j);
  }

  /** Coupon per quarter per unit of the bonds' market value. */
  double couponYield(int j) {
    return pos.coupon[j] / 400 / pos.price[j];
  }

  /**
   * China's share of a region's rare-earth magnet supply: its share of the region's magnet imports
   * where read (critical_minerals.csv: Korea 2024, the US sintered magnets 2024Q1, the EU and Japan
   * 2022), China's share of world magnet production elsewhere; none for China itself.
   */
  double rareEarthShare(int r) {
    String g = REGIONS.get(r);
    if (g.equals("CHN")) {
      return 0;
    }
    String key = switch (g) {
      case "KOR" -> "magnet_import_share_from_china_2024";
      case "USA" -> "magnet_import_share_from_china_q1_2024";
      case "EUR", "JPN" -> "magnet_import_share_from_china_2022";
      default -> null;
    };
    String region = g.equals("EUR") ? "EU27" : g;
    return (key == null ? data.mineral("ndfeb_magnet_production_share", "CHN") : data.mineral(key, region)) / 100;
  }

  /** General government net lending, percent of GDP (IMF WEO); the rest of the world's is the world's less the nine. */
  private double netLending(int r) {
    String g = REGIONS.get(r);
    if (!g.equals("ROW")) {
      return data.value(g, "gg_net_lending_2024");
    }
    double world = data.value("WLD", "gg_net_lending_2024") * data.value("WLD", "gdp");
    for (int k = 0; k < nr; k++) {
      if (k != r) {
        world -= data.value(REGIONS.get(k), "gg_net_lending_2024") * data.value(REGIONS.get(k), "gdp");
      }
    }
    return world / data.value(g, "gdp");
  }

  private double netWorth(String g, double annualGdp) {
    WorldData.Figure better = data.figure(g, "household_net_worth_2024");
    WorldData.Figure nw = better != null ? better : data.figure(g, "household_net_worth");
    return nw.unit().startsWith("ratio") ? nw.value() * annualGdp : nw.value();
  }

  /**
   * Shares of imports invoiced in dollars and in the importer's currency (Boz et al. 2022 and
   * national sources, invoicing.csv); the rest is taken as invoiced in the exporter's currency.
   * Where a share was not found (China's dollar share, Canada's imports) the note in the data
   * README says what stands in.
   */
  private void invoicing(int r) {
    Region x = region[r];
    String g = REGIONS.get(r);
    double usd = data.invoicing(g, "imports", "USD");
    double own = switch (g) {
      case "EUR" -> data.invoicing(g, "imports", "EUR");
      case "USA" -> 0;
      case "ROW" -> data.invoicing(g, "imports", "HOME");
      default -> data.invoicing(g, "imports", currency(g));
    };
    if (g.equals("CHN")) {
      // the renminbi's share of goods-trade settlement (PBoC) stands for its own share; the rest in dollars
      own = data.invoicing(g, "goods trade (exports+imports)", "CNY");
      usd = 100 - own;
    } else if (g.equals("CAN")) {
      // no import shares were found: its export shares stand in (70% USD, 23% CAD)
      usd = data.invoicing(g, "exports", "USD");
      own = data.invoicing(g, "exports", "CAD");
    }
    x.du = usd / 100;
    x.dl = Double.isNaN(own) ? 0 : own / 100;
  }

  private static String currency(String g) {
    return switch (g) {
      case "JPN" -> "JPY";
      case "KOR" -> "KRW";
      case "TWN" -> "TWD";
      case "IND" -> "INR";
      case "MEX" -> "MXN";
      default -> g;
    };
  }

  /**
   * Households' property income: what their 2024 disposable income leaves after wages,
   * interest, secondary income and taxes. Part of it is dividends on the equity they hold at
   * home and abroad, at DIVIDEND_YIELD on its market value; the rest is the other property
   * income of home households (unincorporated business, rents), paid by home firms.
   */
  private void dividends() {
    for (int j = 0; j < nr; j++) {
      double firms = 0;
      for (int h = 0; h < nr; h++) {
        firms += pos.firmShare[h][j];
      }
      region[j].dive = DIVIDEND_YIELD / 4 * (1 - firms) * pos.equityValue[j];
    }
    for (int k = 0; k < nr; k++) {
      Region x = region[k];
      x.diveIn = 0;
      for (int j = 0; j < nr; j++) {
        x.diveIn += portfolioShare(k, j) * region[j].dive;
      }
    }
  }

  /** Households' property income, once other current income holds its remainder. */
  private void propertyIncome() {
    for (Region x : region) {
      x.divr = x.yd - x.wb - x.inth - x.oth + x.t;
      x.theta = x.t / (x.wb + x.divr + x.inth);
      x.pinc = x.divr - x.diveIn;
      x.div = x.dive + x.pinc;
    }
  }

  /** Share of j's portfolio dividends that k's households receive. */
  double portfolioShare(int k, int j) {
    double firms = 0;
    for (int h = 0; h < nr; h++) {
      firms += pos.firmShare[h][j];
    }
    return pos.householdShare[k][j] / (1 - firms);
  }

  /** Share of j's direct-investment income that k's firms receive. */
  double parentShare(int k, int j) {
    double firms = 0;
    for (int h = 0; h < nr; h++) {
      firms += pos.firmShare[h][j];
    }
    return firms == 0 ? 0 : pos.firmShare[k][j] / firms;
  }

  /**
   * The yields of direct investment: those within FDI_YIELD_LOW..FDI_YIELD_HIGH nearest to a
   * common prior that bring every region's primary income closest to its 2024 value (interest
   * and dividends are set by the positions and the rates; direct investment, whose yields differ
   * most across countries, takes the rest). What they cannot bring is each region's remainder,
   * kept in its other current income and reported by 'accord calibrate'. The rest of the world's
   * equation is left out (primary incomes sum to zero).
   */
  private void directInvestmentYields() {
    int m = nr - 1;
    double[][] a = new double[m][nr];
    double[] b = new double[m];
    int row = 0;
    for (int k = 0; k < nr; k++) {
      if (REGIONS.get(k).equals("ROW")) {
        continue;
      }
      Region x = region[k];
      b[row] = x.npi - (x.receivedAbroad - x.paidAbroad) - (x.diveIn - x.dive);
      for (int j = 0; j < nr; j++) {
        double liabilities = pos.dil[j];
        a[row][j] = parentShare(k, j) * liabilities - (k == j ? liabilities : 0);
      }
      row++;
    }
    double[] weight = new double[nr];
    for (int j = 0; j < nr; j++) {
      weight[j] = FDI_YIELD_TIE * pos.dil[j];
    }
    double[] prior = new double[nr];
    java.util.Arrays.fill(prior, FDI_YIELD_PRIOR);
    double[] y = Linear.boundedRidge(a, b, prior, weight, FDI_YIELD_LOW / 4, FDI_YIELD_HIGH / 4);
    System.arraycopy(y, 0, fdiYield, 0, nr);
    for (int j = 0; j < nr; j++) {
      region[j].dift = fdiYield[j] * pos.dil[j];
    }
    for (int k = 0; k < nr; k++) {
      for (int j = 0; j < nr; j++) {
        region[k].difr += parentShare(k, j) * region[j].dift;
      }
    }
    // what the yields leave of each region's 2024 primary income stays in its other current income
    double world = 0;
    int rest = REGIONS.indexOf("ROW");
    for (int k = 0; k < nr; k++) {
      Region x = region[k];
      x.remainder = x.npi - (x.receivedAbroad - x.paidAbroad) - (x.diveIn - x.dive) - (x.difr - x.dift);
      if (k != rest) {
        world += x.remainder;
      }
    }
    region[rest].remainder = -world;
    for (Region x : region) {
      x.oth += x.remainder;
    }
  }

  /** The retention rate that pays the dividends found, and the propensities to consume. */
  private void retention(int r) {
    Region x = region[r];
    double distributable = x.prof + x.difr - x.dift;
    x.ret = 1 - x.div / distributable;
    if (x.ret < 0 || x.ret >= 1) {
      throw new IllegalStateException(REGIONS.get(r) + ": firms would retain " + Math.round(100 * x.ret)
          + "% of their profits to pay 2024's dividends");
    }
    x.a1 = Math.min(ALPHA1, A1_SHARE_OF_AVERAGE * x.c / x.yd);
    x.a2 = (x.c - x.a1 * x.yd) / x.v;
  }
}
