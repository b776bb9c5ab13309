package accord.cli;

import accord.backtest.Backtest;
import accord.backtest.Backtest.Comparison;
import accord.output.TextTable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code accord backtest}: the world model's 2025 replay against what 2025 did. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
    description = {"Replay 2025 and the 2018-19 tariff rounds from the model's calibration against what happened.",
        "Runs the 2025 replay (models/world/scenarios/replay-2025.yaml) from the 2024 calibration and its "
        + "baseline, and compare them with the observed 2025 outcomes (models/world/data/history_2025.csv); then the "
        + "2018-19 rounds (tariffs-2018-19.yaml) against 2017-19 (history_2018.csv).",
        "Nothing in the model is fitted to 2025."})
public final class BacktestCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--sources", description = "show the source of each observed figure")
  boolean sources;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Comparison> rows = Backtest.replay2025(Home.world());
    List<String> header = new ArrayList<>(List.of("", "unit", "observed 2024", "observed", "model 2024", "model",
        "model without the 2025 policies", "model - observed", "model with the observed EUR and CNY"));
    if (sources) {
      header.add("source");
    }
    TextTable t = new TextTable(header);
    for (Comparison c : rows) {
      List<String> row = new ArrayList<>(List.of(c.name(), c.unit(), num(c.observed2024()), num(c.observed()),
          num(c.model2024()), num(c.model()), num(c.baseline()), num(c.error()), num(c.withObservedFx())));
      if (sources) {
        row.add(c.source());
      }
      t.add(row);
    }
    out.print(t.render());
    out.println();
    out.println("2025 replayed from the 2024 calibration: the tariffs in force quarter by quarter, China's licensing of "
        + "rare earths, the iPhone move; no parameter fitted to 2025 (docs/world-model.md, 'Back-test').");
    out.println();
    List<String> h2 = new ArrayList<>(List.of("2018-19 rounds", "unit", "observed 2017-19", "model", "model - observed"));
    if (sources) {
      h2.add("source");
    }
    TextTable t2 = new TextTable(h2);
    for (Comparison c : Backtest.rounds2018(Home.world())) {
      List<String> row = new ArrayList<>(List.of(c.name(), c.unit(), num2(c.observed()), num2(c.model()),
          num2(c.error())));
      if (sources) {
        row.add(c.source());
      }
      t2.add(row);
    }
    out.print(t2.render());
    out.println();
    out.println("The 2018-19 rounds applied to the 2024 economy (scenarios/tariffs-2018-19.yaml): the model's effect against "
        + "its baseline in the rounds' second year, against what 2017 to 2019 did (history_2018.csv), which also holds two "
        + "years of trend: sizes relative to the flows, not levels.");
    return 0;
  }

  private static String num2(double v) {
    return Double.isNaN(v) ? "" : String.format(java.util.Locale.ROOT, "%.2f", v);
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : String.format(java.util.Locale.ROOT, "%.1f", v);
  }
}
