package accord.cli;

import accord.backtest.Backtest;
import accord.compare.Comparison;
import accord.report.Report;
import accord.scenario.ScenarioFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code accord report}: one self-contained HTML page for a world scenario. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Write a world scenario against its baseline as one self-contained HTML page.",
        "Runs the scenario against the baseline, prints its tables and writes one self-contained HTML file "
        + "that works offline: the question and the events, the tables, the charts, a region's transactions-flow matrix with "
        + "its zero sums, the model's record against 2025, and the assumptions with their sources."})
final class ReportCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<scenario.yaml>", description = "the scenario")
  Path input;

  @picocli.CommandLine.Mixin
  DrawOptions drawing;

  @Option(names = {"-o", "--out"}, paramLabel = "report.html", description = "where to write it (default: the "
      + "scenario's name with .html, in the current folder)")
  Path out;

  @Option(names = "--baseline", paramLabel = "<scenario.yaml>", description = "compare with this scenario instead")
  Path against;

  @Option(names = "--region", paramLabel = "USA", defaultValue = "USA",
      description = "the region whose balances and accounts the page follows (default: USA)")
  String region;

  @Option(names = "--quarter", paramLabel = "2026Q4", description = "the quarter of the accounts shown (default: "
      + "the comparison's middle horizon)")
  String quarter;

  @Option(names = "--draws", paramLabel = "N", description = "add fans of N draws of the parameters' priors (accord "
      + "sweep): a table and a fan chart per headline output")
  Long draws;

  @Option(names = "--progress", description = "show the sweep's progress bar even when standard error is not a terminal")
  boolean progress;

  @Option(names = "--channels", description = "add the region's trade balance and real GDP in the quarter shown, "
      + "split into the model's transmission channels (accord explain: 65 runs)")
  boolean channels;

  @Option(names = "--sensitivity", description = "add a tornado of the region's trade balance in the quarter shown: each "
      + "prior at its 5th and 95th percentiles in turn (accord sensitivity; 2 runs per prior and one more)")
  boolean sensitivity;

  @Option(names = "--vary", paramLabel = "lever.field=from:to:step", description = "add a policy grid of the region's "
      + "trade balance in the quarter shown over this event field (accord grid; once or twice: a line or a heat map)")
  java.util.List<String> vary;

  @Option(names = "--debug", description = "show stack traces of internal errors")
  boolean debug;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter w = spec.commandLine().getOut();
    // the grid's fields read before anything runs: a mistake costs no run
    java.util.List<accord.explore.grid.Vary> fields = new java.util.ArrayList<>();
    if (vary != null && vary.size() > 2) {
      throw new Errors.UserError("E410", "--vary is given at most twice in a report (a line or a heat map), not "
          + vary.size() + " times", "accord grid varies more fields");
    }
    for (String v : vary == null ? java.util.List.<String>of() : vary) {
      fields.add(accord.explore.grid.Vary.parse(v, accord.explore.grid.Grid.MAX_POINTS));
    }
    CompareCommand.Inputs in = CompareCommand.Inputs.read("report", input, against);
    ScenarioFile file = in.scenario();
    ScenarioFile other = in.against();
    Comparison c = Comparison.run(file, other);
    String focus = CompareCommand.region(c.scenario(), region);
    int period = c.periods().get(Math.min(1, c.periods().size() - 1));
    if (quarter != null) {
      period = c.scenario().model().periodOf(quarter);
      if (period < 2 || period > c.scenario().periods()) {
        throw new Errors.UserError("E412", "--quarter " + quarter + " is not a quarter of this run (" + c.label(2) + " to "
            + c.label(c.scenario().periods()) + ")");
      }
    }
    accord.explore.Fans fans = null;
    if (draws != null) {
      SweepCommand.Request r = drawing.request(file, draws);
      fans = SweepCommand.sweep(r, ProgressBar.of(spec.commandLine().getErr(), draws, "draws", progress));
      SweepCommand.failures(fans, r.seed(), spec.commandLine().getErr());
    }
    java.util.List<accord.explore.channels.ChannelDecomposition> split = java.util.List.of();
    if (channels) {
      split = accord.explore.channels.ChannelDecomposition.explain(file, java.util.List.of(
          ExploreOptions.effect(file.model(), "TB[" + focus + "]"),
          ExploreOptions.effect(file.model(), "real GDP[" + focus + "]")), period,
          accord.explore.channels.Parallel.cores()).decompositions();
    }
    accord.explore.Sensitivity.OneAtATime tornado = null;
    String tornadoOutput = "TB[" + focus + "]";
    if (sensitivity) {
      if (!file.branches().isEmpty()) {
        throw new Errors.UserError("E614", "sensitivity follows one path, and " + input.getFileName() + " has branches "
            + "with odds", "study one branch: copy its events into a scenario of their own");
      }
      SweepCommand.Request r = drawing.request(file.forPeriods(period), 1);
      accord.explore.Experiment e = accord.explore.Experiment.of(r.file(), r.priors(), r.seed(), java.util.List.of(
          new accord.explore.Output.Series(tornadoOutput)), accord.solve.SolverSettings.DEFAULT);
      tornado = accord.explore.Sensitivity.oneAtATime(e, period, 0.05, 0.95, r.threads());
    }
    accord.explore.grid.Grid.Result grid = null;
    if (!fields.isEmpty()) {
      grid = accord.explore.grid.Grid.run(file, fields, ExploreOptions.effect(file.model(), tornadoOutput), period,
          accord.explore.channels.Parallel.cores());
    }
    String html = Report.html(new Report.Inputs(file, c, focus, period, Backtest.replay2025(Home.world()),
        Backtest.rounds2018(Home.world()), Home.world(), new Report.Exploration(fans, split, tornado, tornadoOutput,
        grid)));
    Path target = out != null ? out : Path.of(stem(input) + ".html");
    accord.output.OutputFile.writeText(target, "--out", page -> page.write(html));
    w.println("scenario: " + file.name() + ", against " + (other == null ? "the baseline" : other.name()));
    w.println();
    w.print(accord.compare.ComparisonText.render(c));
    accord.compare.ComparisonText.fired(c).forEach(w::println);
    w.println();
    w.println("wrote " + target + " (" + html.length() / 1024 + " KB, self-contained: open it in a browser)");
    return 0;
  }

  private static String stem(Path p) {
    String n = p.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
