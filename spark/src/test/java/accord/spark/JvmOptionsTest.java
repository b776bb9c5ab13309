package accord.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

/** spark/jvm.options, the one list of the JVM options Spark needs, is Spark's own and reaches the tests. */
class JvmOptionsTest {

  static final Path FILE = Path.of("jvm.options");

  static List<String> options() throws Exception {
    return Files.readAllLines(FILE).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }

  @Test
  void holdsEveryOpenOfTheSparkOnTheClassPath() throws Exception {
    List<String> sparks = Arrays.stream(JavaModuleOptions.defaultModuleOptionArray())
        .filter(o -> o.startsWith("--add-opens=") || o.startsWith("-Dio.netty.tryReflectionSetAccessible")).toList();
    assertThat(sparks).isNotEmpty();
    assertThat(options()).containsAll(sparks);
  }

  @Test
  void theTestsRunWithIt() throws Exception {
    // surefire's argLine names the file; the java launcher expands it into these arguments
    assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments()).containsAll(options());
  }
}
