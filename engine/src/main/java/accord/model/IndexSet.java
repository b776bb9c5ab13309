package accord.model;

import java.util.List;

/** A named, ordered set of elements; {@code parent} is null unless it is a subset. */
public record IndexSet(String name, List<String> elements, String parent) {

  public boolean contains(String element) {
    return elements.contains(element);
  }
}
