package accord.world;

import static org.assertj.core.api.Assertions.assertThat;

import accord.accounts.AccountingCheck;
import accord.model.Model;
import accord.model.ModelLoader;
import accord.sim.Change;
import accord.sim.Results;
import accord.sim.Scenario;
import accord.sim.Simulator;
import accord.solve.Program;
import accord.solve.SolverSettings;
import accord.structure.StructuralAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded random policy mixes, each lever drawn within the range a scenario might use: every
 * run must solve and hold every identity in every quarter, and stay economically sane (prices,
 * output and reserves positive). What a strategist trying scenarios before the open would hit.
 */
class RandomShockTest {

  static Model model;
  static Program program;

  @BeforeAll
  static void compile() {
    model = ModelLoader.load(WorldModelTest.WORLD.resolve("world.acc"));
    program = Program.compile(StructuralAnalysis.analyze(model, null));
  }

  record Lever(String label, double low, double high) {
  }

  static final List<Lever> LEVERS = List.of(
      new Lever("tar[CHN,USA,ELE]", 0, 1.5), new Lever("tar[CHN,USA,MAC]", 0, 1.5),
      new Lever("tar[USA,CHN,AGR]", 0, 1.25), new Lever("tar[EUR,USA,AUT]", 0, 0.5),
      new Lever("tar[MEX,USA,AUT]", 0, 0.5), new Lever("tar[CAN,USA,ENE]", 0, 0.25),
      new Lever("wht[USA]", 0, 0.3), new Lever("cfm[CHN]", 0, 3), new Lever("pref[JPN,USA]", -2, 2),
      new Lever("gmult[USA]", 0.9, 1.1), new Lever("gmult[EUR]", 0.95, 1.1), new Lever("trh[CHN]", 0, 0.02),
      new Lever("xq[CHN,USA,CRM]", 0, 1), new Lever("xw[CHN,CRM]", 0, 2), new Lever("intv[JPN]", -20, 20),
      new Lever("src[IND,USA,ELE]", 1, 3), new Lever("ntb[KOR,CHN,ELE]", 0, 0.3),
      new Lever("dtar[CHN,USA,CON]", 0, 1.25), new Lever("dtar[EUR,USA,AUT]", 0, 0.25), new Lever("tann[JPN,USA,AUT]", 0, 0.25),
      new Lever("mstance[EUR]", -1, 1), new Lever("tprem[USA]", 0, 1), new Lever("ttran[USA]", 0, 1),
      new Lever("tspend[CHN]", 0, 1), new Lever("pref[CHN,USA]", -3, 3));

  @Test
  void randomPolicyMixesSolveAndHoldEveryIdentity() {
    Random random = new Random(20261125);
    for (int draw = 0; draw < 6; draw++) {
      List<Change> changes = new ArrayList<>();
      StringBuilder what = new StringBuilder();
      for (Lever l : LEVERS) {
        if (random.nextDouble() < 0.4) {
          double v = l.low() + (l.high() - l.low()) * random.nextDouble();
          int from = 2 + random.nextInt(6);
          int until = random.nextBoolean() ? 13 : from + random.nextInt(13 - from + 1);
          changes.add(new Change(model.slotOf(l.label()), from, until, v));
          what.append(String.format(" %s=%.3f (%d-%d)", l.label(), v, from, until));
        }
      }
      Results r = Simulator.run(program, new Scenario("draw " + draw, 13, null, changes, null), SolverSettings.DEFAULT);
      assertThat(AccountingCheck.check(r)).as("draw %d:%s", draw, what).isEmpty();
      assertThat(accord.accounts.ConditionCheck.check(r)).as("draw %d:%s", draw, what).isEmpty();
      for (String g : WorldData.REGIONS) {
        for (int p = 2; p <= 13; p++) {
          for (String s : List.of("CPI", "RGDP", "GDP", "M", "NFW")) {
            assertThat(r.value(s + "[" + g + "]", p)).as("draw %d, %s[%s] in period %d:%s", draw, s, g, p, what)
                .isPositive();
          }
          assertThat(r.value("RES[" + g + "]", p)).as("draw %d, RES[%s]:%s", draw, g, what).isGreaterThanOrEqualTo(0);
        }
      }
    }
  }
}
