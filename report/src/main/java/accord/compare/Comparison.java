package accord.compare;

import accord.cache.ModelCache;
import accord.sim.Results;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A scenario against its baseline at a few horizons: the headline indicators by region, each
 * region's goods balance with every partner, and a sector table (output and producer prices of
 * the seeds' sector groups). Both runs must be of the same model and length.
 *
 * @param start the first reported period (1-based); horizon h is period start + h - 1
 * @param periods the horizons' periods, in order
 * @param branches a scenario with odds: each branch's run ({@code scenario} is then their
 *     probability-weighted path); else empty
 */
public record Comparison(Results scenario, Results baseline, int start, List<Integer> periods,
    List<accord.scenario.ScenarioRunner.BranchRun> branches) {

  /** The seeds' sector groups (001's sector impact table) and the model's sectors in each. */
  public static final Map<String, List<String>> SECTOR_GROUPS = groups();

  private static Map<String, List<String>> groups() {
    Map<String, List<String>> g = new java.util.LinkedHashMap<>();
    g.put("agriculture", List.of("AGR"));
    g.put("technology", List.of("ELE"));
    g.put("manufacturing", List.of("MET", "CHE", "MAC", "AUT"));
    g.put("energy", List.of("ENE"));
    g.put("consumer goods", List.of("CON"));
    return g;
  }

  /** One number of the comparison, in long form (what --out writes). */
  public record Row(String table, String region, String item, String unit, String quarter, int horizon,
      double baseline, double scenario, double difference, String differenceUnit) {
  }

  /**
   * Runs a world scenario and what it is compared with: another scenario of the same model
   * ({@code against}, run over as many quarters), or the model's own baseline under its default
   * closure.
   */
  public static Comparison run(accord.scenario.ScenarioFile file, accord.scenario.ScenarioFile against) {
    var settings = accord.solve.SolverSettings.DEFAULT;
    List<accord.scenario.ScenarioRunner.BranchRun> branches = file.branches().isEmpty() ? List.of()
        : accord.scenario.ScenarioRunner.runBranches(file, null, null, settings);
    Results scenario = branches.isEmpty()
        ? accord.scenario.ScenarioRunner.run(file, null, null, settings, accord.sim.ProgressListener.NONE)
        : accord.scenario.ScenarioRunner.weighted(branches);
    Results baseline = against != null
        ? accord.scenario.ScenarioRunner.run(against, scenario.periods(), null, settings, accord.sim.ProgressListener.NONE)
        : accord.sim.Simulator.run(ModelCache.program(file.model(),
            null), accord.sim.Scenario.of(scenario.periods()), settings);
    Comparison c = of(scenario, baseline, file.start());
    return new Comparison(scenario, baseline, c.start(), c.periods(), branches);
  }

  /** The horizons of 4, 8 and 20 quarters from start, those inside the run, and the run's last quarter. */
  public static Comparison of(Results scenario, Results baseline, int start) {
    if (scenario.periods() != baseline.periods()) {
      throw new IllegalArgumentException("the scenario runs " + scenario.periods() + " periods and its baseline "
          + baseline.periods());
    }
    List<Integer> periods = new ArrayList<>();
    for (int h : new int[] {4, 8, 20}) {
      int p = start + h - 1;
      if (p <= scenario.periods()) {
        periods.add(p);
      }
    }
    if (periods.isEmpty() || periods.get(periods.size() - 1) < scenario.periods() && periods.size() < 3) {
      periods.add(scenario.periods());
    }
    return new Comparison(scenario, baseline, start, List.copyOf(periods), List.of());
  }

  /** The runs whose accounts must hold: each branch, or the scenario itself, and the baseline. */
  public List<Results> solutions() {
    List<Results> out = new ArrayList<>();
    if (branches.isEmpty()) {
      out.add(scenario);
    } else {
      branches.forEach(b -> out.add(b.results()));
    }
    out.add(baseline);
    return out;
  }

  public List<String> regions() {
    return scenario.model().sets().get("Region").elements();
  }

  public String label(int period) {
    return scenario.model().periodLabel(period);
  }

  public int horizon(int period) {
    return period - start + 1;
  }

  /** Every number of the comparison: headline, bilateral balances, sectors. */
  public List<Row> rows() {
    List<Row> out = new ArrayList<>();
    for (Indicator x : Indicator.HEADLINE) {
      for (String g : regions()) {
        for (int p : periods) {
          double b = x.series().value(baseline, g, p);
          double s = x.series().value(scenario, g, p);
          out.add(new Row("headline", g, x.name(), x.unit(), label(p), horizon(p), b, s, x.change(s, b), x.difference()));
        }
      }
    }
    for (String g : regions()) {
      for (String partner : regions()) {
        if (partner.equals(g)) {
          continue;
        }
        for (int p : periods) {
          double b = baseline.value("TBG[" + g + "," + partner + "]", p);
          double s = scenario.value("TBG[" + g + "," + partner + "]", p);
          out.add(new Row("bilateral goods balance", g, partner, "USD bn a year", label(p), horizon(p), b, s, s - b,
              "USD bn a year"));
        }
      }
    }
    for (String g : regions()) {
      for (Map.Entry<String, List<String>> e : SECTOR_GROUPS.entrySet()) {
        for (int p : periods) {
          double bq = output(baseline, g, e.getValue(), p);
          double sq = output(scenario, g, e.getValue(), p);
          out.add(new Row("sector output", g, e.getKey(), "2024 USD bn a year", label(p), horizon(p), bq, sq,
              100 * (sq / bq - 1), "% from baseline"));
          double bp = price(baseline, g, e.getValue(), p);
          double sp = price(scenario, g, e.getValue(), p);
          out.add(new Row("sector prices", g, e.getKey(), "index (output-weighted)", label(p), horizon(p), bp, sp,
              100 * (sp / bp - 1), "% from baseline"));
        }
      }
    }
    return out;
  }

  /** Real output of a group of sectors. */
  public static double output(Results r, String g, List<String> sectors, int p) {
    double q = 0;
    for (String s : sectors) {
      q += r.value("QS[" + g + "," + s + "]", p);
    }
    return q;
  }

  /** Producer price of a group, weighted by the baseline's 2025Q1 real output (fixed weights). */
  public double price(Results r, String g, List<String> sectors, int p) {
    double num = 0;
    double den = 0;
    for (String s : sectors) {
      double w = baseline.value("QS[" + g + "," + s + "]", 2);
      num += w * r.value("p[" + g + "," + s + "]", p);
      den += w;
    }
    return num / den;
  }
}
