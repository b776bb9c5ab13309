package accord.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The workload that ./accord runs once after a build, under the JDK's class-data archiving, so
 * that the cache it keeps holds the classes of the commands people run: the help, a run of model
 * PC, a check of the world model and two runs of it (the first puts it into the model cache, the
 * second reads it from there, as the commands after it will). Output goes nowhere; the archive is
 * what it is for, and the model cache that the first command after a build then finds ready.
 */
public final class Training {

  private Training() {}

  public static void main(String[] args) throws IOException {
    String home = System.getProperty("accord.home", ".");
    Path out = Files.createTempDirectory("accord-training");
    Accord.useModelCache();
    try {
      run("--help");
      run("run", Path.of(home, "models", "gl", "pc.acc").toString(), "--periods", "100",
          "--out", out.resolve("pc.csv").toString());
      run("check", "world");
      run("run", "world", "--out", out.resolve("world.csv").toString());
      run("run", "world", "--out", out.resolve("world.csv").toString());
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
