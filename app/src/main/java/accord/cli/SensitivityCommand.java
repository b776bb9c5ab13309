package accord.cli;

import accord.charts.ChartFiles;
import accord.charts.UncertaintyCharts;
import accord.explore.Experiment;
import accord.explore.Output;
import accord.explore.Priors;
import accord.explore.Sensitivity;
import accord.explore.Sobol;
import accord.model.Model;
import accord.output.OutputFile;
import accord.output.TextTable;
import accord.scenario.ScenarioFile;
import accord.solve.SolverSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code accord sensitivity}: which parameter drives one output of a scenario in one quarter. */
@Command(name = "sensitivity", mixinStandardHelpOptions = true,
    description = {"Which behavioural parameter drives a scenario's effect on one output in one quarter.",
        "The output is a series of the model (TB[USA], RGDP[CHN], ...), as the scenario's difference from its baseline "
        + "with the same parameters. --method oat moves one parameter at a time to its prior's 5th and 95th "
        + "percentiles, the others at their medians (a tornado, largest swing first; 2 runs a parameter). "
        + "--method sobol varies them all and estimates each parameter's first-order and total Sobol index "
        + "(Saltelli et al. 2010; Jansen 1999) with bootstrap 95%% intervals, from --draws rows of the design "
        + "(draws x (parameters + 2) runs)."},
    footer = {"", "Examples:", "  accord sensitivity models/world/scenarios/us-china-tariffs.yaml --output 'TB[USA]' --at 2026Q4",
        "  accord sensitivity us-china-tariffs.yaml --output 'TB[USA]' --at 2026Q4 --method sobol --draws 64"})
final class SensitivityCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<scenario.yaml>", description = "the scenario")
  Path input;

  @picocli.CommandLine.Mixin
  DrawOptions drawing;

  @Option(names = "--output", paramLabel = "TB[USA]", required = true, description = "the series studied")
  String output;

  @Option(names = "--at", paramLabel = "2027Q4", required = true, description = "the quarter")
  String at;

  @Option(names = "--method", paramLabel = "oat|sobol", defaultValue = "oat", description = "one at a time (default) "
      + "or Sobol indices")
  String method;

  @Option(names = "--draws", paramLabel = "N", defaultValue = "64", description = "rows of the Sobol design "
      + "(default: 64)")
  int draws;

  @Option(names = "--out", paramLabel = "FILE", description = "write the table as CSV")
  Path out;

  @Option(names = "--charts", paramLabel = "dir", description = "write the tornado (oat) or the indices (sobol) as "
      + "PNG and SVG there")
  Path charts;

  @Option(names = "--debug", description = "show stack traces of internal errors")
  boolean debug;

  /** Bootstrap resamples of the Sobol indices' intervals. */
  static final int RESAMPLES = 500;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter w = spec.commandLine().getOut();
    if (!method.equals("oat") && !method.equals("sobol")) {
      throw new Errors.UserError("E410", "--method must be oat or sobol, not '" + method + "'");
    }
    if (method.equals("sobol") && draws < 2) {
      throw new Errors.UserError("E410", "--draws must be 2 or more for Sobol indices, not " + draws);
    }
    ScenarioFile file = CompareCommand.Inputs.read("sensitivity", input, null).scenario();
    Model model = file.model();
    int period = model.periodOf(at);
    if (period < 2 || period > 401) {
      throw new Errors.UserError("E412", "--at " + at + " is not a quarter a run can reach (" + model.periodLabel(2)
          + " on)");
    }
    int slot = model.slotOf(output);
    if (slot < 0) {
      List<String> labels = model.slots().stream().map(s -> s.label()).toList();
      throw new Errors.UserError("E613", "model " + model.name() + " has no series '" + output + "'",
          accord.model.Names.didYouMean(output, labels).isEmpty() ? "give one element of a series, such as TB[USA]"
              : accord.model.Names.didYouMean(output, labels));
    }
    if (!file.branches().isEmpty()) {
      throw new Errors.UserError("E614", "sensitivity follows one path, and " + input.getFileName() + " has "
          + "branches with odds", "study one branch: copy its events into a scenario of their own");
    }
    SweepCommand.Request r = drawing.request(file.forPeriods(period), 1);
    Experiment e = Experiment.of(r.file(), r.priors(), r.seed(), List.of(new Output.Series(model.slots().get(slot).label())),
        SolverSettings.DEFAULT);
    String label = model.slots().get(slot).label();
    long start = System.nanoTime();
    w.println("scenario: " + file.name() + "; " + label + " in " + model.periodLabel(period)
        + ", the scenario less its baseline");
    if (method.equals("oat")) {
      Sensitivity.OneAtATime oat = Sensitivity.oneAtATime(e, period, 0.05, 0.95, r.threads());
      w.println(String.format(Locale.ROOT, "one at a time: %d priors at their 5th and 95th percentiles, the others at "
          + "their medians (%d runs of scenario and baseline, %.1f s)", r.priors().size(), 2 * r.priors().size() + 1,
          (System.nanoTime() - start) / 1e9));
      w.println("central run (every parameter at its median): " + num(oat.central()));
      w.println();
      TextTable t = new TextTable(List.of("parameter", "low (5%)", "high (95%)", "at low", "at high", "swing"));
      List<List<String>> rows = new ArrayList<>();
      for (Sensitivity.Swing s : oat.swings()) {
        t.add(List.of(s.parameter(), num(s.low()), num(s.high()), num(s.atLow()), num(s.atHigh()), num(s.swing())));
        rows.add(List.of(s.parameter(), Double.toString(s.low()), Double.toString(s.high()), Double.toString(s.atLow()),
            Double.toString(s.atHigh()), Double.toString(s.swing())));
      }
      w.print(t.render());
      oat.failures().forEach(f -> spec.commandLine().getErr().println("failed: a one-at-a-time run: " + f.failure()));
      write(rows, List.of("parameter", "low", "high", "at_low", "at_high", "swing"), w);
      if (charts != null) {
        List<Path> files = ChartFiles.write(Map.of("tornado", UncertaintyCharts.tornado(oat, label,
            model.periodLabel(period), "at the 5th percentile", "at the 95th")), charts);
        w.println("wrote " + files.get(0) + " and its SVG");
      }
    } else {
      Sensitivity.Global g = Sensitivity.sobol(e, period, draws, r.threads(), RESAMPLES, 0.95);
      w.println(String.format(Locale.ROOT, "Sobol indices: %d rows x (%d priors + 2) = %d runs of scenario and baseline, "
          + "%.1f s; %d rows left out (a run failed); 95%% intervals from %d bootstrap resamples", draws,
          r.priors().size(), draws * (r.priors().size() + 2), (System.nanoTime() - start) / 1e9, g.failedRows(),
          RESAMPLES));
      w.println();
      TextTable t = new TextTable(List.of("parameter", "first order", "95% interval", "total", "95% interval"));
      List<List<String>> rows = new ArrayList<>();
      Integer[] order = new Integer[g.parameters().size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      java.util.Arrays.sort(order, (a, b) -> Double.compare(g.indices()[b].total(), g.indices()[a].total()));
      for (int i : order) {
        Sobol.Index x = g.indices()[i];
        t.add(List.of(g.parameters().get(i), num(x.first()), "[" + num(x.firstLow()) + ", " + num(x.firstHigh()) + "]",
            num(x.total()), "[" + num(x.totalLow()) + ", " + num(x.totalHigh()) + "]"));
        rows.add(List.of(g.parameters().get(i), Double.toString(x.first()), Double.toString(x.firstLow()),
            Double.toString(x.firstHigh()), Double.toString(x.total()), Double.toString(x.totalLow()),
            Double.toString(x.totalHigh())));
      }
      w.print(t.render());
      write(rows, List.of("parameter", "first", "first_low", "first_high", "total", "total_low", "total_high"), w);
      if (charts != null) {
        List<Path> files = ChartFiles.write(Map.of("sobol", UncertaintyCharts.sobol(g, label,
            model.periodLabel(period))), charts);
        w.println("wrote " + files.get(0) + " and its SVG");
      }
    }
    return 0;
  }

  private void write(List<List<String>> rows, List<String> header, PrintWriter w) {
    if (out == null) {
      return;
    }
    OutputFile.writeText(out, "--out", wr -> {
      wr.write(String.join(",", header) + "\n");
      for (List<String> row : rows) {
        wr.write(String.join(",", row.stream().map(SweepCommand::quote).toList()) + "\n");
      }
    });
    w.println("wrote " + out);
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "failed" : String.format(Locale.ROOT, "%.4g", v);
  }
}
