package accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM options ./accord picks for a command: the launcher runs in a copy of its own with a
 * built jar and a "java" that prints the arguments it is given, so nothing is built or run.
 */
class LauncherTest {

  static final Path LAUNCHER = Path.of("..", "accord");

  @TempDir
  static Path home;

  /** The arguments the launcher gives java for {@code args}. */
  static List<String> javaArguments(String... args) throws IOException, InterruptedException {
    if (!Files.exists(home.resolve("accord"))) {
      Files.copy(LAUNCHER, home.resolve("accord"), StandardCopyOption.COPY_ATTRIBUTES);
      Files.createDirectories(home.resolve("app/target"));
      Files.writeString(home.resolve("app/target/accord.jar"), "");
      Path java = home.resolve("java");
      Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
      Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    List<String> command = new ArrayList<>(List.of("bash", home.resolve("accord").toString()));
    command.addAll(List.of(args));
    ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
    b.environment().put("ACCORD_JAVA", home.resolve("java").toString());
    b.environment().put("ACCORD_CDS", "0");
    b.environment().remove("ACCORD_JAVA_OPTS");
    Process p = b.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out.lines().toList();
  }

  @Test
  void aSweepOfAThousandDrawsOrMoreKeepsC2AndEverythingElseRunsC1Only() throws Exception {
    assertThat(javaArguments("sweep", "s.yaml", "--draws", "10000")).contains("-XX:TieredStopAtLevel=4")
        .doesNotContain("-XX:TieredStopAtLevel=1").endsWith("sweep", "s.yaml", "--draws", "10000");
    assertThat(javaArguments("sweep", "s.yaml", "--draws=1000", "--threads", "2")).contains("-XX:TieredStopAtLevel=4");
    assertThat(javaArguments("sweep", "s.yaml", "--draws", "999")).contains("-XX:TieredStopAtLevel=1");
    assertThat(javaArguments("sweep", "s.yaml")).as("the default, 200 draws")
        .contains("-XX:TieredStopAtLevel=1");
    // not a number: the sweep refuses it; the launcher does not read it as one
    assertThat(javaArguments("sweep", "s.yaml", "--draws", "1000x")).contains("-XX:TieredStopAtLevel=1");
    assertThat(javaArguments("sweep", "s.yaml", "--seed", "--draws", "5")).contains("-XX:TieredStopAtLevel=1");
    assertThat(javaArguments("run", "world", "--draws", "5000")).contains("-XX:TieredStopAtLevel=1", "-Xmn32m");
    assertThat(javaArguments("grid", "s.yaml", "--draws", "5000")).contains("-XX:TieredStopAtLevel=1", "-Xmn256m");
  }
}
