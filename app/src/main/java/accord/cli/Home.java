package accord.cli;

import accord.scenario.ModelNames;
import java.nio.file.Path;

/** Where the shipped models live: -Daccord.home (set by ./accord), else the first parent folder holding models/. */
final class Home {

  private Home() {
  }

  static Path root() {
    Path home = ModelNames.home(null);
    if (home == null) {
      throw new Errors.UserError("E413", "cannot find the models folder; run accord from the project folder or set -Daccord.home");
    }
    return home;
  }

  static Path world() {
    return root().resolve("models/world");
  }

  /** A built-in model name ("world", "world-2024": the names a scenario file takes too) or a path as given. */
  static Path resolve(Path input) {
    Path builtIn = ModelNames.resolve(input.toString(), input, null);
    if (builtIn != null) {
      return builtIn;
    }
    if (ModelNames.BUILT_IN.containsKey(input.toString()) && !java.nio.file.Files.isRegularFile(input)) {
      root();   // a built-in name without the models folder: say where to find it
    }
    return input;
  }
}
