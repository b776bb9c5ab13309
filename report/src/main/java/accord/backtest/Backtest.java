package accord.backtest;

import accord.cache.ModelCache;
import accord.model.Csv;
import accord.scenario.ScenarioFile;
import accord.scenario.ScenarioRunner;
import accord.sim.ProgressListener;
import accord.sim.Results;
import accord.sim.Scenario;
import accord.sim.Simulator;
import accord.solve.Program;
import accord.solve.SolverSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The world model against history: the 2025 replay (models/world/scenarios/replay-2025.yaml, run
 * from the 2024 calibration with nothing fitted to 2025) and its baseline, compared with the
 * observed 2025 outcomes of models/world/data/history_2025.csv, each with its source.
 */
public final class Backtest {

  /**
   * One comparison: what was observed (with the 2024 value where it is a change), what the
   * replay gives, and what the baseline without the 2025 policies gives.
   */
  public record Comparison(String name, String unit, double observed2024, double observed, double model2024,
      double model, double baseline, double withObservedFx, String source) {

    /** Model less observed. */
    public double error() {
      return model - observed;
    }
  }

  private Backtest() {
  }

  /** Runs the replay and its baseline and returns the comparisons. */
  public static List<Comparison> replay2025(Path worldDir) {
    ScenarioFile file = ScenarioFile.load(worldDir.resolve("scenarios").resolve("replay-2025.yaml"));
    Results replay = ScenarioRunner.run(file, null, null, SolverSettings.DEFAULT, ProgressListener.NONE);
    Results base = Simulator.run(ModelCache.program(file.model(), file.closure()),
        Scenario.of(file.periods()), SolverSettings.DEFAULT);
    History h = History.read(worldDir.resolve("data").resolve("history_2025.csv"));
    Results fx = withObservedFx(file, h, base);
    List<Comparison> out = compare(replay, base, h);
    List<Comparison> conditioned = compare(fx, base, h);
    for (int i = 0; i < out.size(); i++) {
      Comparison c = out.get(i);
      out.set(i, new Comparison(c.name(), c.unit(), c.observed2024(), c.observed(), c.model2024(), c.model(), c.baseline(),
          conditioned.get(i).model(), c.source()));
    }
    return out;
  }

  /**
   * The replay with the euro's and the renminbi's quarterly averages set to what they were
   * (closure 'fx_observed'): how much of the misses the exchange rates the model does not
   * explain account for. A diagnosis, not a fit: nothing is estimated.
   */
  static Results withObservedFx(ScenarioFile file, History h, Results base) {
    List<accord.sim.Change> changes = new ArrayList<>(file.changes());
    accord.model.Model m = file.model();
    // the model's exchange-rate index is relative to the 2024 average rate (fx0)
    double eur2024 = base.value("FX[EUR]", 2) / base.value("e[EUR]", 2);
    double cny2024 = base.value("FX[CHN]", 2) / base.value("e[CHN]", 2);
    for (String q : List.of("2025Q1", "2025Q2", "2025Q3", "2025Q4")) {
      int p = m.periodOf(q);
      int until = q.equals("2025Q4") ? file.periods() : p;
      changes.add(new accord.sim.Change(m.slotOf("e[EUR]"), p, until, h.value("fx_eur_per_usd|EUR|USD|" + q) / eur2024));
      changes.add(new accord.sim.Change(m.slotOf("e[CHN]"), p, until, h.value("fx_cny_per_usd|CHN|USD|" + q) / cny2024));
    }
    Program program = ModelCache.program(m, "fx_observed");
    return Simulator.run(program, new Scenario(file.name() + " with the observed euro and renminbi", file.periods(),
        "fx_observed", changes, null), SolverSettings.DEFAULT);
  }

  private static List<Comparison> compare(Results replay, Results base, History h) {
    int q1 = replay.model().periodOf("2025Q1");
    int q4 = replay.model().periodOf("2025Q4");
    List<Comparison> out = new ArrayList<>();
    // flows in USD bn: the 2025 average of the model's quarters at annual rates; the model's 2024 is its
    // calibration (2025Q1 of the baseline)
    Series tb = (r, p) -> r.value("TB[USA]", p);
    out.add(flow("US goods and services balance, 2025", h, "us_gs_balance|USA|WLD", tb, replay, base, q1, q4));
    out.add(flow("US goods balance with China, 2025", h, "us_goods_balance_partner|USA|CHN",
        (r, p) -> r.value("TBG[USA,CHN]", p), replay, base, q1, q4));
    out.add(flow("US goods imports from China, 2025", h, "us_goods_imports_from_partner|USA|CHN",
        (r, p) -> goodsFrom(r, "CHN", "USA", p), replay, base, q1, q4));
    out.add(flow("China's goods trade surplus, 2025", h, "chn_goods_balance|CHN|WLD", (r, p) -> goodsBalance(r, "CHN", p),
        replay, base, q1, q4));
    out.add(flow("US customs duties, 2025", h, "us_customs_duties|USA|WLD", (r, p) -> r.value("TARREV[USA]", p), replay,
        base, q1, q4));
    Series duties = (r, p) -> r.value("TARREV[USA]", p);
    out.add(new Comparison("US customs duties, 2025Q4, annual rate", "USD bn", 4 * h.value("us_customs_duties|USA|WLD|2024Q4"),
        4 * h.value("us_customs_duties|USA|WLD|2025Q4"), duties.at(base, q1), duties.at(replay, q4), duties.at(base, q4), Double.NaN,
        h.source("us_customs_duties|USA|WLD|2025Q4")));
    Series rate = (r, p) -> 100 * r.value("TARREV[USA]", p) / goodsImports(r, "USA", p);
    out.add(new Comparison("US duties / goods imports, 2025Q4", "%", 100 * h.value("us_collected_tariff_rate|USA|WLD|2024Q4"),
        100 * h.value("us_collected_tariff_rate|USA|WLD|2025Q4"), rate.at(base, q1), rate.at(replay, q4), rate.at(base, q4), Double.NaN,
        h.source("us_collected_tariff_rate|USA|WLD|2025Q4")));
    // prices and markets: percent change from 2025Q1 to 2025Q4
    out.add(change("US import prices, non-petroleum, 2025Q4 on 2025Q1", h, "us_import_price_index_nonpetroleum|USA|WLD",
        (r, p) -> borderPrice(r, "USA", p), replay, base, q1, q4));
    out.add(change("The dollar (Fed broad index; model: trade-weighted), 2025Q4 on 2025Q1", h, "usd_broad_index|USA|WLD",
        (r, p) -> r.value("USDX", p), replay, base, q1, q4));
    out.add(change("Euros per dollar, 2025Q4 on 2025Q1", h, "fx_eur_per_usd|EUR|USD", (r, p) -> r.value("FX[EUR]", p), replay,
        base, q1, q4));
    out.add(change("Renminbi per dollar, 2025Q4 on 2025Q1", h, "fx_cny_per_usd|CHN|USD", (r, p) -> r.value("FX[CHN]", p),
        replay, base, q1, q4));
    Series cpi = (r, p) -> r.value("infl4[USA]", p);
    out.add(new Comparison("US consumer price inflation, 2025", "%", Double.NaN, h.value("us_cpi_inflation|USA||2025"),
        Double.NaN, cpi.at(replay, q4), cpi.at(base, q4), Double.NaN, h.source("us_cpi_inflation|USA||2025")));
    Series fed = (r, p) -> r.value("R[USA]", p);
    out.add(new Comparison("Federal funds rate, 2025Q4", "%", h.value("fed_funds_effective|USA||2024Q4"),
        h.value("fed_funds_effective|USA||2025Q4"), fed.at(base, 1), fed.at(replay, q4), fed.at(base, q4), Double.NaN,
        h.source("fed_funds_effective|USA||2025Q4")));
    return out;
  }

  /**
   * The 2018-19 rounds (scenarios/tariffs-2018-19.yaml) applied to the 2024 economy, against what
   * 2017 to 2019 did (history_2018.csv). The model gives each round's effect against its baseline;
   * the observed changes also hold two years of trend, so the comparison is of sizes relative to
   * the flows (percentages and ratios), not of levels. The model's year is 2026, the rounds'
   * second year as 2019 was theirs.
   */
  public static List<Comparison> rounds2018(Path worldDir) {
    ScenarioFile file = ScenarioFile.load(worldDir.resolve("scenarios").resolve("tariffs-2018-19.yaml"));
    Results war = ScenarioRunner.run(file, null, null, SolverSettings.DEFAULT, ProgressListener.NONE);
    Results base = Simulator.run(ModelCache.program(file.model(), null),
        Scenario.of(war.periods()), SolverSettings.DEFAULT);
    History h = History.read(worldDir.resolve("data").resolve("history_2018.csv"));
    int from = war.model().periodOf("2026Q1");
    int to = war.model().periodOf("2026Q4");
    List<Comparison> out = new ArrayList<>();
    Series chinaRate = (r, p) -> 100 * dutiesFrom(r, "CHN", "USA", p) / goodsFrom(r, "CHN", "USA", p);
    out.add(effect("US tariff on imports from China, points added", "points", h.value(
        "us_average_tariff_on_china|USA|CHN|2019-12") - h.value("us_average_tariff_on_china|USA|CHN|2018-01"),
        avg(war, chinaRate, from, to) - avg(base, chinaRate, from, to), h.source("us_average_tariff_on_china|USA|CHN|2019-12")));
    Series fromChina = (r, p) -> goodsFrom(r, "CHN", "USA", p);
    out.add(effect("US goods imports from China", "% change", pct(h, "us_goods_imports_from_china|USA|CHN"),
        100 * (avg(war, fromChina, from, to) / avg(base, fromChina, from, to) - 1),
        h.source("us_goods_imports_from_china|USA|CHN|2019")));
    Series bilateral = (r, p) -> r.value("TBG[USA,CHN]", p);
    double dBilateral = avg(war, bilateral, from, to) - avg(base, bilateral, from, to);
    double obsBilateral = h.value("us_goods_balance_china|USA|CHN|2019") - h.value("us_goods_balance_china|USA|CHN|2017");
    out.add(effect("US goods balance with China, change / imports from China before", "%",
        100 * obsBilateral / h.value("us_goods_imports_from_china|USA|CHN|2017"),
        100 * dBilateral / avg(base, fromChina, from, to), h.source("us_goods_balance_china|USA|CHN|2019")));
    Series tb = (r, p) -> r.value("TB[USA]", p);
    out.add(effect("US goods and services balance, change per dollar of change with China", "ratio",
        (h.value("us_gs_balance|USA|WLD|2019") - h.value("us_gs_balance|USA|WLD|2017")) / obsBilateral,
        (avg(war, tb, from, to) - avg(base, tb, from, to)) / dBilateral, h.source("us_gs_balance|USA|WLD|2019")));
    Series others = (r, p) -> goodsFrom(r, "MEX", "USA", p) + goodsFrom(r, "TWN", "USA", p) + goodsFrom(r, "ROW", "USA", p);
    double othersBefore = h.value("us_goods_imports_from_partner|USA|MEX|2017") + h.value(
        "us_goods_imports_from_partner|USA|TWN|2017") + h.value("us_goods_imports_from_partner|USA|VNM|2017");
    double othersAfter = h.value("us_goods_imports_from_partner|USA|MEX|2019") + h.value(
        "us_goods_imports_from_partner|USA|TWN|2019") + h.value("us_goods_imports_from_partner|USA|VNM|2019");
    out.add(effect("US goods imports from Mexico, Taiwan and Vietnam (model: Mexico, Taiwan, the rest of the world)",
        "% change", 100 * (othersAfter / othersBefore - 1), 100 * (avg(war, others, from, to) / avg(base, others, from, to)
        - 1), h.source("us_goods_imports_from_partner|USA|MEX|2019")));
    Series surplus = (r, p) -> goodsBalance(r, "CHN", p);
    out.add(effect("China's goods trade surplus", "% change", pct(h, "china_goods_surplus|CHN|WLD"),
        100 * (avg(war, surplus, from, to) / avg(base, surplus, from, to) - 1), h.source("china_goods_surplus|CHN|WLD|2019")));
    Series rate = (r, p) -> 100 * r.value("TARREV[USA]", p) / goodsImports(r, "USA", p);
    out.add(effect("US customs duties / goods imports, points added", "points",
        h.value("us_effective_tariff_rate|USA|WLD|2019") - h.value("us_effective_tariff_rate|USA|WLD|2017"),
        avg(war, rate, from, to) - avg(base, rate, from, to), h.source("us_effective_tariff_rate|USA|WLD|2019")));
    out.add(effect("Pass-through of the tariffs to US import prices from China (tariff included)", "share",
        h.value("tariff_passthrough_import_prices|USA|WLD|2018"), passThrough(war, base, to),
        h.source("tariff_passthrough_import_prices|USA|WLD|2018")));
    out.add(effect("The dollar (Fed broad index; model: trade-weighted), end of the second year", "% change",
        100 * (h.value("usd_broad_index|USA|WLD|2019Q4") / h.value("usd_broad_index|USA|WLD|2017Q4") - 1),
        100 * (war.value("USDX", to) / base.value("USDX", to) - 1), h.source("usd_broad_index|USA|WLD|2019Q4")));
    return out;
  }

  private static Comparison effect(String name, String unit, double observed, double model, String source) {
    return new Comparison(name, unit, Double.NaN, observed, Double.NaN, model, Double.NaN, Double.NaN, source);
  }

  private static double pct(History h, String key) {
    return 100 * (h.value(key + "|2019") / h.value(key + "|2017") - 1);
  }

  /** Duties d collects on goods from o at an annual rate, USD bn. */
  static double dutiesFrom(Results r, String o, String d, int p) {
    double t = 0;
    for (String s : GOODS) {
      String k = "[" + o + "," + d + "," + s + "]";
      t += r.value("pcif" + k, p) * r.value("xr" + k, p) * r.value("ta" + k, p);
    }
    return 4 * t / r.value("e[" + d + "]", p);
  }

  /**
   * The change in the tariff-inclusive landed price of US goods imports from China per unit of
   * the change in one plus the tariff, weighted by the baseline's imports: 1 is full pass-through.
   */
  static double passThrough(Results war, Results base, int p) {
    double num = 0;
    double den = 0;
    for (String s : GOODS) {
      String k = "[CHN,USA," + s + "]";
      double w = base.value("xr" + k, p) * base.value("pcif" + k, p);
      double tariff = (1 + war.value("ta" + k, p)) / (1 + base.value("ta" + k, p)) - 1;
      if (Math.abs(tariff) < 1e-9) {
        continue;
      }
      num += w * (war.value("pm" + k, p) / base.value("pm" + k, p) - 1);
      den += w * tariff;
    }
    return num / den;
  }

  /** A model series at a period. */
  private interface Series {
    double at(Results r, int period);
  }

  private static Comparison flow(String name, History h, String key, Series s, Results replay, Results base, int q1, int q4) {
    return new Comparison(name, "USD bn", h.value(key + "|2024"), h.value(key + "|2025"), s.at(base, q1),
        avg(replay, s, q1, q4), avg(base, s, q1, q4), Double.NaN, h.source(key + "|2025"));
  }

  private static Comparison change(String name, History h, String key, Series s, Results replay, Results base, int q1,
      int q4) {
    return new Comparison(name, "%", Double.NaN, 100 * (h.value(key + "|2025Q4") / h.value(key + "|2025Q1") - 1), Double.NaN,
        100 * (s.at(replay, q4) / s.at(replay, q1) - 1), 100 * (s.at(base, q4) / s.at(base, q1) - 1), Double.NaN,
        h.source(key + "|2025Q4"));
  }

  private static double avg(Results r, Series s, int from, int to) {
    double sum = 0;
    for (int p = from; p <= to; p++) {
      sum += s.at(r, p);
    }
    return sum / (to - from + 1);
  }

  static final List<String> GOODS = List.of("AGR", "ENE", "CRM", "MET", "CHE", "MAC", "ELE", "AUT", "CON");
  static final List<String> REGIONS = List.of("USA", "CHN", "EUR", "JPN", "KOR", "TWN", "IND", "MEX", "CAN", "ROW");

  /** Goods exports of o to d at an annual rate, USD bn (the exporter's receipts). */
  static double goodsFrom(Results r, String o, String d, int p) {
    double x = 0;
    for (String s : GOODS) {
      x += r.value("EXV[" + o + "," + d + "," + s + "]", p);
    }
    return 4 * x / r.value("e[" + o + "]", p);
  }

  static double goodsBalance(Results r, String g, int p) {
    double b = 0;
    for (String q : REGIONS) {
      b += q.equals(g) ? 0 : r.value("TBG[" + g + "," + q + "]", p);
    }
    return b;
  }

  static double goodsImports(Results r, String d, int p) {
    double m = 0;
    for (String o : REGIONS) {
      m += o.equals(d) ? 0 : goodsFrom(r, o, d, p);
    }
    return m;
  }

  /** The border price (before tariffs, in dollars) of goods other than energy imported by d: value over volume. */
  static double borderPrice(Results r, String d, int p) {
    double value = 0;
    double volume = 0;
    for (String o : REGIONS) {
      for (String s : GOODS) {
        if (o.equals(d) || s.equals("ENE")) {
          continue;
        }
        double x = r.value("x[" + o + "," + d + "," + s + "]", p) / (1 + r.value("tar0[" + o + "," + d + "," + s + "]", p));
        value += r.value("pcif[" + o + "," + d + "," + s + "]", p) * x / r.value("e[" + d + "]", p);
        volume += x;
      }
    }
    return value / volume;
  }

  /** The observed 2025 series of history_2025.csv, keyed by series, region, partner and period. */
  record History(Map<String, Double> values, Map<String, String> sources) {

    static History read(Path file) {
      Csv.Table t;
      try {
        t = Csv.parse(accord.lang.TextFile.read(file));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
      Map<String, Double> values = new HashMap<>();
      Map<String, String> sources = new HashMap<>();
      for (List<String> r : t.rows()) {
        if (r.get(4).isBlank()) {
          continue;
        }
        String key = r.get(0) + "|" + r.get(1) + "|" + r.get(2) + "|" + r.get(3);
        values.put(key, Double.parseDouble(r.get(4)));
        sources.put(key, r.get(6) + " (" + r.get(8) + ", " + r.get(9) + ")");
      }
      return new History(values, sources);
    }

    /** The value of series|region|partner|period. */
    double value(String key) {
      Double v = values.get(key);
      if (v == null) {
        throw new IllegalStateException("the history file has no row " + key.replace('|', ' '));
      }
      return v;
    }

    String source(String key) {
      value(key);
      return sources.get(key);
    }
  }
}
