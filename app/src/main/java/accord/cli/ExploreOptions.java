package accord.cli;

import accord.compare.Indicator;
import accord.explore.channels.Effect;
import accord.explore.channels.Outputs;
import accord.model.Model;
import accord.scenario.ScenarioFile;

/** What the exploring commands share: the output they measure and the quarter they measure it in. */
final class ExploreOptions {

  private ExploreOptions() {
  }

  /**
   * {@code TB[USA]}: one element of an output series; or a headline indicator of the comparison
   * tables and a region, {@code real GDP[USA]}, {@code current account / GDP[CHN]}, measured as
   * those tables measure it.
   */
  static Effect effect(Model model, String spec) {
    int open = spec.indexOf('[');
    if (open > 0 && spec.endsWith("]")) {
      String name = spec.substring(0, open).trim();
      String region = spec.substring(open + 1, spec.length() - 1).trim();
      for (Indicator x : Indicator.HEADLINE) {
        if (x.name().equalsIgnoreCase(name) && Indicator.applies(model)) {
          if (!model.sets().get("Region").elements().contains(region)) {
            throw new Errors.UserError("E412", "--output " + spec + ": " + region + " is not a region of the world "
                + "model; the regions are " + String.join(", ", model.sets().get("Region").elements()));
          }
          return new Effect(x.name() + "[" + region + "]", x.difference(), x.percent(),
              (r, p) -> x.series().value(r, region, p));
        }
      }
    }
    return Outputs.of(model, spec);
  }

  /** The quarter of {@code --at}, or the run's last; E412 outside the run. */
  static int period(ScenarioFile file, String at) {
    if (at == null) {
      return file.periods();
    }
    Model m = file.model();
    int p = m.calendar() == null ? parse(at) : m.periodOf(at);
    if (p < 2 || p > file.periods()) {
      throw new Errors.UserError("E412", "--at " + at + " is not a quarter of this run (" + m.periodLabel(2) + " to "
          + m.periodLabel(file.periods()) + ")", "give a quarter such as " + m.periodLabel(Math.min(file.periods(), 12)));
    }
    return p;
  }

  private static int parse(String at) {
    try {
      return Integer.parseInt(at.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static int threads(Integer threads) {
    if (threads != null && (threads < 1 || threads > 256)) {
      throw new Errors.UserError("E410", "--threads " + threads + " is not from 1 to 256", "leave it out to use every core");
    }
    return threads == null ? accord.explore.channels.Parallel.cores() : threads;
  }
}
