package accord.cli;

import accord.charts.ChartFiles;
import accord.charts.ExploreCharts;
import accord.explore.grid.Grid;
import accord.explore.grid.Vary;
import accord.output.ExploreOutput;
import accord.scenario.ScenarioFile;
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

/** {@code accord grid}: one run of a scenario per point of a grid over its events' fields. */
@Command(name = "grid", mixinStandardHelpOptions = true,
    description = {"Run a world scenario over a grid of its events' fields and tabulate an output.",
        "Each --vary names an event field by lever and field (tariff.rate; tariff[2].rate for the scenario's second "
        + "tariff event) and its values FROM:TO:STEP, both ends included. Each point is the scenario file with those "
        + "values written in place and read again, so a value the event refuses is refused with the event's own "
        + "error, before anything runs. At most " + Grid.MAX_POINTS + " points."},
    footer = {"", "Examples:",
        "  accord grid models/world/scenarios/tariffs-2025.yaml --vary 'tariff[1].rate=0:1.5:0.1' --output 'TB[USA]'",
        "  accord grid my-scenario.yaml --vary 'tariff.rate=0:1:0.25' --vary 'capital_measure.rate=0:0.3:0.1' "
            + "--output 'CA[USA]' --at 2027Q4 --out grid.csv --charts charts"})
final class GridCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<scenario.yaml>", description = "a world scenario")
  Path input;

  @Option(names = "--vary", required = true, paramLabel = "LEVER.FIELD=FROM:TO:STEP",
      description = "an event field and its values, repeatable (a heat map for two)")
  List<String> vary = new ArrayList<>();

  @Option(names = "--output", paramLabel = "CA[USA]", defaultValue = "TB[USA]", description = "the output "
      + "tabulated: an element of an output series or a headline indicator and a region (default: TB[USA])")
  String output;

  @Option(names = "--at", paramLabel = "2027Q4", description = "the quarter (default: the scenario's last)")
  String at;

  @Option(names = "--out", paramLabel = "grid.csv", description = "write a CSV with a row per point")
  Path out;

  @Option(names = "--charts", paramLabel = "DIR", description = "write a line chart (one field) or a heat map (two)")
  Path charts;

  @Option(names = "--threads", paramLabel = "N", description = "runs at once (default: every core)")
  Integer threads;

  @Option(names = "--debug", description = "show stack traces of internal errors")
  boolean debug;

  @Override
  public Integer call() {
    PrintWriter w = spec.commandLine().getOut();
    List<Vary> fields = new ArrayList<>();
    for (String v : vary) {
      fields.add(Vary.parse(v, Grid.MAX_POINTS));
    }
    Grid.points(fields);
    ScenarioFile file = CompareCommand.load(input);
    Errors.warn(file.warnings(), spec.commandLine().getErr());
    var effect = ExploreOptions.effect(file.model(), output);
    int period = ExploreOptions.period(file, at);
    int n = ExploreOptions.threads(threads);
    if (out != null) {
      accord.output.OutputFile.check(out, "--out");
    }
    if (charts != null && fields.size() > 2) {
      throw new Errors.UserError("E410", "--charts draws one or two varied fields, not " + fields.size(),
          "leave --charts out, or vary fewer fields");
    }
    Grid.Result g = Grid.run(file, fields, effect, period, n);
    w.println("scenario: " + file.name());
    w.println();
    w.print(ExploreOutput.table(g));
    w.println();
    w.println(String.format(Locale.ROOT, "%d runs (the baseline and %d points) to %s on %d threads in %.1f s",
        g.points().size() + 1, g.points().size(), g.quarter(), g.threads(), g.nanos() / 1e9));
    if (out != null) {
      ExploreOutput.csv(g, out);
      w.println("wrote " + out);
    }
    if (charts != null) {
      String key = "grid-" + effect.label().toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
      List<Path> files = ChartFiles.write(Map.of(key, ExploreCharts.grid(g)), charts);
      w.println("wrote " + files.size() + " chart files (PNG and SVG) to " + charts);
    }
    return 0;
  }
}
