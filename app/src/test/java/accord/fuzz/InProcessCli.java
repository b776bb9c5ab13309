package accord.fuzz;

import accord.cli.Accord;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * Runs the command line in this JVM, as MalformedInputTest does, on a thread of its own so that
 * a run that does not answer within its time limit is reported (and abandoned) instead of
 * stalling the suite. One instance per worker thread.
 */
final class InProcessCli implements AutoCloseable {

  /** What an output file holds before the run: a run that fails must leave it so. */
  static final String SENTINEL = "this file was here before the run\n";

  private ExecutorService runner = newRunner();

  private static ExecutorService newRunner() {
    return Executors.newSingleThreadExecutor(r -> {
      // the default stack size, as the command line's own main thread has
      Thread t = new Thread(r, "accord-fuzz-run");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Runs {@code accord args...} with {@code out} (in a folder of its own, holding only it) given
   * as {@code --out} by the caller when it wants one; null for none.
   */
  CliOracle.Outcome run(List<String> args, Path out, long timeoutMillis) {
    try {
      if (out != null) {
        Files.createDirectories(out.getParent());
        Files.writeString(out, SENTINEL);
      }
      StringWriter stdout = new StringWriter();
      StringWriter stderr = new StringWriter();
      long start = System.nanoTime();
      Future<Integer> f = runner.submit(() -> {
        CommandLine cl = Accord.commandLine();
        cl.setOut(new PrintWriter(stdout, true));
        cl.setErr(new PrintWriter(stderr, true));
        return cl.execute(args.toArray(String[]::new));
      });
      int code = -1;
      Throwable thrown = null;
      boolean timedOut = false;
      try {
        code = f.get(timeoutMillis, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        timedOut = true;
        f.cancel(true);
        runner.shutdownNow();
        runner = newRunner();
      } catch (ExecutionException e) {
        thrown = e.getCause();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      boolean changed = false;
      List<String> litter = List.of();
      if (out != null && !timedOut) {
        changed = !Files.exists(out) || !Files.readString(out, java.nio.charset.StandardCharsets.ISO_8859_1)
            .equals(SENTINEL);
        try (Stream<Path> files = Files.list(out.getParent())) {
          litter = files.filter(p -> !p.equals(out)).map(p -> p.getFileName().toString()).sorted().toList();
        }
      }
      String nonFinite = code == 0 && changed ? nonFinite(out) : null;
      return new CliOracle.Outcome(code, stdout.toString(), stderr.toString(), thrown, millis, timedOut, changed, litter,
          nonFinite);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first value of a written CSV that is not a finite number ("NaN at row 3, column Y"), else null. */
  static String nonFinite(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    List<String> header = lines.isEmpty() ? List.of() : accord.model.Csv.parse(lines.get(0) + "\n").header();
    for (int i = 1; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(",", -1);
      for (int j = 1; j < cells.length; j++) {
        String v = cells[j].strip();
        if (v.equalsIgnoreCase("nan") || v.toLowerCase().contains("inf")) {
          return v + " in row " + (i + 1) + ", column " + (j < header.size() ? header.get(j) : String.valueOf(j + 1));
        }
      }
    }
    return null;
  }

  @Override
  public void close() {
    runner.shutdownNow();
  }

  static String describe(List<String> args) {
    return "accord " + String.join(" ", args.stream().map(a -> a.contains(" ") ? "'" + a + "'" : a).toList());
  }

  static List<String> args(String... a) {
    return Arrays.asList(a);
  }
}
