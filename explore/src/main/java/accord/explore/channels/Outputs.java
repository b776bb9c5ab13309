package accord.explore.channels;

import accord.lang.Diagnostic;
import accord.lang.ModelException;
import accord.lang.Span;
import accord.model.Model;
import accord.model.Names;
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
