package accord.compare;

import accord.sim.Results;
import java.util.List;

/**
 * A headline output of the world model, per region, and how a scenario's difference from the
 * baseline is read: as a percent of the baseline's level ({@code percent}), or as a difference in
 * the indicator's own unit.
 */
public record Indicator(String name, String unit, String difference, boolean percent, Series series) {

  /** The indicator's value for a region in a 1-based period, read from a run's values by label. */
  @FunctionalInterface
  public interface Series {
    double value(Values r, String region, int period);

    default double value(Results r, String region, int period) {
      return value(r::value, region, period);
    }
  }

  /**
   * A run's value of a label ({@code TB[USA]}) in a 1-based period: {@link Results#value}, or a
   * reader that looks each label up once, for what reads thousands of runs (a sweep's draws).
   */
  @FunctionalInterface
  public interface Values {
    double value(String label, int period);
  }

  /** The difference of the scenario from the baseline, in {@link #difference()}'s unit. */
  public double change(double scenario, double baseline) {
    return percent ? 100 * (scenario / baseline - 1) : scenario - baseline;
  }

  static Indicator level(String name, String unit, String series) {
    return new Indicator(name, unit, unit, false, (r, g, p) -> r.value(series + "[" + g + "]", p));
  }

  static Indicator percent(String name, String unit, String series) {
    return new Indicator(name, unit, "% from baseline", true, (r, g, p) -> r.value(series + "[" + g + "]", p));
  }

  /** The world model's headline indicators, in the order the comparison shows them. */
  public static final List<Indicator> HEADLINE = List.of(
      percent("real GDP", "2024 USD bn a year", "RGDP"),
      percent("consumer prices", "index", "CPI"),
      level("current account", "USD bn a year", "CA"),
      new Indicator("current account / GDP", "% of GDP", "points of GDP", false,
          (r, g, p) -> 100 * r.value("CA[" + g + "]", p) / r.value("GDP[" + g + "]", p)),
      level("trade balance", "USD bn a year", "TB"),
      level("trade balance per day", "USD bn a day", "TBD"),
      // the US row: the other nine currencies per dollar, trade-weighted (the inverse of USDX), up = a weaker dollar
      new Indicator("exchange rate (up = own currency weaker: local currency per USD; for the USA the trade-weighted dollar)", "per USD", "% from baseline", true,
          (r, g, p) -> g.equals("USA") ? 100 / r.value("USDX", p) : r.value("FX[" + g + "]", p)),
      level("policy rate", "%", "R"),
      level("10-year yield", "%", "Y10"),
      percent("equity prices", "index", "EQ"),
      percent("house prices", "index", "HP"),
      new Indicator("household net worth / GDP", "% of GDP", "points of GDP", false,
          (r, g, p) -> 100 * r.value("HNW[" + g + "]", p)),
      level("official reserves", "USD bn", "RES"),
      level("tariff revenue", "USD bn a year", "TARREV"),
      level("net international investment position", "USD bn", "NIIP"));

  /** Whether a model has every series the headline needs. */
  public static boolean applies(accord.model.Model m) {
    return m.sets().containsKey("Region") && m.sets().containsKey("Sector") && List.of("RGDP", "CPI", "CA", "GDP",
        "TB", "TBD", "FX", "USDX", "R", "Y10", "EQ", "HP", "HNW", "RES", "TARREV", "NIIP", "QS", "p", "TBG")
        .stream().allMatch(m.series()::containsKey);
  }
}
