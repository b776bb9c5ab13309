package accord.structure;

import static org.assertj.core.api.Assertions.assertThat;

import accord.model.Equation;
import accord.model.Model;
import accord.sim.Run;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Seeded random instances with independent certificates, as JGraphT tests its algorithms. */
class StructurePropertyTest {

  @Test
  void matchingIsMaximumAgainstBruteForce() {
    Random rnd = new Random(7);
    for (int trial = 0; trial < 400; trial++) {
      int eqs = 1 + rnd.nextInt(7);
      int vars = 1 + rnd.nextInt(7);
      int[][] adj = new int[eqs][];
      for (int e = 0; e < eqs; e++) {
        List<Integer> row = new ArrayList<>();
        for (int v = 0; v < vars; v++) {
          if (rnd.nextDouble() < 0.35) {
            row.add(v);
          }
        }
        adj[e] = row.stream().mapToInt(Integer::intValue).toArray();
      }
      int[] preferred = new int[eqs];
      for (int e = 0; e < eqs; e++) {
        preferred[e] = adj[e].length > 0 && rnd.nextBoolean() ? adj[e][rnd.nextInt(adj[e].length)] : -1;
      }
      int[] eqOf = Matching.maximum(adj, vars, preferred);
      int size = 0;
      Set<Integer> usedEqs = new HashSet<>();
      for (int v = 0; v < vars; v++) {
        if (eqOf[v] >= 0) {
          size++;
          assertThat(usedEqs.add(eqOf[v])).as("an equation matched twice").isTrue();
          assertThat(adj[eqOf[v]]).as("matched along an edge").contains(v);
        }
      }
      assertThat(size).as("trial %d", trial).isEqualTo(bruteForce(adj, 0, new boolean[vars]));
    }
  }

  private static int bruteForce(int[][] adj, int e, boolean[] used) {
    if (e == adj.length) {
      return 0;
    }
    int best = bruteForce(adj, e + 1, used);
    for (int v : adj[e]) {
      if (!used[v]) {
        used[v] = true;
        best = Math.max(best, 1 + bruteForce(adj, e + 1, used));
        used[v] = false;
      }
    }
    return best;
  }

  /** Random recursive models: every block reads only variables of earlier blocks or its own. */
  @Test
  void blockOrderRespectsEveryDependency() {
    Random rnd = new Random(11);
    for (int trial = 0; trial < 200; trial++) {
      int n = 2 + rnd.nextInt(25);
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < n; i++) {
        text.append("x").append(i).append(" = 1");
        for (int j = 0; j < n; j++) {
          if (j != i && rnd.nextDouble() < 2.0 / n) {
            text.append(" + 0.01*x").append(j);
          }
        }
        text.append(" + 0.5*x").append(i).append("(-1)\n");
      }
      Model m = Run.model(text.toString());
      BlockStructure s = StructuralAnalysis.analyze(m, null);
      Map<Integer, Integer> blockOf = new HashMap<>();
      for (Block b : s.blocks()) {
        for (int v : b.variables()) {
          blockOf.put(v, b.index());
        }
      }
      assertThat(blockOf).hasSize(n);
      for (Block b : s.blocks()) {
        Set<Integer> known = new HashSet<>();
        for (int v : b.tearVariables()) {
          known.add(v);
        }
        for (int e : b.equations()) {
          Equation eq = m.equations().get(e);
          for (int v : Incidence.currentSlots(eq.rhs())) {
            assertThat(blockOf.get(v)).as("trial %d: %s reads %s", trial, eq.label(), m.slots().get(v).label())
                .isLessThanOrEqualTo(b.index());
          }
        }
        // inside a block, each assignment reads only tears, earlier assignments or earlier blocks
        for (int e : b.assignments()) {
          Equation eq = m.equations().get(e);
          for (int v : Incidence.currentSlots(eq.rhs())) {
            if (blockOf.get(v) == b.index()) {
              assertThat(known).as("trial %d: %s reads %s before it is known", trial, eq.label(),
                  m.slots().get(v).label()).contains(v);
            }
          }
          known.add(eq.definedSlot());
        }
      }
    }
  }
}
