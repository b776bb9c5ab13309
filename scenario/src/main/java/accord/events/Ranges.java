package accord.events;

import accord.lang.Diagnostic;
import accord.lang.Range;
import accord.lang.Span;
import accord.model.Model;
import accord.model.Slot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model's declared ranges applied to what a scenario sets ({@code set:} values and the
 * values events lower to): a value outside its series' range is E129 at the value that gave it.
 * The events' own field ranges come first; this is the backstop that knows the model.
 */
public final class Ranges {

  private Ranges() {
  }

  /** A value for a slot, and the place in the scenario that gives it. */
  public record Given(int slot, double value, Span at) {
  }

  /**
   * E129 for each place whose values leave their range: one error per place, naming the first
   * element and how many more (a pattern such as {@code xq[CHN,*,CRM]} sets many). {@code how}
   * says who set it: null for a value written in the file, else e.g. "this export_control".
   */
  public static void check(Model model, List<Given> values, String how, List<Diagnostic> errors) {
    Map<Span, List<Given>> outside = new LinkedHashMap<>();
    for (Given g : values) {
      if (!model.slots().get(g.slot()).range().contains(g.value())) {
        outside.computeIfAbsent(g.at(), k -> new ArrayList<>()).add(g);
      }
    }
    outside.forEach((at, gs) -> {
      Given first = gs.get(0);
      Slot slot = model.slots().get(first.slot());
      Range range = slot.range();
      String more = gs.size() == 1 ? "" : " (and " + (gs.size() - 1) + " more of " + slot.series() + ")";
      String value = Range.bound(first.value());
      errors.add(Diagnostic.error("E129", at, slot.label() + more + " must be in " + range + "; "
          + (how == null ? value + " was given" : how + " sets it to " + value))
          .withHint((slot.doc().isEmpty() ? "" : slot.series() + ": " + slot.doc() + "; ")
              + "the range is declared at " + range.span().where()));
    });
  }
}
