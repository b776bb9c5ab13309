package accord.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shipped models live: -Daccord.home (set by ./accord), else the first parent folder holding models/. */
final class Home {

  private Home() {
  }

  static Path root() {
    String prop = System.getProperty("accord.home");
    if (prop != null) {
      return Path.of(prop);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("models/world/world.acc"))) {
        return p;
      }
    }
    throw new Errors.UserError("cannot find the models folder; run accord from the project folder or set -Daccord.home");
  }

  static Path world() {
    return root().resolve("models/world");
  }

  /** A built-in model name ("world") or a path as given. */
  static Path resolve(Path input) {
    if (input.toString().equals("world") && !Files.isRegularFile(input)) {
      return world().resolve("world.acc");
    }
    return input;
  }
}
