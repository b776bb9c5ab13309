package accord.scenario;

import accord.cache.ModelCache;
import accord.events.Event;
import accord.lang.Span;
import accord.model.Closure;
import accord.model.Model;
import accord.sim.Change;
import accord.sim.ProgressListener;
import accord.sim.Results;
import accord.sim.Scenario;
import accord.sim.Simulator;
import accord.solve.Program;
import accord.solve.SolverSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Currency accords: the members' exchange rates are set and their instruments solved for. The
 * model is backward-looking, so the scenario without the accords (already run) is its solution
 * up to the accords' start; from there each member's rate is the reference path (the baseline,
 * or that scenario) made stronger as agreed.
 * The second run holds the rates for the whole run (before the start at their own solution, so
 * the instruments come out unchanged there) under a closure made for the scenario.
 */
final class Accords {

  static final String CLOSURE = "currency accord";

  private Accords() {
  }

  static Results run(ScenarioFile s, Results free, String closure, SolverSettings settings, ProgressListener progress) {
    Model m = s.model();
    Results baseline = s.accords().stream().anyMatch(e -> e.accord().fromBaseline())
        ? Simulator.run(ModelCache.program(m, closure), Scenario.of(free.periods()), settings)
        : free;
    // 'both': first the rate route alone, then half of its rate rise with intervention for the rest
    boolean both = s.accords().stream().anyMatch(e -> e.accord().means().equals("both"));
    Results ratesOnly = both ? solve(s, free, baseline, closure, settings, ProgressListener.NONE, null) : null;
    return solve(s, free, baseline, closure, settings, progress, ratesOnly);
  }

  /**
   * One run with the members' rates set: under 'both', with {@code ratesOnly} null the policy
   * rate holds the rate; else the intercept is set to half of that run's and reserves do the rest.
   */
  private static Results solve(ScenarioFile s, Results free, Results baseline, String closure, SolverSettings settings,
      ProgressListener progress, Results ratesOnly) {
    Model m = s.model();
    List<Integer> exo = new ArrayList<>();
    List<Integer> endo = new ArrayList<>();
    if (closure != null) {
      exo.addAll(m.closures().get(closure).exogenize());
      endo.addAll(m.closures().get(closure).endogenize());
    }
    List<Change> changes = new ArrayList<>(s.changes());
    for (Event e : s.accords()) {
      Event.Accord a = e.accord();
      for (int i = 0; i < a.rates().size(); i++) {
        int rate = a.rates().get(i);
        exo.add(rate);
        boolean byRates = a.means().equals("rates") || a.means().equals("both") && ratesOnly == null;
        endo.add(byRates ? a.stances().get(i) : a.reserves().get(i));
        if (a.means().equals("both") && ratesOnly != null) {
          int stance = a.stances().get(i);
          for (int t = e.at(); t <= free.periods(); t++) {
            changes.add(new Change(stance, t, t, 0.5 * ratesOnly.rows()[t - 1][stance]));
          }
        }
        Results reference = a.fromBaseline() ? baseline : free;
        for (int t = 2; t <= free.periods(); t++) {
          double path = t < e.at() ? free.rows()[t - 1][rate] : reference.rows()[t - 1][rate];
          changes.add(new Change(rate, t, t, path * a.factor(t, e.at())));
        }
      }
    }
    Map<String, Closure> closures = new LinkedHashMap<>(m.closures());
    closures.put(CLOSURE, new Closure(CLOSURE, "the scenario's currency accords: members' rates set, their instruments "
        + "solved", exo, endo, Span.NONE));
    Model withAccords = new Model(m.name(), m.doc(), m.sets(), m.series(), m.slots(), m.equations(), m.hidden(),
        m.checks(), m.matrices(), m.baseClosure(), closures, m.initial(), m.paths(), m.calendar(), m.derived());
    Program program = ModelCache.program(withAccords, CLOSURE);
    return Simulator.run(program, new Scenario(s.name(), free.periods(), CLOSURE, changes, null, s.triggers()), settings,
        progress);
  }
}
