package accord.events;

import accord.lang.Diagnostic;
import accord.lang.Span;
import accord.model.Kind;
import accord.model.Model;
import accord.model.Names;
import accord.model.Series;
import accord.model.Slot;
import java.util.ArrayList;
import java.util.List;

/** The slots a scenario key names, with the diagnostics of a key that names none or an endogenous one. */
public final class Keys {

  private Keys() {
  }

  /**
   * The slots a scenario key names: {@code Gd}, {@code alpha[N]}, {@code alpha} for all its
   * elements, or {@code xq[CHN,*,CRM]} for those that match.
   */
  public static List<Integer> slots(Model model, String label, Span span, List<Diagnostic> errors) {
    List<Integer> out = new ArrayList<>();
    int s = model.slotOf(label);
    List<Integer> matches = s < 0 && label.contains("*") ? wildcard(model, label) : List.of();
    if (s >= 0) {
      out.add(s);
    } else if (model.series().containsKey(label)) {
      Series series = model.series().get(label);
      for (int i = 0; i < series.size(); i++) {
        out.add(series.firstSlot() + i);
      }
    } else if (!matches.isEmpty()) {
      out.addAll(matches);
    } else {
      List<String> names = new ArrayList<>(model.series().keySet());
      model.slots().forEach(x -> names.add(x.label()));
      errors.add(Diagnostic.error("E312", span, "model " + model.name() + " has no parameter or series '"
          + accord.yaml.YamlTree.visible(label) + "'")
          .withHint(Names.didYouMean(label, names)));
      return out;
    }
    for (int slot : out) {
      Slot x = model.slots().get(slot);
      if (x.kind() == Kind.ENDOGENOUS && !model.baseClosure().exogenize().contains(slot)
          && model.closures().values().stream().noneMatch(c -> c.exogenize().contains(slot))) {
        errors.add(Diagnostic.error("E313", span, "'" + x.label() + "' is endogenous: the model determines it")
            .withHint("a scenario sets parameters and exogenous series; to fix '" + x.label()
                + "', exogenize it in a closure"));
        return List.of();
      }
    }
    return out;
  }

  /** The slots of {@code xq[CHN,*,CRM]}: {@code *} stands for every element in its place. */
  private static List<Integer> wildcard(Model model, String label) {
    int open = label.indexOf('[');
    Series series = open > 0 && label.endsWith("]") ? model.series().get(label.substring(0, open).strip()) : null;
    if (series == null) {
      return List.of();
    }
    String[] want = label.substring(open + 1, label.length() - 1).split(",", -1);
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < series.size(); i++) {
      String have = model.slots().get(series.firstSlot() + i).label();
      String[] parts = have.substring(have.indexOf('[') + 1, have.length() - 1).split(",", -1);
      boolean match = parts.length == want.length;
      for (int k = 0; match && k < parts.length; k++) {
        String w = want[k].strip();
        match = w.equals("*") || w.equals(parts[k].strip());
      }
      if (match) {
        out.add(series.firstSlot() + i);
      }
    }
    return out;
  }
}
