package accord.explore.channels;

import accord.accounts.AccountingCheck;
import accord.accounts.Violation;
import accord.lang.Diagnostic;
import accord.lang.ModelException;
import accord.lang.Span;
import accord.model.Model;
import accord.scenario.ScenarioFile;
import accord.sim.Change;
import accord.sim.Results;
import accord.sim.Scenario;
import accord.sim.Simulator;
import accord.solve.Program;
import accord.solve.SolverSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario ready to be run with any combination of its model's channels switched off: the
 * baseline run once (the model under its default closure, as {@code accord compare} runs it),
 * its paths of the channels' variables given to the {@code _base} series, and the scenario's
 * program compiled once and shared by every run (a Program is immutable and thread-safe; each
 * run has its own workspace). A run is one solution of the model: its accounts are checked.
 */
public final class ChannelRuns {

  private final ScenarioFile file;
  private final List<Channel> channels;
  private final Program program;
  private final Results baseline;
  private final List<Change> basePaths;
  private final int last;

  public ChannelRuns(ScenarioFile file) {
    this(file, file.periods());
  }

  /**
   * Runs to period {@code last} only (the baseline too): the model looks backward, so a shorter
   * run is the longer run's first periods, bit for bit.
   */
  public ChannelRuns(ScenarioFile file, int last) {
    refuseUnless(file, "decomposed");
    if (last < 2 || last > file.periods()) {
      throw new IllegalArgumentException("period " + last + " is not in the run (2 to " + file.periods() + ")");
    }
    this.file = file;
    this.last = last;
    Model m = file.model();
    this.channels = Channel.of(m);
    // every combination of channels is another run of the same program: bytecode at once
    Program base = accord.cache.ModelCache.program(m, null).generateCode();
    this.program = file.closure() == null ? base : accord.cache.ModelCache.program(m, file.closure()).generateCode();
    this.baseline = Simulator.run(base, Scenario.of(last), SolverSettings.DEFAULT);
    this.basePaths = Channel.basePaths(m, baseline);
  }

  /**
   * E641 for a scenario that is not one run of the model: branches with odds (several), currency
   * accords (solved in two steps under their own closure) or a start from another scenario.
   */
  public static void refuseUnless(ScenarioFile file, String what) {
    String why = !file.branches().isEmpty() ? "has branches with odds (each branch is a run of its own)"
        : !file.accords().isEmpty() ? "has a currency accord (solved in two runs under a closure of its own)"
        : file.startFrom() != null ? "starts from another scenario's last quarter" : null;
    if (why != null) {
      throw new ModelException(Diagnostic.error("E641", Span.NONE, "scenario " + file.path().getFileName() + " "
          + why + ": it cannot be " + what).withHint(!file.branches().isEmpty()
          ? "write the branch's events as a scenario of their own and give that one"
          : "give a scenario that runs from the calibration in one run (tariffs-2025.yaml, us-withholding-tax.yaml)"));
    }
  }

  public List<Channel> channels() {
    return channels;
  }

  public Results baseline() {
    return baseline;
  }

  public ScenarioFile file() {
    return file;
  }

  /** The mask with every channel on: the scenario itself. */
  public int all() {
    return (1 << channels.size()) - 1;
  }

  /** The channels that {@code mask} leaves off, by name. */
  public List<String> off(int mask) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < channels.size(); i++) {
      if ((mask & (1 << i)) == 0) {
        out.add(channels.get(i).id());
      }
    }
    return out;
  }

  /**
   * The scenario with the channels of {@code mask} on (bit i: channel i) and the rest off, its
   * accounts checked in every period: E644 names the first broken identity, which would be a
   * channel switch that breaks an account (a bug in the model's partition).
   */
  public Results run(int mask) {
    List<Change> changes = new ArrayList<>(file.changes());
    changes.addAll(basePaths);
    for (int i = 0; i < channels.size(); i++) {
      if ((mask & (1 << i)) == 0) {
        changes.add(new Change(channels.get(i).slot(), 1, last, 0));
      }
    }
    String name = file.name() + (mask == all() ? "" : " (off: " + String.join(", ", off(mask)) + ")");
    Results r = Simulator.run(program, new Scenario(name, last, file.closure(), changes, null,
        file.triggers()), SolverSettings.DEFAULT);
    List<Violation> broken = AccountingCheck.check(r);
    if (!broken.isEmpty()) {
      throw new ModelException(Diagnostic.error("E644", Span.NONE, "with " + String.join(", ", off(mask))
          + " switched off the run breaks " + broken.size() + " accounting identities")
          .withNote(broken.get(0).diagnostic(file.model()).render().strip())
          .withHint("a channel switch may change what agents respond to, never a payment or a valuation: "
              + "find the switched term in models/world/blocks that enters an account"));
    }
    return r;
  }
}
