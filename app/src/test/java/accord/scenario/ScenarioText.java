package accord.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A scenario written by a test, read as accord reads any scenario file: from a temporary file
 * outside the shipped library (a test killed mid-run leaves nothing in models/world/scenarios),
 * which exists while {@code use} runs.
 */
final class ScenarioText {

  private ScenarioText() {
  }

  static <T> T with(String text, Function<ScenarioFile, T> use) {
    try {
      Path file = Files.createTempFile("accord-scenario", ".yaml");
      try {
        Files.writeString(file, text);
        return use.apply(ScenarioFile.load(file));
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
