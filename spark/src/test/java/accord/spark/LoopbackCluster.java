package accord.spark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark standalone cluster on 127.0.0.1: a master and one worker, each a JVM of its own started
 * from the test's class path as a user starts them from accord-spark.jar (README.md), on ports the
 * system picks. The worker launches executors as JVMs of their own; its Spark home is a folder
 * with an empty {@code jars/}, and the classes (Spark's and accord's) reach the executors through
 * {@code SPARK_DIST_CLASSPATH}, Spark's hook for a class path of one's own. Logs go to files in
 * the folder, read for the master's address and quoted when something goes wrong.
 */
final class LoopbackCluster implements AutoCloseable {

  private static final Pattern MASTER_URL = Pattern.compile("Starting Spark master at (spark://\\S+)");

  private final Path dir;
  private final Process master;
  private final Process worker;
  private final String url;
  /** Every process this cluster started, executors included once seen. */
  private final List<ProcessHandle> started = new ArrayList<>();

  private LoopbackCluster(Path dir, Process master, Process worker, String url) {
    this.dir = dir;
    this.master = master;
    this.worker = worker;
    this.url = url;
    started.add(master.toHandle());
    started.add(worker.toHandle());
  }

  /** Whether this machine can listen on 127.0.0.1: without loopback there is no cluster to start. */
  static boolean loopback() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort() > 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** Starts the master, then a worker of {@code cores} cores, and waits (at most {@code patience} each) until it has registered. */
  static LoopbackCluster start(Path dir, int cores, Duration patience) throws IOException, InterruptedException {
    Files.createDirectories(dir.resolve("home/jars"));
    Process master = java(dir, "master", "org.apache.spark.deploy.master.Master", Map.of(),
        "--host", "127.0.0.1", "--port", "0", "--webui-port", "0");
    Process worker = null;
    try {
      String url = await(master, dir.resolve("master.log"), MASTER_URL, patience).group(1);
      worker = java(dir, "worker", "org.apache.spark.deploy.worker.Worker",
          Map.of("SPARK_HOME", dir.resolve("home").toString(), "SPARK_SCALA_VERSION", "2.13",
              "SPARK_DIST_CLASSPATH", System.getProperty("java.class.path")),
          "--host", "127.0.0.1", "--port", "0", "--webui-port", "0", "--cores", Integer.toString(cores),
          "--memory", "1g", "--work-dir", dir.resolve("work").toString(), url);
      await(worker, dir.resolve("worker.log"), Pattern.compile("Successfully registered with master"), patience);
      return new LoopbackCluster(dir, master, worker, url);
    } catch (IOException | InterruptedException | RuntimeException e) {
      stop(worker == null ? List.of(master.toHandle()) : List.of(worker.toHandle(), master.toHandle()));
      throw e;
    }
  }

  /** The master's address, spark://127.0.0.1:PORT. */
  String master() {
    return url;
  }

  /** The worker's executors running now: the JVMs it started (it starts nothing else). */
  List<ProcessHandle> executors() {
    List<ProcessHandle> found = worker.descendants().toList();
    found.stream().filter(p -> !started.contains(p)).forEach(started::add);
    return found;
  }

  /** How many tasks the executors' logs say they finished. */
  long tasksFinished() throws IOException {
    try (var files = Files.walk(dir.resolve("work"))) {
      long n = 0;
      for (Path p : files.filter(f -> f.getFileName().toString().equals("stderr")).toList()) {
        n += Pattern.compile("Finished task ").matcher(new String(Files.readAllBytes(p), StandardCharsets.UTF_8))
            .results().count();
      }
      return n;
    }
  }

  /** Every process this cluster started and saw that is still alive. */
  List<ProcessHandle> alive() {
    return started.stream().filter(ProcessHandle::isAlive).toList();
  }

  /** The ends of the master's, the worker's and the executors' logs, for a failure's message. */
  String logs() {
    StringBuilder s = new StringBuilder();
    try (var files = Files.walk(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".log") || f.getFileName().toString().equals("stderr"))
          .sorted().toList()) {
        s.append("--- ").append(dir.relativize(p)).append('\n').append(tail(p, 3000)).append('\n');
      }
    } catch (IOException e) {
      s.append("(logs unreadable: ").append(e.getMessage()).append(")\n");
    }
    return s.toString();
  }

  /** Stops the worker (its executors with it), then the master; whatever outlives that is killed. */
  @Override
  public void close() {
    executors();
    stop(List.of(worker.toHandle(), master.toHandle()));
    stop(started);
  }

  private static void stop(List<ProcessHandle> processes) {
    for (ProcessHandle p : processes) {
      p.destroy();
      try {
        p.onExit().get(15, TimeUnit.SECONDS);
      } catch (Exception e) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    }
  }

  /** A JVM running {@code main} with Spark's JVM options, output in {@code name}.log, only on loopback. */
  private static Process java(Path dir, String name, String main, Map<String, String> env, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "@" + JvmOptionsTest.FILE.toAbsolutePath(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        // the REST submission server listens on a fixed port (6066) that another run may hold; unused here
        "-Dspark.master.rest.enabled=false", main));
    command.addAll(List.of(args));
    ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile());
    b.environment().putAll(env);
    b.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return b.start();
  }

  /** Waits until {@code log} holds {@code pattern}; fails with the log when the process ends first or time runs out. */
  private static Matcher await(Process p, Path log, Pattern pattern, Duration patience)
      throws IOException, InterruptedException {
    long end = System.nanoTime() + patience.toNanos();
    while (true) {
      String text = Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
      Matcher m = pattern.matcher(text);
      if (m.find()) {
        return m;
      }
      if (!p.isAlive() || System.nanoTime() > end) {
        throw new IllegalStateException((p.isAlive() ? "no '" + pattern + "' after " + patience.toSeconds() + " s"
            : "ended with status " + p.exitValue()) + " in " + log.getFileName() + ":\n" + tail(log, 3000));
      }
      Thread.sleep(100);
    }
  }

  private static String tail(Path p, int chars) {
    try {
      String s = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);   // lenient: a log may end mid-character
      return s.length() <= chars ? s : "..." + s.substring(s.length() - chars);
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }
}
