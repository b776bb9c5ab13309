package accord.cli;

import accord.charts.ChartFiles;
import accord.charts.ExploreCharts;
import accord.explore.channels.ChannelDecomposition;
import accord.explore.channels.Effect;
import accord.output.ExploreOutput;
import accord.scenario.ScenarioFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jfree.chart.JFreeChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code accord explain}: a scenario's effect on an output, split into the model's transmission channels. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = {"Split a world scenario's effect on an output into its transmission channels.",
        "The effect (scenario less baseline) is split into the model's six channels (models/world/blocks/"
        + "channels.acc): the direct price effect of trade barriers, exchange rates in trade prices, relative "
        + "prices and inflation, income and demand, capital flows and portfolio shifts, policy rates. A channel "
        + "switched off makes the behaviour it names respond to the baseline's path instead of the scenario's; "
        + "every account still holds. The scenario runs with all 64 combinations of channels on and off, and each "
        + "channel gets its Shapley value, so the interactions are shared out and the rows add up exactly to the "
        + "total; 'rest' is what is left with every channel off."},
    footer = {"", "Examples:", "  accord explain models/world/scenarios/tariffs-2025.yaml --output 'TB[USA]' --at 2027Q4",
        "  accord explain models/world/scenarios/us-withholding-tax.yaml --output 'TB[USA]' --output 'real GDP[USA]' "
            + "--out explain.csv --charts charts"})
final class ExplainCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<scenario.yaml>", description = "a world scenario")
  Path input;

  @Option(names = "--output", paramLabel = "TB[USA]", description = "what to explain, repeatable: an element of an "
      + "output series (TB[USA], TBG[USA,CHN], CA[CHN], RGDP[USA], FX[CHN]) or a headline indicator and a region "
      + "('real GDP[USA]', 'current account / GDP[USA]'). Default: TB[USA]")
  List<String> outputs = new ArrayList<>();

  @Option(names = "--at", paramLabel = "2027Q4", description = "the quarter (default: the scenario's last)")
  String at;

  @Option(names = "--out", paramLabel = "explain.csv", description = "write a CSV: per output a row per channel, "
      + "a 'rest' row and a 'total' row")
  Path out;

  @Option(names = "--charts", paramLabel = "DIR", description = "write a waterfall chart per output (PNG and SVG)")
  Path charts;

  @Option(names = "--threads", paramLabel = "N", description = "runs at once (default: every core); the numbers "
      + "are the same on any count")
  Integer threads;

  @Option(names = "--debug", description = "show stack traces of internal errors")
  boolean debug;

  @Override
  public Integer call() {
    PrintWriter w = spec.commandLine().getOut();
    ScenarioFile file = CompareCommand.load(input);
    Errors.warn(file.warnings(), spec.commandLine().getErr());
    List<Effect> effects = new ArrayList<>();
    for (String o : outputs.isEmpty() ? List.of("TB[USA]") : outputs) {
      effects.add(ExploreOptions.effect(file.model(), o));
    }
    int period = ExploreOptions.period(file, at);
    int n = ExploreOptions.threads(threads);
    if (out != null) {
      accord.output.OutputFile.check(out, "--out");
    }
    ChannelDecomposition.Explanation e = ChannelDecomposition.explain(file, effects, period, n);
    w.println("scenario: " + file.name());
    w.println();
    for (ChannelDecomposition d : e.decompositions()) {
      w.print(ExploreOutput.table(d));
      w.println();
    }
    w.println(String.format(Locale.ROOT, "%d runs (the baseline and the %d combinations of %d channels) to %s on %d "
        + "threads in %.1f s; every run's accounts hold in every quarter", e.runs(), e.runs() - 1, e.channels().size(),
        file.model().periodLabel(period), e.threads(), e.nanos() / 1e9));
    if (out != null) {
      ExploreOutput.csv(e.decompositions(), out);
      w.println("wrote " + out);
    }
    if (charts != null) {
      Map<String, JFreeChart> all = new LinkedHashMap<>();
      e.decompositions().forEach(d -> all.put(ExploreCharts.key(d), ExploreCharts.decomposition(d, file.name())));
      List<Path> files = ChartFiles.write(all, charts);
      w.println("wrote " + files.size() + " chart files (PNG and SVG) to " + charts);
    }
    return 0;
  }
}
