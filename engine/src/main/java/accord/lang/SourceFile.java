package accord.lang;

import java.util.List;

/** The text of one model file and the name it is reported under. */
public record SourceFile(String name, String text) {

  /** The 1-based line {@code n} without its line break, or "" past the end. */
  public String line(int n) {
    List<String> lines = text.lines().toList();
    return n >= 1 && n <= lines.size() ? lines.get(n - 1) : "";
  }

  @Override
  public String toString() {
    return name;
  }
}
