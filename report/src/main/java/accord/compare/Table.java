package accord.compare;

import java.util.List;

/** A titled table of text cells, for the terminal or a page. */
public record Table(String title, List<String> header, List<List<String>> rows) {

  public Table {
    header = List.copyOf(header);
    rows = rows.stream().map(List::copyOf).toList();
  }
}
