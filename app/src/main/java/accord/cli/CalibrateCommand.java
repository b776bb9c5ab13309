package accord.cli;

import accord.output.TextTable;
import accord.world.WorldCalibration;
import accord.world.WorldCalibration.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code accord calibrate}: derive the world model's parameters from the 2024 data and print every target. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
    description = {"Calibrate the world model to the 2024 data and print every target with its gap.",
        "It balances the data (RAS on the trade matrices), derives the",
        "parameters, solves the first quarter under the closure 'calibrate', writes models/world/calibrated/, and",
        "prints each target: data value, balanced target, model value in 2025Q1, gap, source."})
final class CalibrateCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--sources", description = "show each target's full source: publication, series, vintage and status"
      + " (by default the publication only)")
  boolean sources;

  @Option(names = "--debug", description = "show stack traces of internal errors")
  boolean debug;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<Target> targets;
    try {
      targets = WorldCalibration.calibrate(Home.world());
    } catch (IllegalStateException e) {
      throw new Errors.UserError("E414", "calibration failed: " + e.getMessage()
          + " (check models/world/data and the assumptions in accord.world.Calibration)");
    }
    List<String> header = new ArrayList<>(List.of("region", "target", "data", "balanced", "model", "gap %", "source"));
    TextTable t = new TextTable(header);
    double worst = 0;
    for (Target x : targets) {
      List<String> row = new ArrayList<>(List.of(x.region(), x.name(), TextTable.number(x.data()),
          TextTable.number(x.target()), TextTable.number(x.model()),
          x.isRemainder() ? "(reported)" : String.format("%.4f", 100 * x.gap())));
      row.add(sources ? x.source() : x.source().split("; ", 2)[0]);
      t.add(row);
      if (!x.isRemainder()) {
        worst = Math.max(worst, Math.abs(x.gap()));
      }
    }
    out.print(t.render());
    out.println();
    out.printf("%d targets; largest gap between model and balanced target %.2e%% (flows in 2025Q1, stocks and"
        + " rates at end-2024); wrote %s%n", targets.stream().filter(x -> !x.isRemainder()).count(), 100 * worst,
        Home.world().resolve("calibrated"));
    return worst <= WorldCalibration.TARGET_TOLERANCE ? 0 : Errors.USER;
  }
}
