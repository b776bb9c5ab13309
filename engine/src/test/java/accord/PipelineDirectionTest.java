package accord;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Data flows one way down the pipeline: a stage imports only the stages before it. */
class PipelineDirectionTest {

  static final List<String> STAGES = List.of("lang", "model", "structure", "solve", "sim", "accounts");

  @Test
  void noStageImportsALaterOne() throws IOException {
    Path root = Path.of("src", "main", "java", "accord");
    for (int i = 0; i < STAGES.size(); i++) {
      List<String> later = STAGES.subList(i + 1, STAGES.size());
      try (Stream<Path> files = Files.walk(root.resolve(STAGES.get(i)))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          for (String line : Files.readAllLines(f)) {
            for (String stage : later) {
              assertThat(line.startsWith("import accord." + stage + ".") || line.startsWith("import static accord." + stage + "."))
                  .as("%s imports the later stage %s: %s", f, stage, line).isFalse();
            }
          }
        }
      }
    }
  }
}
