package accord.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The workload that ./accord runs once after a build, under the JDK's class-data archiving, so
 * that the cache it keeps holds the classes of the commands people run: the help, a run of model
 * PC and a check of the world model. Output goes nowhere; the archive is what it is for.
 */
public final class Training {

  private Training() {}

  public static void main(String[] args) throws IOException {
    String home = System.getProperty("accord.home", ".");
    Path out = Files.createTempDirectory("accord-training");
    try {
      run("--help");
      run("run", Path.of(home, "models", "gl", "pc.acc").toString(), "--periods", "100",
          "--out", out.resolve("pc.csv").toString());
      run("check", "world");
    } finally {
      try (var files = Files.list(out)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Files.delete(f);
        }
      }
      Files.delete(out);
    }
  }

  private static void run(String... args) {
    PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream());
    Accord.commandLine().setOut(nowhere).setErr(nowhere).execute(args);
  }
}
