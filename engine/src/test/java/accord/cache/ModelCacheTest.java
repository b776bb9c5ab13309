package accord.cache;

import static org.assertj.core.api.Assertions.assertThat;

import accord.model.Model;
import accord.model.ModelLoader;
import accord.sim.Results;
import accord.sim.Scenario;
import accord.sim.Simulator;
import accord.solve.Program;
import accord.solve.SolverSettings;
import accord.structure.StructuralAnalysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model cache gives what the plain stages give, and never a stale or corrupt answer: a model
 * file or a data file edited after the entry was made, and an entry damaged on disk, are noticed.
 */
class ModelCacheTest {

  /** A model with an include, a data file, a simultaneous block (derivatives kept) and a closure. */
  static void write(Path dir, double alpha, double g) throws IOException {
    Files.writeString(dir.resolve("model.acc"), """
        model CACHED "a small model with a loop, an include and a data file"
        set N = {A, B}
        include "params.acc"
        param G[N] = file "g.csv" in [0, inf) "government spending"
        var Y[N] = 100 "output"
        var C[N] "consumption"
        var X "a shared term"
        Y[n] = C[n] + G[n] for n in N
        C[n] = a1 * Y[n] + 0.01 * X for n in N
        X = Y[A] + Y[B]
        closure fixY "output fixed, spending takes the difference"
          exogenize Y[A]
        end
        """.replace("closure fixY", "exogenous Z = 1\nclosure fixY").replace("exogenize Y[A]",
            "exogenize Y[A]\n  endogenize Z").replace("Y[n] = C[n] + G[n] for n in N",
            "Y[n] = C[n] + G[n] * Z for n in N"));
    Files.writeString(dir.resolve("params.acc"), "param a1 = " + alpha + " in (0, 1) \"propensity to consume\"\n");
    Files.writeString(dir.resolve("g.csv"), "N,value\nA," + g + "\nB,20\n");
  }

  static Results run(Program p) {
    return Simulator.run(p, Scenario.of(12), SolverSettings.DEFAULT);
  }

  static Results cached(Path model, Path folder) {
    Model m = ModelCache.load(model, folder);
    return run(ModelCache.program(m, null));
  }

  static Results plain(Path model) {
    return run(Program.compile(StructuralAnalysis.analyze(ModelLoader.load(model), null)));
  }

  static void assertSameRun(Results a, Results b) {
    assertThat(a.rows().length).isEqualTo(b.rows().length);
    for (int t = 0; t < a.rows().length; t++) {
      assertThat(a.rows()[t]).as("period %d", t + 1).containsExactly(b.rows()[t]);
    }
  }

  @Test
  void aCachedModelRunsToTheSameBitsAsTheStagesAndIsReadBackTheSecondTime(@TempDir Path dir) throws IOException {
    write(dir, 0.6, 20);
    Path folder = dir.resolve("cache");
    Path model = dir.resolve("model.acc");
    int before = ModelCache.DECODED.get();
    Results first = cached(model, folder);
    assertThat(ModelCache.DECODED.get()).isEqualTo(before);
    Results second = cached(model, folder);
    assertThat(ModelCache.DECODED.get()).as("the second load reads the entry").isEqualTo(before + 1);
    Results third = cached(model, folder);
    assertSameRun(first, plain(model));
    assertSameRun(second, first);
    assertSameRun(third, first);
  }

  @Test
  void encodingIsAFixedPointAndKeepsTheSharedConstants(@TempDir Path dir) throws IOException {
    write(dir, 0.6, 20);
    Model m = ModelLoader.load(dir.resolve("model.acc"));
    byte[] once = ModelCodec.encode(m);
    Model back = ModelCodec.decodeModel(once);
    assertThat(ModelCodec.encode(back)).isEqualTo(once);
    assertThat(back.slots()).isEqualTo(m.slots());
    assertThat(back.equations()).isEqualTo(m.equations());
    assertThat(back.closures()).isEqualTo(m.closures());
    assertThat(back.slots().get(back.slotOf("C[A]")).range()).isSameAs(accord.lang.Range.ANY);
    // a closure's structure and derivatives, through the cache, run as the stages do
    Program viaCache = ModelCache.program(ModelCache.load(dir.resolve("model.acc"), dir.resolve("c")), "fixY");
    Program direct = Program.compile(StructuralAnalysis.analyze(m, "fixY"));
    assertSameRun(Simulator.run(viaCache, new Scenario("c", 8, "fixY", java.util.List.of(), null), SolverSettings.DEFAULT),
        Simulator.run(direct, new Scenario("c", 8, "fixY", java.util.List.of(), null), SolverSettings.DEFAULT));
  }

  @Test
  void editingTheModelOrAnIncludeOrADataFileChangesTheResults(@TempDir Path dir) throws IOException {
    Path folder = dir.resolve("cache");
    Path model = dir.resolve("model.acc");
    write(dir, 0.6, 20);
    Results original = cached(model, folder);
    cached(model, folder);
    // the include: a propensity of 0.7
    write(dir, 0.7, 20);
    Results include = cached(model, folder);
    assertSameRun(include, plain(model));
    assertThat(include.value("Y[A]", 12)).isNotEqualTo(original.value("Y[A]", 12));
    // the data file: government spending of 30 in A, same size of file
    write(dir, 0.7, 30);
    Results data = cached(model, folder);
    assertSameRun(data, plain(model));
    assertThat(data.value("Y[A]", 12)).isNotEqualTo(include.value("Y[A]", 12));
    // back to the first files: the first results again
    write(dir, 0.6, 20);
    assertSameRun(cached(model, folder), original);
  }

  @Test
  void aCorruptOrTruncatedEntryIsIgnoredAndMadeAgain(@TempDir Path dir) throws IOException {
    write(dir, 0.6, 20);
    Path folder = dir.resolve("cache");
    Path model = dir.resolve("model.acc");
    Results original = cached(model, folder);
    Path entry = entry(folder);
    byte[] good = Files.readAllBytes(entry);
    java.util.Random random = new java.util.Random(20261130);
    for (int trial = 0; trial < 40; trial++) {
      byte[] bad = good.clone();
      if (trial % 4 == 0) {
        bad = java.util.Arrays.copyOf(good, random.nextInt(good.length));
      } else {
        bad[random.nextInt(bad.length)] ^= (byte) (1 << random.nextInt(8));
      }
      Files.write(entry, bad);
      int before = ModelCache.DECODED.get();
      assertSameRun(cached(model, folder), original);
      assertThat(ModelCache.DECODED.get()).as("trial %d: a damaged entry is not decoded", trial).isEqualTo(before);
      assertThat(Files.readAllBytes(entry(folder))).as("trial %d: made again", trial).isEqualTo(good);
    }
    Files.write(entry, new byte[0]);
    assertSameRun(cached(model, folder), original);
  }

  @Test
  void aFolderThatCannotBeWrittenOnlyCostsTheCache(@TempDir Path dir) throws IOException {
    write(dir, 0.6, 20);
    Path notAFolder = dir.resolve("file");
    Files.writeString(notAFolder, "a file where the cache folder would be");
    assertSameRun(cached(dir.resolve("model.acc"), notAFolder), plain(dir.resolve("model.acc")));
  }

  static Path entry(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".model")).findFirst().orElseThrow();
    }
  }
}
