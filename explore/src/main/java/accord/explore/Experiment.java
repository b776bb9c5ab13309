package accord.explore;

import accord.accounts.AccountingCheck;
import accord.accounts.Violation;
import accord.compare.Indicator;
import accord.lang.Diagnostic;
import accord.lang.ModelException;
import accord.lang.Range;
import accord.lang.Span;
import accord.model.EvalException;
import accord.model.Kind;
import accord.model.Model;
import accord.scenario.ScenarioFile;
import accord.sim.Change;
import accord.sim.Results;
import accord.sim.Scenario;
import accord.sim.Simulator;
import accord.solve.EvalFailure;
import accord.solve.Program;
import accord.solve.SolveFailure;
import accord.solve.SolverSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario under uncertain parameters, as a pure function from a draw's index to its result:
 * draw i's parameters (and branch, for a scenario with odds) come from {@link CounterRandom} at
 * (seed, i) alone; the scenario and its baseline run with them; the result is every output's
 * difference in every quarter. Any engine can call {@link #draw} for any index, in any order, on
 * any thread: the model's structure and generated code are built once, here, and shared (a
 * {@link Program} is immutable; each run gets its own workspace).
 *
 * <p>The baseline is the model under its own closure with the drawn parameters (as compare's);
 * the scenario agrees with it until its first event (or the first quarter a trigger watches), so
 * it is solved from there, on the baseline's rows before. Both runs' accounting identities are
 * checked in every quarter; a draw that breaks one fails with the identity, the quarter and the gap.
 */
public final class Experiment {

  /** A scenario's path, or one branch of a scenario with odds. */
  private record Arm(String name, double probability, Program program, String closure, List<Change> changes,
      List<accord.sim.Trigger> triggers, int from) {
  }

  private final Model model;
  private final Priors priors;
  private final long seed;
  private final List<Output> outputs;
  private final int periods;
  private final Program baseline;
  private final List<Arm> arms;
  private final SolverSettings settings;
  private final AccountingCheck accounts;
  /** Output labels' slots, looked up at the first draw that reads them. */
  private final Map<String, Integer> slots = new java.util.concurrent.ConcurrentHashMap<>();

  private Experiment(Model model, Priors priors, long seed, List<Output> outputs, int periods, Program baseline,
      List<Arm> arms, SolverSettings settings) {
    this.model = model;
    this.priors = priors;
    this.seed = seed;
    this.outputs = List.copyOf(outputs);
    this.periods = periods;
    this.baseline = baseline;
    this.arms = List.copyOf(arms);
    this.settings = settings;
    this.accounts = AccountingCheck.of(model);
  }

  /**
   * The experiment of {@code file} (read for the run's length) with these priors and outputs.
   * Refuses (E611) what it cannot run draw by draw: a currency accord (solved in several runs of
   * its own) and start_from (the starting run would need the same draws).
   */
  public static Experiment of(ScenarioFile file, Priors priors, long seed, List<Output> outputs,
      SolverSettings settings) {
    if (!file.accords().isEmpty() || file.branches().stream().anyMatch(b -> !b.scenario().accords().isEmpty())) {
      throw new ModelException(Diagnostic.error("E611", Span.NONE, "scenario " + file.path().getFileName()
          + " has a currency accord, which a sweep cannot draw yet").withHint("sweep a scenario without "
          + "'currency_accord' events; the accord is solved in runs of its own after the scenario's"));
    }
    if (file.startFrom() != null) {
      throw new ModelException(Diagnostic.error("E611", ScenarioFile.startFromSpan(file.path()), "scenario "
          + file.path().getFileName() + " starts from another scenario, which a sweep cannot draw yet")
          .withHint("sweep the scenario it starts from, or write both scenarios' events in one file"));
    }
    Model model = file.model();
    int n = file.periods();
    // thousands of runs of these programs follow: their bytecode now, not after a million equations
    Program base = accord.cache.ModelCache.program(model, null).generateCode();
    Map<String, Program> byClosure = new HashMap<>();
    List<Arm> arms = new ArrayList<>();
    List<ScenarioFile.Branch> branches = file.branches().isEmpty()
        ? List.of(new ScenarioFile.Branch(file.name(), 1, file)) : file.branches();
    for (ScenarioFile.Branch b : branches) {
      ScenarioFile s = b.scenario();
      Program p = s.closure() == null ? base
          : byClosure.computeIfAbsent(s.closure(), c -> accord.cache.ModelCache.program(model, c).generateCode());
      arms.add(new Arm(s.name(), b.probability(), p, s.closure(), s.changes(), s.triggers(),
          s.closure() == null ? firstEffect(s, n) : 0));
    }
    return new Experiment(model, priors, seed, outputs, n, base, arms, settings);
  }

  /** The first period the scenario's own changes or triggers can touch (n + 1: none, the baseline itself). */
  private static int firstEffect(ScenarioFile s, int n) {
    int first = n + 1;
    for (Change c : s.changes()) {
      first = Math.min(first, c.from());
    }
    for (accord.sim.Trigger t : s.triggers()) {
      first = Math.min(first, t.watchFrom() + 1);
    }
    return Math.max(2, first);
  }

  public Model model() {
    return model;
  }

  public Priors priors() {
    return priors;
  }

  public long seed() {
    return seed;
  }

  public List<Output> outputs() {
    return outputs;
  }

  /** The run's periods; outputs are measured in periods 2 to this one. */
  public int periods() {
    return periods;
  }

  /** The quarters measured per output. */
  public int quarters() {
    return periods - 1;
  }

  /** Where output o's difference in 1-based period p sits in {@link DrawResult#differences()}. */
  public int differenceIndex(int output, int period) {
    return output * quarters() + period - 2;
  }

  /** The branches' names (one, the scenario's, without branches). */
  public List<String> branches() {
    return arms.stream().map(Arm::name).toList();
  }

  public double probability(int branch) {
    return arms.get(branch).probability();
  }

  /** Draw {@code index}: its parameters and branch from (seed, index), then its runs. */
  public DrawResult draw(long index) {
    return run(index, priors.draw(seed, index), branchOf(index));
  }

  /**
   * The branch draw {@code index} takes, by the branches' probabilities, from the stream after
   * the priors' (so adding a branch does not move the parameters).
   */
  public int branchOf(long index) {
    if (arms.size() == 1) {
      return 0;
    }
    double u = CounterRandom.uniform(seed, index, priors.size());
    double cumulative = 0;
    for (int b = 0; b < arms.size(); b++) {
      cumulative += arms.get(b).probability();
      if (u < cumulative) {
        return b;
      }
    }
    return arms.size() - 1;
  }

  /** The scenario and its baseline with these parameter values (one per prior), in one branch. */
  public DrawResult run(long index, double[] parameters, int branch) {
    try {
      Results base;
      List<Change> drawn = changes(parameters);
      base = Simulator.run(baseline, new Scenario("baseline", periods, null, drawn, null), settings);
      Arm arm = arms.get(branch);
      List<Change> all = new ArrayList<>(drawn);
      all.addAll(arm.changes());
      Scenario sc = new Scenario(arm.name(), periods, arm.closure(), all, null, arm.triggers());
      Results scenario = arm.from() > periods ? base
          : arm.from() >= 2 ? Simulator.continueFrom(arm.program(), sc, settings, base, arm.from())
          : Simulator.run(arm.program(), sc, settings);
      // a draw is a run like any other: its accounts must hold in every quarter, or it is not a solution
      List<Violation> broken = accounts.violations(base);
      String run = "the baseline";
      if (broken.isEmpty() && scenario != base) {
        broken = accounts.violations(scenario, Math.max(2, arm.from()));
        run = "the scenario";
      }
      if (!broken.isEmpty()) {
        Diagnostic v = broken.get(0).diagnostic(model);
        return new DrawResult(index, parameters, branch, null, v.code() + ": in " + run + ", " + v.message()
            + (broken.size() > 1 ? " (and " + (broken.size() - 1) + " more)" : ""));
      }
      double[] d = new double[outputs.size() * quarters()];
      Indicator.Values s = reader(scenario);
      Indicator.Values b = reader(base);
      for (int o = 0; o < outputs.size(); o++) {
        for (int p = 2; p <= periods; p++) {
          d[differenceIndex(o, p)] = outputs.get(o).difference(s, b, p);
        }
      }
      for (double x : d) {
        if (!Double.isFinite(x)) {
          return new DrawResult(index, parameters, branch, null, "an output is not a finite number (a price or "
              + "level reached zero)");
        }
      }
      return new DrawResult(index, parameters, branch, d, null);
    } catch (SolveFailure f) {
      return failed(index, parameters, branch, f.diagnostic());
    } catch (EvalFailure f) {
      return failed(index, parameters, branch, f.diagnostic());
    } catch (EvalException e) {
      return new DrawResult(index, parameters, branch, null, "E201: " + e.getMessage());
    } catch (Refused r) {
      return new DrawResult(index, parameters, branch, null, r.getMessage());
    }
  }

  /** A run's values by label, each label looked up in the model once for all draws (not once a quarter of each). */
  private Indicator.Values reader(Results r) {
    double[][] rows = r.rows();
    return (label, p) -> rows[p - 1][slots.computeIfAbsent(label, this::slotOf)];
  }

  private int slotOf(String label) {
    int s = model.slotOf(label);
    if (s < 0) {
      throw new IllegalArgumentException("no series '" + label + "' in model " + model.name());
    }
    return s;
  }

  private static DrawResult failed(long index, double[] parameters, int branch, Diagnostic d) {
    StringBuilder s = new StringBuilder(d.code()).append(": ").append(d.message());
    d.notes().forEach(n -> s.append("; ").append(n));
    return new DrawResult(index, parameters, branch, null, s.toString());
  }

  /** A draw whose computed values leave their declared range. */
  private static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The drawn values as changes over the whole run, with every declared value computed from them
   * (avgf from rhoR, the initial capital stock from dep): a parameter or exogenous value in every
   * period, a variable's initial value in period 1.
   */
  List<Change> changes(double[] parameters) {
    double[] row = model.initialRowWith(priors.given(parameters));
    double[] initial = model.initial();
    List<Change> out = new ArrayList<>();
    for (int s = 0; s < row.length; s++) {
      if (Double.doubleToLongBits(row[s]) == Double.doubleToLongBits(initial[s])) {
        continue;
      }
      accord.model.Slot slot = model.slots().get(s);
      if (!slot.range().contains(row[s])) {
        throw new Refused("E129: " + slot.label() + " = " + Range.bound(row[s]) + " is outside its declared range "
            + slot.range() + " (computed from the drawn parameters)");
      }
      out.add(new Change(s, 1, slot.kind() == Kind.ENDOGENOUS ? 1 : periods, row[s]));
    }
    return out;
  }
}
