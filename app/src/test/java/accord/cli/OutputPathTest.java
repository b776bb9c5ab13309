package accord.cli;

import static accord.cli.CommandLineTest.accord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import accord.lang.ModelException;
import accord.output.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --out to a place that cannot be written is a user error naming the path (exit 1, no internal
 * error), and no run leaves a file of ours behind nor changes a file the user had.
 */
class OutputPathTest {

  static final String SIM = "../models/gl/sim.acc";

  @Test
  void aFolderIsRefusedBeforeTheRunWithAHint(@TempDir Path dir) throws IOException {
    Path folder = Files.createDirectory(dir.resolve("results"));
    CommandLineTest.Outcome o = accord("run", SIM, "--periods", "5", "--out", folder.toString());
    assertThat(o.code()).isEqualTo(1);
    assertThat(o.err()).startsWith("error[E400]: --out " + folder + " is a folder, not a file")
        .contains("= help: name a file in it, e.g. --out " + folder.resolve("results.csv"))
        .doesNotContain("internal error");
    assertThat(o.out()).as("refused before the run").isEmpty();
    assertThat(listing(dir)).containsExactly("results");
  }

  @Test
  void aPathThroughAFileIsRefused(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("file.txt"), "mine\n");
    CommandLineTest.Outcome o = accord("run", SIM, "--periods", "5", "--out", file.resolve("out.csv").toString());
    assertThat(o.code()).isEqualTo(1);
    assertThat(o.err()).startsWith("error[E401]: cannot write --out " + file.resolve("out.csv") + ": " + file
        + " is a file, not a folder");
    assertThat(Files.readString(file)).isEqualTo("mine\n");
    assertThat(listing(dir)).containsExactly("file.txt");
  }

  @Test
  void aReadOnlyFolderIsRefused(@TempDir Path dir) throws IOException {
    Path locked = Files.createDirectory(dir.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      // root writes anyway: permissions do not apply (the path-through-a-file case covers root)
      assumeTrue(!Files.isWritable(locked), "permissions do not apply to this user");
      CommandLineTest.Outcome o = accord("run", SIM, "--periods", "5", "--out", locked.resolve("x.csv").toString());
      assertThat(o.code()).isEqualTo(1);
      assertThat(o.err()).startsWith("error[E402]: cannot write --out " + locked.resolve("x.csv")
          + ": permission denied in " + locked);
      assertThat(listing(locked)).isEmpty();
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void aFailedRunLeavesTheExistingFileAsItWas(@TempDir Path dir) throws IOException {
    Path out = Files.writeString(dir.resolve("results.csv"), "the user's file\n");
    Path model = Files.writeString(dir.resolve("bad.acc"), "var x = 1\n0 = x*x + 1 + 0*y\ny = 2*x\n");
    CommandLineTest.Outcome failed = accord("run", model.toString(), "--periods", "3", "--out", out.toString());
    assertThat(failed.code()).as("a solver failure").isEqualTo(2);
    CommandLineTest.Outcome unknown = accord("run", SIM, "--vars", "Nothing", "--out", out.toString());
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(Files.readString(out)).isEqualTo("the user's file\n");
    assertThat(listing(dir)).containsExactlyInAnyOrder("results.csv", "bad.acc");
  }

  @Test
  void aWriteThatFailsHalfWayLeavesTheTargetAndNoTemporaryFile(@TempDir Path dir) throws IOException {
    Path out = Files.writeString(dir.resolve("results.csv"), "before\n");
    assertThatThrownBy(() -> OutputFile.writeText(out, "--out", w -> {
      w.write("half a file");
      w.flush();
      throw new IOException("No space left on device");
    })).isInstanceOf(ModelException.class).hasMessageContaining("cannot write --out " + out)
        .hasMessageContaining("No space left on device");
    assertThat(Files.readString(out)).isEqualTo("before\n");
    assertThat(listing(dir)).containsExactly("results.csv");
    // a mistake in our own code midway: the same, and the error is not turned into a user error
    assertThatThrownBy(() -> OutputFile.writeText(out, "--out", w -> {
      w.write("half");
      throw new IllegalStateException("bug");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(Files.readString(out)).isEqualTo("before\n");
    assertThat(listing(dir)).containsExactly("results.csv");
  }

  /**
   * A run killed while writing leaves its temporary file; the next write into the folder deletes
   * it once its process is gone, and leaves alone one whose process still runs.
   */
  @Test
  void aStaleTemporaryFileOfADeadProcessIsCleanedByTheNextRun(@TempDir Path dir) throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    long deadPid = gone.pid();
    assumeTrue(ProcessHandle.of(deadPid).isEmpty(), "the finished process's id is already taken again");
    Path killed = Files.writeString(dir.resolve(".accord-" + deadPid + "-42.tmp"), "half a fi");
    Path running = Files.writeString(dir.resolve(".accord-" + ProcessHandle.current().pid() + "-7.tmp"), "writing");
    Path old = Files.writeString(dir.resolve(".accord-123456789.csv"), "from a version without process ids");
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(2 * 3600)));
    Path notOurs = Files.writeString(dir.resolve(".accord-notes.txt"), "the user's");

    CommandLineTest.Outcome o = accord("run", SIM, "--periods", "5", "--out", dir.resolve("sim.csv").toString());
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(killed).doesNotExist();
    assertThat(old).doesNotExist();
    assertThat(running).exists();
    assertThat(notOurs).exists();
    assertThat(listing(dir)).containsExactlyInAnyOrder("sim.csv", running.getFileName().toString(),
        notOurs.getFileName().toString());
  }

  @Test
  void theOutputFileGetsTheFolderDefaultPermissionsNotATemporaryFilesOwnerOnlyOnes(@TempDir Path dir)
      throws IOException {
    Path out = dir.resolve("sim.csv");
    assertThat(accord("run", SIM, "--periods", "3", "--out", out.toString()).code()).isZero();
    Path plain = Files.createFile(dir.resolve("plain"));
    assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(plain));
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
