package accord.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import accord.fuzz.Mutator.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the command line with malformed models and scenarios: seeded mutations (see
 * {@link Mutator.Kind}) of the shipped files, each run in process as {@code accord run} or
 * {@code accord check} and held to {@link CliOracle}'s contract.
 *
 * <p>Replay one case: {@code -Daccord.fuzz.seed=S -Daccord.fuzz.case=gl-model-0123} (the
 * failure message gives both; the case's file is also kept under target/fuzz-failures). More
 * cases: {@code -Daccord.fuzz.scale=10}.
 */
class MalformedFileFuzzTest {

  static final long SEED = Long.getLong("accord.fuzz.seed", 20_250_901L);
  static final String ONLY = System.getProperty("accord.fuzz.case");
  static final double SCALE = Double.parseDouble(System.getProperty("accord.fuzz.scale", "1"));
  static final int THREADS = Integer.getInteger("accord.fuzz.threads",
      Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));

  static final Path MODELS = Path.of("..", "models").toAbsolutePath().normalize();
  static final Path WORK = Path.of("target", "fuzz").toAbsolutePath();
  static final Path FAILURES = Path.of("target", "fuzz-failures").toAbsolutePath();

  /** A family of cases: the files mutated, how they run and how many cases. */
  enum Family {
    GL_MODEL("gl-model", 920, 10_000), GL_SCENARIO("gl-scenario", 1000, 10_000),
    WORLD_SCENARIO("world-scenario", 80, 60_000), WORLD_BLOCK("world-block", 6, 60_000);

    final String id;
    final int cases;
    final long timeoutMillis;

    Family(String id, int cases, long timeoutMillis) {
      this.id = id;
      this.cases = cases;
      this.timeoutMillis = timeoutMillis;
    }
  }

  /** -Daccord.fuzz.dump=true keeps every case and its output under target/fuzz/dump, to read the messages. */
  static final boolean DUMP = Boolean.getBoolean("accord.fuzz.dump");

  /** A shipped file to mutate: where it came from, its text, and the language. */
  record Base(String name, String text, boolean yaml) {
  }

  /** One case: the mutated file, the command that runs it, and its output file. */
  record Case(String id, Family family, Base base, Mutator.Mutation mutation, Path file, List<String> args, Path out) {
  }

  record Failure(Case c, CliOracle.Outcome outcome, List<String> problems) {
  }

  @BeforeAll
  static void prepare() throws IOException {
    deleteTree(WORK);
    deleteTree(FAILURES);
    Files.createDirectories(WORK);
    copyTree(MODELS.resolve("gl"), WORK.resolve("gl"));
  }

  @Test
  void glModels() {
    fuzz(Family.GL_MODEL, bases(MODELS.resolve("gl"), ".acc", t -> t));
  }

  @Test
  void glScenarios() {
    fuzz(Family.GL_SCENARIO, bases(MODELS.resolve("gl"), ".yaml", t -> t));
  }

  /**
   * The world's scenarios, each ending in 2026Q2 (every shipped event starts by then) so that a
   * mutation that stays valid runs six quarters, not sixteen.
   */
  @Test
  void worldScenarios() {
    String world = MODELS.resolve("world/world.acc").toString();
    fuzz(Family.WORLD_SCENARIO, bases(MODELS.resolve("world/scenarios"), ".yaml",
        t -> withoutProse(t).replaceAll("(?m)^end: .*$", "end: 2026Q2").replace("model: ../world.acc", "model: "
            + world)));
  }

  /**
   * A world scenario without its name and note: free text, where most mutations leave the file
   * valid and cost a whole run of the world model each (the textbook scenarios keep theirs).
   */
  static String withoutProse(String text) {
    return text.replaceAll("(?m)^(name|note):.*(\\n[ \\t]+.*)*\\n", "").replaceAll("(?m)^#.*\\n", "");
  }

  /** Blocks of the world model, mutated one at a time in a copy of the model's folder, then checked. */
  @Test
  void worldBlocks() {
    List<Base> blocks = new ArrayList<>(bases(MODELS.resolve("world/blocks"), ".acc", t -> t));
    blocks.add(new Base("world.acc", read(MODELS.resolve("world/world.acc")), false));
    fuzz(Family.WORLD_BLOCK, blocks);
  }

  /** The same seed gives the same cases, and every kind is generated for both languages. */
  @Test
  void theGeneratorIsDeterministicAndCoversEveryKind() {
    List<Base> gl = bases(MODELS.resolve("gl"), ".acc", t -> t);
    List<Base> yaml = bases(MODELS.resolve("gl"), ".yaml", t -> t);
    List<Case> a = cases(Family.GL_MODEL, gl);
    List<Case> b = cases(Family.GL_MODEL, gl);
    assertThat(a).hasSize(b.size());
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i).mutation().bytes()).as(a.get(i).id()).isEqualTo(b.get(i).mutation().bytes());
    }
    Set<Kind> seen = EnumSet.noneOf(Kind.class);
    a.forEach(c -> seen.add(c.mutation().kind()));
    cases(Family.GL_SCENARIO, yaml).forEach(c -> seen.add(c.mutation().kind()));
    assertThat(seen).containsExactlyInAnyOrder(Kind.values());
    long unchanged = a.stream().filter(c -> c.mutation().text().equals(c.base().text())).count();
    assertThat(unchanged).as("mutations that change nothing").isLessThan(a.size() / 20);
  }

  /** The oracle itself: what it must refuse. */
  @Test
  void theOracleRefusesTracesUnpositionedErrorsAndChangedFiles() {
    CliOracle.Outcome ok = new CliOracle.Outcome(1, "", "a.acc:3:5: error[E101]: unknown name 'x'\n", null, 5, false,
        false, List.of());
    assertThat(CliOracle.problems(ok)).isEmpty();
    assertThat(CliOracle.problems(new CliOracle.Outcome(1, "", "a.yaml: error[E303]: not UTF-8\n", null, 5, false,
        false, List.of()))).isEmpty();
    assertThat(CliOracle.problems(new CliOracle.Outcome(1, "", "error: no such file\n", null, 5, false, false,
        List.of()))).isNotEmpty();
    assertThat(CliOracle.problems(new CliOracle.Outcome(3, "", "internal error: java.lang.StackOverflowError\n", null,
        5, false, false, List.of()))).hasSize(2);
    assertThat(CliOracle.problems(new CliOracle.Outcome(1, "", "a.acc:3:5: error[E101]: x\n\tat accord.X.y(X.java:3)\n",
        null, 5, false, false, List.of()))).hasSize(1);
    assertThat(CliOracle.problems(new CliOracle.Outcome(2, "", "m.acc:4:1: error[E220]: solver failure in period 3: no "
        + "convergence\n", null, 5, false, true, List.of()))).hasSize(1);
    assertThat(CliOracle.problems(new CliOracle.Outcome(2, "", "no convergence\n", null, 5, false, false, List.of())))
        .hasSize(1);
    // a warning, with its excerpt and hint, goes with a clean exit
    assertThat(CliOracle.problems(new CliOracle.Outcome(0, "", "m.acc:9:14: warning[W501]: R >= 0 fails\n  9 | check R >= 0"
        + "\n    |       ^\n  = help: read with care\n", null, 5, false, false, List.of()))).isEmpty();
    assertThat(CliOracle.problems(new CliOracle.Outcome(0, "model M\n", "", null, 5, false, true,
        List.of(".accord-1.csv")))).hasSize(1);
    assertThat(CliOracle.problems(new CliOracle.Outcome(-1, "", "", null, 10_000, true, false, List.of()))).hasSize(1);
    // a source line echoed under a diagnostic may hold anything
    assertThat(CliOracle.problems(new CliOracle.Outcome(1, "", "a.yaml:2:1: error[E305]: unknown key\n  2 | \tat: "
        + "Exception\n", null, 5, false, false, List.of()))).isEmpty();
  }

  // ---- the machinery ------------------------------------------------------------------------

  private void fuzz(Family family, List<Base> bases) {
    List<Case> cases = cases(family, bases).stream().filter(c -> ONLY == null || ONLY.equals(c.id())).toList();
    long start = System.nanoTime();
    List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
    Map<Kind, int[]> exits = Collections.synchronizedMap(new EnumMap<>(Kind.class));
    ConcurrentLinkedQueue<Case> queue = new ConcurrentLinkedQueue<>(cases);
    ExecutorService workers = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < THREADS; w++) {
        done.add(workers.submit(() -> {
          try (InProcessCli cli = new InProcessCli()) {
            for (Case next; (next = queue.poll()) != null; ) {
              Case c = next;
              CliOracle.Outcome o = run(cli, c);
              int[] counts = exits.computeIfAbsent(c.mutation().kind(), k -> new int[5]);
              synchronized (counts) {
                counts[o.code() >= 0 && o.code() <= 2 ? o.code() : 3]++;
                counts[4] = (int) Math.max(counts[4], o.millis());
              }
              List<String> problems = CliOracle.problems(o);
              if (DUMP) {
                keep(c, o, problems, WORK.resolve("dump"));
              }
              if (!problems.isEmpty()) {
                failures.add(new Failure(c, o, problems));
                keep(c, o, problems, FAILURES);
              }
            }
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      workers.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    StringBuilder summary = new StringBuilder(String.format("fuzz %s: %d cases in %.1f s (seed %d, %d threads)%n",
        family.id, cases.size(), seconds, SEED, THREADS));
    new TreeMap<>(exits).forEach((k, n) -> summary.append(String.format("  %-20s exit 0: %4d  1: %4d  2: %4d  other: %d"
        + "  slowest %d ms%n", k, n[0], n[1], n[2], n[3], n[4])));
    System.out.print(summary);
    assertThat(failures).as(() -> report(failures)).isEmpty();
    if (ONLY == null) {
      assertThat(cases).as("cases of %s", family.id).hasSizeGreaterThanOrEqualTo((int) (family.cases * SCALE) / 2);
    }
  }

  /** The cases of a family: kinds in turn, bases in turn, details from the case's own seed. */
  static List<Case> cases(Family family, List<Base> bases) {
    List<Case> out = new ArrayList<>();
    int n = (int) Math.round(family.cases * SCALE);
    for (int i = 0; i < n; i++) {
      Random r = new Random(mix(SEED, family.ordinal(), i));
      Base base = bases.get(r.nextInt(bases.size()));
      Base b = base;
      List<Kind> kinds = Stream.of(Kind.values()).filter(k -> k.appliesTo(b.yaml())).toList();
      // kinds in turn; the textbook bases in turn under each kind, the world's (more than the cases of a kind) at random
      Kind kind = kinds.get(i % kinds.size());
      if (family == Family.GL_MODEL || family == Family.GL_SCENARIO) {
        base = bases.get((i / kinds.size()) % bases.size());
      }
      Mutator.Mutation m = Mutator.mutate(base.text(), base.yaml(), kind, r);
      String id = String.format("%s-%04d", family.id, i);
      out.add(caseOf(id, family, base, m, r));
    }
    return out;
  }

  private static Case caseOf(String id, Family family, Base base, Mutator.Mutation m, Random r) {
    Path out = WORK.resolve("out").resolve(id).resolve("results.csv");
    return switch (family) {
      case GL_MODEL -> {
        Path file = WORK.resolve("gl").resolve(id + ".acc");
        yield r.nextInt(4) == 0 ? new Case(id, family, base, m, file, List.of("check", file.toString()), null)
            : new Case(id, family, base, m, file, List.of("run", file.toString(), "--out", out.toString()), out);
      }
      case GL_SCENARIO -> {
        Path file = WORK.resolve("gl").resolve(id + ".yaml");
        yield new Case(id, family, base, m, file, List.of("run", file.toString(), "--out", out.toString()), out);
      }
      case WORLD_SCENARIO -> {
        Path file = WORK.resolve("world-scenarios").resolve(id + ".yaml");
        yield new Case(id, family, base, m, file, List.of("run", file.toString(), "--out", out.toString()), out);
      }
      case WORLD_BLOCK -> {
        Path root = WORK.resolve(id).resolve("world");
        Path file = base.name().equals("world.acc") ? root.resolve("world.acc") : root.resolve("blocks").resolve(
            base.name());
        yield new Case(id, family, base, m, file, List.of("check", root.resolve("world.acc").toString()), null);
      }
    };
  }

  private static CliOracle.Outcome run(InProcessCli cli, Case c) {
    try {
      if (c.family() == Family.WORLD_BLOCK) {
        copyTree(MODELS.resolve("world"), WORK.resolve(c.id()).resolve("world"));
      }
      Files.createDirectories(c.file().getParent());
      Files.write(c.file(), c.mutation().bytes());
      CliOracle.Outcome o = cli.run(c.args(), c.out(), c.family().timeoutMillis);
      Files.deleteIfExists(c.file());
      if (c.out() != null) {
        deleteTree(c.out().getParent());
      }
      if (c.family() == Family.WORLD_BLOCK) {
        deleteTree(WORK.resolve(c.id()));
      }
      return o;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Keeps a failing case's file and what it printed under target/fuzz-failures. */
  private static void keep(Case c, CliOracle.Outcome o, List<String> problems, Path dir) {
    try {
      Files.createDirectories(dir);
      String ext = c.base().yaml() ? ".yaml" : ".acc";
      Files.write(dir.resolve(c.id() + ext), c.mutation().bytes());
      Files.writeString(dir.resolve(c.id() + ".txt"), header(c) + "\nproblems: " + problems + "\nexit code "
          + o.code() + "\n--- stdout\n" + o.out() + "\n--- stderr\n" + o.err()
          + (o.thrown() == null ? "" : "\n--- thrown\n" + stackTrace(o.thrown())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String header(Case c) {
    return "case " + c.id() + " (replay: -Daccord.fuzz.seed=" + SEED + " -Daccord.fuzz.case=" + c.id() + "): "
        + c.mutation().kind() + " of " + c.base().name() + ": " + c.mutation().what() + "\n  "
        + InProcessCli.describe(c.args());
  }

  private static String report(List<Failure> failures) {
    StringBuilder sb = new StringBuilder(failures.size() + " of the cases broke the contract (files and output under "
        + FAILURES + "):\n");
    failures.stream().sorted(java.util.Comparator.comparing(f -> f.c().id())).limit(12).forEach(f -> {
      String text = f.c().mutation().text();
      sb.append("\n").append(header(f.c())).append("\n  ").append(String.join("; ", f.problems())).append("\n  output: ")
          .append(abbreviate(f.outcome().err().isEmpty() ? f.outcome().out() : f.outcome().err(), 600)).append("\n  file: ")
          .append(abbreviate(text, 1_500)).append("\n");
    });
    return sb.toString();
  }

  private static String abbreviate(String s, int max) {
    String t = s.length() > max ? s.substring(0, max) + " ... (" + s.length() + " characters)" : s;
    return t.replace("\n", "\n    ");
  }

  private static String stackTrace(Throwable t) {
    java.io.StringWriter w = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(w));
    String s = w.toString();
    return s.length() > 20_000 ? s.substring(0, 20_000) : s;
  }

  /** SplitMix64's finaliser over the seed, the family and the case: neighbouring cases get unrelated streams. */
  static long mix(long seed, int family, int i) {
    long z = seed + 0x9E3779B97F4A7C15L * (1 + family * 100_003L + i);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static List<Base> bases(Path dir, String ext, java.util.function.UnaryOperator<String> adapt) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(ext)).sorted()
          .map(p -> new Base(p.getFileName().toString(), adapt.apply(read(p)), ext.equals(".yaml"))).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path q = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(q);
        } else {
          Files.copy(p, q, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
