package accord.explore.channels;

import accord.compare.Indicator;
import accord.lang.Diagnostic;
import accord.lang.ModelException;
import accord.lang.Span;
import accord.model.Model;
import accord.model.Names;
import accord.scenario.ScenarioFile;
import java.util.List;
import java.util.Set;

/**
 * An output named on the command line, {@code TB[USA]} or {@code RGDP[CHN]}: one element of a
 * series of the model, and how its difference from the baseline reads. The world model's flows
 * and stocks in USD and its rates differ in their own units; its price indices, exchange rates
 * and output levels in percent of the baseline (the unit the comparison tables use for them).
 */
public final class Outputs {

  /** Series whose difference reads as a percent of the baseline's level. */
  static final Set<String> PERCENT = Set.of("GDP", "RGDP", "CPI", "CPIC", "CPIX", "EQ", "HP", "FX", "USDX", "PIM",
      "QS", "p", "pa", "e", "rer", "PE", "w");
  static final Set<String> FLOWS = Set.of("EX", "IM", "TB", "TBG", "NPI", "NPIP", "CA", "FA", "TARREV");
  static final Set<String> STOCKS = Set.of("NIIP", "RES", "DIA", "DIL", "PFA", "PFL", "DTA", "DTL", "REVAL");
  static final Set<String> RATES = Set.of("R", "Y10", "infl", "infl4", "infc4", "infx4", "pie", "TARRATE");

  private Outputs() {
  }

  /**
   * {@code TB[USA]}: one element of an output series ({@link #of}); or a headline indicator of the
   * comparison tables and a region, {@code real GDP[USA]}, {@code current account / GDP[CHN]},
   * measured as those tables measure it. {@code field} names where the user gave it ({@code
   * --output}, {@code 'output'}); E412 for a region the model lacks.
   */
  public static Effect named(Model model, String spec, String field) {
    int open = spec.indexOf('[');
    if (open > 0 && spec.endsWith("]")) {
      String name = spec.substring(0, open).trim();
      String region = spec.substring(open + 1, spec.length() - 1).trim();
      for (Indicator x : Indicator.HEADLINE) {
        if (x.name().equalsIgnoreCase(name) && Indicator.applies(model)) {
          List<String> regions = model.sets().get("Region").elements();
          if (!regions.contains(region)) {
            throw new ModelException(Diagnostic.error("E412", Span.NONE, field + " " + spec + ": " + region
                + " is not a region of the world model; the regions are " + String.join(", ", regions)));
          }
          return new Effect(x.name() + "[" + region + "]", x.difference(), x.percent(),
              (r, p) -> x.series().value(r, region, p));
        }
      }
    }
    return of(model, spec);
  }

  /** The quarter {@code at} of the run (null: its last); E412 outside the run, {@code field} naming where it was given. */
  public static int period(ScenarioFile file, String at, String field) {
    if (at == null) {
      return file.periods();
    }
    Model m = file.model();
    int p = m.calendar() == null ? parse(at) : m.periodOf(at);
    if (p < 2 || p > file.periods()) {
      throw new ModelException(Diagnostic.error("E412", Span.NONE, field + " " + at + " is not a quarter of this run ("
          + m.periodLabel(2) + " to " + m.periodLabel(file.periods()) + ")").withHint("give a quarter such as "
          + m.periodLabel(Math.min(file.periods(), 12))));
    }
    return p;
  }

  private static int parse(String at) {
    try {
      return Integer.parseInt(at.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The effect on one element; E642 if the model has no such element. */
  public static Effect of(Model model, String spec) {
    String label = spec.replace(" ", "");
    int slot = model.slotOf(label);
    if (slot < 0) {
      int open = label.indexOf('[');
      String name = open < 0 ? label : label.substring(0, open);
      List<String> names = model.series().keySet().stream().toList();
      String hint = model.series().containsKey(name)
          ? name + " has " + model.series().get(name).dims().size() + " index places: name one element, such as "
              + example(model, name)
          : Names.didYouMean(name, names).isEmpty() ? "name one element of an output series, such as TB[USA] or "
              + "RGDP[CHN]" : Names.didYouMean(name, names);
      throw new ModelException(Diagnostic.error("E642", Span.NONE, "model " + model.name() + " has no output '" + spec
          + "'").withHint(hint));
    }
    String series = model.slots().get(slot).series();
    boolean percent = PERCENT.contains(series);
    String unit = percent ? "% from baseline" : FLOWS.contains(series) ? "USD bn a year" : STOCKS.contains(series)
        ? "USD bn" : series.equals("TBD") ? "USD bn a day" : RATES.contains(series) ? "percentage points"
        : "model units";
    return new Effect(model.slots().get(slot).label(), unit, percent, (r, p) -> r.rows()[p - 1][slot]);
  }

  private static String example(Model model, String name) {
    var s = model.series().get(name);
    return name + "[" + String.join(",", s.dims().stream().map(d -> d.elements().get(0)).toList()) + "]";
  }
}
