package accord.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the Godley-Lavoie model folder (models/gl). The system property {@code accord.models}
 * wins: it may name the models/gl folder itself or the models folder or the repository root
 * above it. Without it, the folder is found by walking up from the working directory (so the
 * benchmarks run from the repository root, from bench/ or from anywhere below).
 */
public final class ModelFiles {

  public static final String PROPERTY = "accord.models";

  private ModelFiles() {
  }

  /** The folder holding sim.acc and pc.acc. */
  public static Path glDir() {
    String prop = System.getProperty(PROPERTY);
    if (prop != null && !prop.isBlank()) {
      Path p = Path.of(prop).toAbsolutePath().normalize();
      for (Path candidate : new Path[] {p, p.resolve("gl"), p.resolve("models").resolve("gl")}) {
        if (isGl(candidate)) {
          return candidate;
        }
      }
      throw new IllegalStateException("-D" + PROPERTY + "=" + prop + " holds no sim.acc and pc.acc (nor gl/ or models/gl/ with them)");
    }
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("models").resolve("gl");
      if (isGl(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no models/gl folder in " + start + " or above it; run from the Accord "
        + "repository or pass -D" + PROPERTY + "=/path/to/models/gl");
  }

  public static Path sim() {
    return glDir().resolve("sim.acc");
  }

  public static Path pc() {
    return glDir().resolve("pc.acc");
  }

  /** The world model, models/world/world.acc (next to models/gl). */
  public static Path world() {
    return glDir().getParent().resolve("world").resolve("world.acc");
  }

  private static boolean isGl(Path dir) {
    return Files.isRegularFile(dir.resolve("sim.acc")) && Files.isRegularFile(dir.resolve("pc.acc"));
  }
}
