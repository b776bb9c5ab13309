package accord.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The names that stand for a shipped model, the same on the command line ({@code accord run world})
 * and in a scenario file ({@code model: world}, {@code baseline: world-2024}), and the folder that
 * holds the shipped models.
 */
public final class ModelNames {

  /** Each name and its model file under the home folder. */
  public static final Map<String, String> BUILT_IN = new TreeMap<>(Map.of(
      "world", "models/world/world.acc",
      "world-2024", "models/world/world.acc"));

  private ModelNames() {
  }

  /**
   * The shipped model a name stands for, or null when {@code name} is no built-in name or a file of
   * that name exists at {@code given} (a file of one's own wins).
   */
  public static Path resolve(String name, Path given, Path near) {
    if (!BUILT_IN.containsKey(name) || Files.isRegularFile(given)) {
      return null;
    }
    Path home = home(near);
    return home == null ? null : home.resolve(BUILT_IN.get(name)).normalize();
  }

  /**
   * The folder holding models/: the system property accord.home (set by ./accord), else the first
   * parent of {@code near} (may be null), else of the current folder, that has
   * models/world/world.acc; null if none.
   */
  public static Path home(Path near) {
    String prop = System.getProperty("accord.home");
    if (prop != null) {
      return Path.of(prop);
    }
    for (Path start : new Path[] {near, Path.of("").toAbsolutePath()}) {
      for (Path p = start == null ? null : start.toAbsolutePath(); p != null; p = p.getParent()) {
        if (Files.isRegularFile(p.resolve("models/world/world.acc"))) {
          return p;
        }
      }
    }
    return null;
  }
}
