package accord.cli;

import accord.explore.channels.Effect;
import accord.explore.channels.Outputs;
import accord.model.Model;
import accord.scenario.ScenarioFile;

/** What the exploring commands share: the output they measure and the quarter they measure it in. */
final class ExploreOptions {

  private ExploreOptions() {
  }

  /** {@code TB[USA]} or {@code real GDP[USA]}: {@link Outputs#named}. */
  static Effect effect(Model model, String spec) {
    return Outputs.named(model, spec, "--output");
  }

  /** The quarter of {@code --at}, or the run's last: {@link Outputs#period}. */
  static int period(ScenarioFile file, String at) {
    return Outputs.period(file, at, "--at");
  }

  static int threads(Integer threads) {
    if (threads != null && (threads < 1 || threads > 256)) {
      throw new Errors.UserError("E410", "--threads " + threads + " is not from 1 to 256", "leave it out to use every core");
    }
    return threads == null ? accord.explore.channels.Parallel.cores() : threads;
  }
}
