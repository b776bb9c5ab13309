package accord.explore;

import static org.assertj.core.api.Assertions.assertThat;

import accord.scenario.ScenarioFile;
import accord.solve.SolverSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {

  @TempDir
  Path dir;

  private Experiment toy(long seed) throws Exception {
    ScenarioFile f = ScenarioFile.load(Toy.write(dir));
    Priors p = Priors.load(dir.resolve("priors.csv"), f.model());
    return Experiment.of(f, p, seed, List.of(new Output.Series("Y"), new Output.Series("K")),
        SolverSettings.DEFAULT);
  }

  private static List<DrawResult> collect(Experiment e, long n, int threads) throws InterruptedException {
    List<DrawResult> out = new ArrayList<>();
    LocalEngine.run(e::draw, n, threads, out::add, LocalEngine.Progress.NONE);
    return out;
  }

  @Test
  void theSameSeedGivesTheSameBitsOnOneThreadAndOnTwo() throws Exception {
    Experiment e = toy(42);
    List<DrawResult> one = collect(e, 300, 1);
    List<DrawResult> two = collect(e, 300, 2);
    assertThat(two).hasSize(300);
    for (int i = 0; i < one.size(); i++) {
      assertThat(two.get(i).index()).isEqualTo(i);
      assertThat(two.get(i).parameters()).isEqualTo(one.get(i).parameters());
      assertThat(two.get(i).differences()).isEqualTo(one.get(i).differences());
      assertThat(two.get(i).failure()).isEqualTo(one.get(i).failure());
    }
    Fans a = new Fans(e);
    Fans b = new Fans(e);
    LocalEngine.run(e::draw, 300, 1, a, LocalEngine.Progress.NONE);
    LocalEngine.run(e::draw, 300, 2, b, LocalEngine.Progress.NONE);
    assertThat(b.rows()).isEqualTo(a.rows());
    // another seed, other draws
    assertThat(toy(43).draw(0).parameters()).isNotEqualTo(e.draw(0).parameters());
  }

  @Test
  void drawIDependsOnSeedAndIOnly() throws Exception {
    Experiment e = toy(7);
    DrawResult late = e.draw(123);
    collect(e, 50, 2);
    assertThat(e.draw(123).differences()).isEqualTo(late.differences());
    assertThat(e.priors().draw(7, 123)).isEqualTo(late.parameters());
  }

  @Test
  void failedDrawsAreCountedAndKeptWithTheirParametersAndMessage() throws Exception {
    Experiment e = toy(5);
    Fans fans = new Fans(e);
    LocalEngine.run(e::draw, 200, 2, fans, LocalEngine.Progress.NONE);
    long expected = 0;
    for (int i = 0; i < 200; i++) {
      expected += e.priors().draw(5, i)[1] < 1.5 ? 1 : 0;
    }
    assertThat(expected).isBetween(20L, 80L);
    assertThat(fans.failures()).hasSize((int) expected);
    assertThat(fans.used() + fans.failures().size()).isEqualTo(200);
    for (DrawResult f : fans.failures()) {
      assertThat(f.parameters()[1]).isLessThan(1.5);
      assertThat(f.failure()).contains("square root of a negative number").containsPattern("period \\d");
    }
    // failures in draw order
    assertThat(fans.failures()).isSortedAccordingTo((x, y) -> Long.compare(x.index(), y.index()));
  }

  @Test
  void aDrawnParameterMovesTheValuesDeclaredFromIt() throws Exception {
    Experiment e = toy(1);
    var m = e.model();
    double[] x = {0.7, 2, 3, 0.2};
    var changes = e.changes(x);
    double c = changes.stream().filter(ch -> ch.slot() == m.slotOf("c")).findFirst().orElseThrow().value();
    assertThat(c).isEqualTo(1 - 0.7);
    var k = changes.stream().filter(ch -> ch.slot() == m.slotOf("K")).findFirst().orElseThrow();
    assertThat(k.value()).isEqualTo(10 / 0.2);
    assertThat(k.until()).as("a variable's initial value: period 1 only").isEqualTo(1);
    // s is read by no equation: it moves nothing but itself
    assertThat(changes.stream().filter(ch -> ch.slot() == m.slotOf("s"))).hasSize(0);
  }

  @Test
  void theScenarioContinuedFromItsBaselineMatchesAWholeRun() throws Exception {
    Experiment e = toy(3);
    DrawResult r = e.run(0, new double[] {0.5, 2, 3, 0.1}, 0);
    // with the model's own values, the scenario raises G by 2 from period 4: Y moves by 2 there
    assertThat(r.differences()[e.differenceIndex(0, 3)]).isEqualTo(0);
    assertThat(r.differences()[e.differenceIndex(0, 4)]).isCloseTo(2, org.assertj.core.data.Offset.offset(1e-9));
  }

  /**
   * The toy's equation Z fails for b below 1.5: the profile of the failed draws names b, at its
   * low end, with no failed draw above 1.5, and names no parameter that failure does not depend
   * on; failures picked at random name none.
   */
  @Test
  void theFailureProfileNamesTheParameterWhereTheModelStopsSolving() throws Exception {
    Experiment e = toy(5);
    List<Long> failed = collect(e, 400, 2).stream().filter(DrawResult::failed).map(DrawResult::index).toList();
    assertThat(failed).hasSizeBetween(60, 140);
    FailureProfile profile = FailureProfile.of(e, 400, failed);
    assertThat(profile.concentrations()).extracting(FailureProfile.Concentration::parameter).containsExactly("b");
    FailureProfile.Concentration b = profile.concentrations().get(0);
    assertThat(b.high()).isFalse();
    assertThat(b.edge()).isLessThan(1.5);
    assertThat(b.z()).isLessThan(-FailureProfile.Z);
    java.util.Random random = new java.util.Random(11);
    List<Long> chance = new ArrayList<>();
    for (long i = 0; i < 400; i++) {
      if (random.nextDouble() < 0.25) {
        chance.add(i);
      }
    }
    assertThat(FailureProfile.of(e, 400, chance).concentrations()).isEmpty();
  }

  /**
   * A draw is a run like any other: its accounts are checked in every quarter, and a draw that
   * breaks an identity fails with it. Here money leaks into H from nowhere once leak passes 0.05.
   */
  @Test
  void aDrawThatBreaksAnIdentityFailsWithIt() throws Exception {
    java.nio.file.Files.writeString(dir.resolve("leak.acc"), """
        model LEAK "a stock that gains a flow from nowhere when leak > 0.05"
        param leak = 0 in [0, 1] "the share of output that appears in H from nowhere beyond 0.05"
        exogenous G = 10 in [0, inf) "spending"
        var Y = 10 "output"
        var H = 0 "a stock"
        Y = G
        H = H(-1) + Y - G + max(0, leak - 0.05)*Y
        hidden H = H(-1) + Y - G
        """);
    java.nio.file.Files.writeString(dir.resolve("leak.yaml"), "model: leak.acc\nperiods: 6\nset:\n"
        + "  - {at: 4, values: {G: 12}}\n");
    java.nio.file.Files.writeString(dir.resolve("leak.csv"), "parameter,distribution,a,b,low,high,source\n"
        + "leak,uniform,,,0,0.1,assumption: a test\n");
    ScenarioFile f = ScenarioFile.load(dir.resolve("leak.yaml"));
    Priors p = Priors.load(dir.resolve("leak.csv"), f.model());
    Experiment e = Experiment.of(f, p, 3, List.of(new Output.Series("H")),
        SolverSettings.DEFAULT);
    int failed = 0;
    for (DrawResult r : collect(e, 40, 1)) {
      boolean leaks = r.parameters()[0] > 0.05;
      assertThat(r.failed()).as("draw %d, leak %s", r.index(), r.parameters()[0]).isEqualTo(leaks);
      if (leaks) {
        failed++;
        assertThat(r.failure()).startsWith("E502: in the baseline, hidden equation at ").contains("period 2");
      }
    }
    assertThat(failed).isBetween(5, 35);
  }
}
