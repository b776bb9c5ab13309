package accord.output;

import accord.lang.Diagnostic;
import accord.lang.ModelException;
import accord.lang.Span;
import accord.model.Model;
import accord.model.Names;
import accord.model.Series;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The series a user picks with {@code --vars}: a list of patterns, each one element
 * ({@code Y[N]}, {@code TBG[USA,CHN]}), a bare name for all its elements ({@code GDP}), or a name
 * with {@code *} in some index places for those that match ({@code TBG[USA,*]}, {@code QS[*,ELE]}).
 */
public final class SeriesSelection {

  private SeriesSelection() {
  }

  /**
   * Splits a {@code --vars} value on the commas outside brackets, so {@code GDP,TBG[USA,CHN]} is
   * two patterns; blanks around a pattern are dropped.
   */
  public static List<String> split(String list) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    StringBuilder cur = new StringBuilder();
    for (char c : list.toCharArray()) {
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth = Math.max(0, depth - 1);
      }
      if (c == ',' && depth == 0) {
        add(out, cur);
      } else {
        cur.append(c);
      }
    }
    add(out, cur);
    return out;
  }

  private static void add(List<String> out, StringBuilder cur) {
    String p = cur.toString().strip();
    if (!p.isEmpty()) {
      out.add(p);
    }
    cur.setLength(0);
  }

  /** The slots the patterns name, in the patterns' order, each once; a pattern naming none is an error. */
  public static List<Integer> slots(Model model, List<String> patterns) {
    Set<Integer> out = new LinkedHashSet<>();
    List<Diagnostic> errors = new ArrayList<>();
    for (String pattern : patterns) {
      List<Integer> matched = match(model, pattern);
      if (matched.isEmpty()) {
        errors.add(Diagnostic.error("E404", Span.NONE, "--vars " + pattern + " matches no series of model "
            + model.name()).withHint(hint(model, pattern)));
      }
      out.addAll(matched);
    }
    if (!errors.isEmpty()) {
      throw new ModelException(errors);
    }
    return List.copyOf(out);
  }

  /** The slots one pattern names (empty if none). */
  static List<Integer> match(Model model, String pattern) {
    String p = pattern.replace(" ", "");
    int exact = model.slotOf(p);
    if (exact >= 0) {
      return List.of(exact);
    }
    int open = p.indexOf('[');
    Series series = model.series().get(open < 0 ? p : p.substring(0, open));
    if (series == null) {
      return List.of();
    }
    if (open < 0) {
      return range(series.firstSlot(), series.size());
    }
    if (!p.endsWith("]")) {
      return List.of();
    }
    String[] want = p.substring(open + 1, p.length() - 1).split(",", -1);
    if (want.length != series.dims().size()) {
      return List.of();
    }
    List<Integer> out = new ArrayList<>();
    int n = series.size();
    for (int i = 0; i < n; i++) {
      // the elements of slot firstSlot + i: the last index varies fastest
      boolean ok = true;
      int rest = i;
      for (int d = want.length - 1; d >= 0 && ok; d--) {
        List<String> elements = series.dims().get(d).elements();
        String have = elements.get(rest % elements.size());
        rest /= elements.size();
        ok = want[d].equals("*") || want[d].equals(have);
      }
      if (ok) {
        out.add(series.firstSlot() + i);
      }
    }
    return out;
  }

  private static List<Integer> range(int first, int size) {
    List<Integer> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(first + i);
    }
    return out;
  }

  private static String hint(Model model, String pattern) {
    String p = pattern.replace(" ", "");
    int open = p.indexOf('[');
    String name = open < 0 ? p : p.substring(0, open);
    Series series = model.series().get(name);
    if (series == null) {
      // a name of the same length first: GPD is GDP misspelt rather than Gp
      List<String> sameLength = model.series().keySet().stream().filter(n -> n.length() == name.length()).toList();
      String guess = Names.didYouMean(name, sameLength);
      guess = guess.isEmpty() ? Names.didYouMean(name, model.series().keySet()) : guess;
      return (guess.isEmpty() ? "" : guess + " ") + "A pattern is a name (all its elements), an element such as "
          + "Y[N], or * in index places: TBG[USA,*]";
    }
    if (series.dims().isEmpty()) {
      return "'" + name + "' has no indices: write " + name;
    }
    List<String> places = new ArrayList<>();
    for (int d = 0; d < series.dims().size(); d++) {
      places.add(series.dims().get(d).name());
    }
    String[] given = open < 0 || !p.endsWith("]") ? new String[0] : p.substring(open + 1, p.length() - 1).split(",", -1);
    if (given.length != series.dims().size()) {
      return name + " has " + series.dims().size() + " ind" + (series.dims().size() == 1 ? "ex" : "ices") + ": "
          + name + "[" + String.join(",", places) + "]";
    }
    for (int d = 0; d < given.length; d++) {
      List<String> elements = series.dims().get(d).elements();
      if (!given[d].equals("*") && !elements.contains(given[d])) {
        String guess = Names.didYouMean(given[d], elements);
        return (guess.isEmpty() ? "" : guess + " ") + "'" + given[d] + "' is not in " + places.get(d) + " ("
            + String.join(", ", elements.size() <= 12 ? elements : elements.subList(0, 12)) + (elements.size() > 12
            ? ", ..." : "") + ")";
      }
    }
    return "write " + name + " for all its elements";
  }
}
