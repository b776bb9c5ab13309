package accord.web;

import accord.lang.TextFile;
import accord.model.Names;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The scenario library a request may name: the YAML files of models/world/scenarios and models/gl
 * under the home folder, each by its file name without .yaml. A request names a scenario, never
 * a path, so the server reads only these files.
 */
final class Library {

  /** The library's folders under the home folder, in the order the lab lists them. */
  static final List<String> FOLDERS = List.of("models/world/scenarios", "models/gl");

  /** A scenario of the library: its name, its file, and the folder it came from. */
  record Entry(String name, Path file, String folder) {

    String text() {
      try {
        return TextFile.read(file);
      } catch (TextFile.Unreadable e) {
        throw new IllegalStateException("the library's scenario " + file + " cannot be read", e);
      }
    }
  }

  private final Path home;
  private final Map<String, Entry> entries;

  Library(Path home) {
    this.home = home.toAbsolutePath().normalize();
    Map<String, Entry> found = new LinkedHashMap<>();
    for (String folder : FOLDERS) {
      for (Path f : yaml(this.home.resolve(folder))) {
        String name = f.getFileName().toString().replaceFirst("\\.yaml$", "");
        // the world's scenarios come first and keep their names; a textbook one of the same name is left out
        found.putIfAbsent(name, new Entry(name, f, folder));
      }
    }
    this.entries = java.util.Collections.unmodifiableMap(found);
  }

  private static List<Path> yaml(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p)).sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + dir, e);
    }
  }

  Path home() {
    return home;
  }

  List<Entry> entries() {
    return new ArrayList<>(entries.values());
  }

  /** The scenario of that name; E700 (404) naming the library's scenarios otherwise. */
  Entry get(String name) {
    Entry e = name == null ? null : entries.get(name);
    if (e == null) {
      String near = name == null ? "" : Names.didYouMean(name, entries.keySet());
      throw new ApiError(404, "E700", "no scenario '" + name + "' in the library", (near.isEmpty() ? ""
          : near + "; ") + "the scenarios are: " + String.join(", ", entries.keySet()));
    }
    return e;
  }

  /** A diagnostic's text with the home folder left out: the library's files are named as in the repository. */
  String relative(String text) {
    return text.replace(home + java.io.File.separator, "");
  }
}
