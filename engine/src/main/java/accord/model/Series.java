package accord.model;

import accord.lang.Span;
import java.util.List;

/**
 * A declared name: a parameter, exogenous series or variable, scalar or indexed. Its elements
 * occupy consecutive slots from {@code firstSlot}, last index varying fastest.
 */
public record Series(String name, List<IndexSet> dims, Kind kind, int firstSlot, String doc, Span span) {

  public int size() {
    int n = 1;
    for (IndexSet d : dims) {
      n *= d.elements().size();
    }
    return n;
  }

  /** The slot of an element tuple, or -1 when an element is not in its set. */
  public int slot(List<String> elements) {
    int offset = 0;
    for (int i = 0; i < dims.size(); i++) {
      int k = dims.get(i).elements().indexOf(elements.get(i));
      if (k < 0) {
        return -1;
      }
      offset = offset * dims.get(i).elements().size() + k;
    }
    return firstSlot + offset;
  }

  /** {@code Y} or {@code Y[N]} or {@code TBG[USA,CHN]}. */
  public static String label(String name, List<String> elements) {
    return elements.isEmpty() ? name : name + "[" + String.join(",", elements) + "]";
  }
}
