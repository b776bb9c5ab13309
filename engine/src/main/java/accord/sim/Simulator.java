package accord.sim;

import accord.model.Model;
import accord.solve.Program;
import accord.solve.SolverSettings;
import accord.solve.Workspace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sim stage: the time loop. Period 1 is the initial row and is not solved (the sfcr
 * convention); each later period starts its unknowns from the previous period's values carried
 * forward by their last change, takes
 * its known values from the exogenous paths and the scenario's changes, and is solved block by
 * block.
 */
public final class Simulator {

  private Simulator() {
  }

  /**
   * A run keeps every period of every series in memory: one that cannot fit in half of the heap is
   * refused before it starts (E130), rather than failing with OutOfMemoryError after minutes.
   */
  static void refuseBeyondMemory(Model model, int periods) {
    long bytes = (long) periods * model.slotCount() * Double.BYTES;
    long heap = Runtime.getRuntime().maxMemory();
    if (bytes > heap / 2) {
      throw new accord.lang.ModelException(accord.lang.Diagnostic.error("E130", accord.lang.Span.NONE,
          String.format(java.util.Locale.ROOT, "a run of %d periods of model %s (%d series) needs about %.1f GB of "
              + "memory, more than this Java process may use", periods, model.name(), model.slotCount(), bytes / 1e9))
          .withNote(String.format(java.util.Locale.ROOT, "its heap limit is %.1f GB, and a run may take half of it",
              heap / 1e9)).withHint("run fewer periods, or give Java more memory (JAVA_TOOL_OPTIONS=-Xmx16g)"));
    }
  }

  public static Results run(Program program, Scenario scenario, SolverSettings settings) {
    return run(program, scenario, settings, ProgressListener.NONE);
  }

  public static Results run(Program program, Scenario scenario, SolverSettings settings, ProgressListener progress) {
    return run(program, scenario, settings, progress, program.workspace());
  }

  /**
   * The same, in the workspace given, whose counters then tell what the solver did (the Jacobians
   * it evaluated): for tests and benchmarks.
   */
  public static Results run(Program program, Scenario scenario, SolverSettings settings, ProgressListener progress,
      Workspace w) {
    return run(program, scenario, settings, progress, w, null, 2);
  }

  /**
   * The scenario's run continued from another run's first {@code from - 1} periods (copied), so
   * that they are not solved again: for a scenario that agrees with {@code prefix}'s run before
   * period {@code from} (the same model and closure, no change that takes effect and no trigger
   * watched before it; the caller knows). A Monte Carlo draw runs its baseline, then its scenario
   * from the first event. Deterministic: the periods from {@code from} on are solved in a fresh
   * workspace, whatever ran before.
   */
  public static Results continueFrom(Program program, Scenario scenario, SolverSettings settings, Results prefix,
      int from) {
    if (from < 2 || from > scenario.periods() || prefix.periods() < from - 1) {
      throw new IllegalArgumentException("cannot continue a run of " + scenario.periods() + " periods from period "
          + from + " of one of " + prefix.periods());
    }
    return run(program, scenario, settings, ProgressListener.NONE, program.workspace(), prefix.rows(), from);
  }

  private static Results run(Program program, Scenario scenario, SolverSettings settings, ProgressListener progress,
      Workspace w, double[][] prefix, int from) {
    long start = System.nanoTime();
    Model model = program.model();
    int n = scenario.periods();
    int slots = model.slotCount();
    refuseBeyondMemory(model, n);
    double[][] rows = new double[n][];
    // the first row before any change: what a known series holds when no path or change says otherwise
    double[] base = scenario.startRow() != null ? Arrays.copyOf(scenario.startRow(), slots) : model.initialRow();
    rows[0] = base.clone();
    applyChanges(scenario.changes(), rows[0], 1);
    // only the tears need a starting guess: the rest is assigned from them before it is read
    int[] tears = program.tearSlots();
    // exogenous paths by slot, looked up once (a start row replaces the model's paths)
    int[] pathSlots = scenario.startRow() == null ? model.paths().keySet().stream().mapToInt(Integer::intValue).toArray()
        : new int[0];
    double[][] paths = new double[pathSlots.length][];
    for (int i = 0; i < pathSlots.length; i++) {
      paths[i] = model.paths().get(pathSlots[i]);
    }
    int iterations = 0;
    List<Change> triggered = new ArrayList<>();
    Map<String, Integer> fired = new LinkedHashMap<>();
    // the slots a change holds in the period before: a lever that starts or stops having its
    // blocks' independence checked again (a value set period by period along a path does not)
    java.util.BitSet changed = changing(scenario.changes(), List.of(), from - 1);
    for (int t = 1; t < from - 1; t++) {
      rows[t] = prefix[t].clone();
    }
    for (int t = from - 1; t < n; t++) {
      for (Trigger g : scenario.triggers()) {
        // tested on the quarter just solved (1-based period t), from the trigger's first watched period
        if (!fired.containsKey(g.name()) && t >= g.watchFrom() && g.condition().holds(rows, t - 1)) {
          fired.put(g.name(), t + 1);
          for (Change c : g.changes()) {
            triggered.add(new Change(c.slot(), c.from() + t + 1, c.until() + t + 1, c.value()));
          }
        }
      }
      double[] row = base.clone();
      for (int i = 0; i < pathSlots.length; i++) {
        row[pathSlots[i]] = paths[i][Math.min(t, paths[i].length - 1)];
      }
      for (int u : tears) {
        row[u] = guess(rows, t, u);
      }
      applyChanges(scenario.changes(), row, t + 1);
      applyChanges(triggered, row, t + 1);
      java.util.BitSet changing = changing(scenario.changes(), triggered, t + 1);
      if (!changing.equals(changed)) {
        w.recheckIndependence();
      }
      changed = changing;
      rows[t] = row;
      try {
        iterations += program.solve(rows, t, t + 1, settings, w);
      } catch (accord.solve.EvalFailure e) {
        String name = model.periodName(t + 1);
        if (!changedBy(scenario.changes(), triggered, t + 1)) {
          throw e.named(name);   // the model's own equations fail on its own path: an error in the model
        }
        throw accord.solve.SolveFailure.evaluation(e, name, "the values the scenario sets push the model outside the range where its "
            + "equations are defined: try smaller or shorter changes, and read which lever drives this equation");
      }
      progress.period(t + 1, n);
    }
    return new Results(model, scenario, rows, iterations, System.nanoTime() - start, fired);
  }

  /**
   * The starting guess of an unknown: last period's value carried forward by last period's
   * growth factor (its change where the sign flips or a value is zero), so that Newton starts
   * next to the answer on a steady path; the plain last value where that change is not a
   * modest one. Only the start changes, never the solution.
   */
  private static double guess(double[][] rows, int t, int s) {
    double last = rows[t - 1][s];
    if (t < 2) {
      return last;
    }
    double before = rows[t - 2][s];
    double change = last - before;
    if (Math.abs(change) > 0.1 * Math.abs(last)) {
      // a large change relative to the level: carried on only where it continues the one before
      // (a steady drift through small values, such as a balancing item), not after a jump
      if (t >= 3) {
        double previous = before - rows[t - 3][s];
        double ratio = change / previous;
        if (previous != 0 && ratio > 0.5 && ratio < 2) {
          return last + change;
        }
      }
      return last;
    }
    // steady growth is geometric: carry the growth factor, exact on a balanced-growth path
    return before != 0 && (last > 0) == (before > 0) ? last * (last / before) : last + change;
  }

  /** Whether a change (of the file or a trigger) has taken effect by {@code period}. */
  private static boolean changedBy(List<Change> changes, List<Change> triggered, int period) {
    return changes.stream().anyMatch(c -> c.from() <= period) || triggered.stream().anyMatch(c -> c.from() <= period);
  }

  /** The slots that a change holds in {@code period}. */
  private static java.util.BitSet changing(List<Change> changes, List<Change> triggered, int period) {
    java.util.BitSet slots = new java.util.BitSet();
    for (List<Change> list : List.of(changes, triggered)) {
      for (Change c : list) {
        if (period >= c.from() && period <= c.until()) {
          slots.set(c.slot());
        }
      }
    }
    return slots;
  }

  private static void applyChanges(List<Change> changes, double[] row, int period) {
    for (Change c : changes) {
      if (period >= c.from() && period <= c.until()) {
        row[c.slot()] = c.value();
      }
    }
  }
}
