package accord.cli;

import accord.accounts.AccountingCheck;
import accord.accounts.Violation;
import accord.charts.ChartFiles;
import accord.charts.ComparisonCharts;
import accord.compare.Comparison;
import accord.compare.ComparisonCsv;
import accord.compare.ComparisonText;
import accord.compare.Indicator;
import accord.scenario.ScenarioFile;
import accord.sim.Results;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code accord compare}: a world scenario against the baseline (or another scenario), with units. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Compare a world scenario with its baseline after 4, 8 and 20 quarters.",
        "Runs both and prints their differences after 4, 8 and 20 quarters (or the horizon): each region's headline outputs, bilateral goods balances and a sector table.",
        "The baseline is the calibrated world model over the same quarters, unless --baseline names a scenario."})
final class CompareCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<scenario.yaml>", description = "the scenario")
  Path input;

  @Option(names = "--baseline", paramLabel = "<scenario.yaml>", description = "compare with this scenario instead")
  Path against;

  @Option(names = "--out", paramLabel = "diff.csv", description = "write every number of the comparison (long form)")
  Path out;

  @Option(names = "--charts", paramLabel = "dir", description = "write the comparison's charts there, PNG and SVG")
  Path charts;

  @Option(names = "--region", paramLabel = "USA", defaultValue = "USA",
      description = "the region whose balances the charts follow (default: USA)")
  String region;

  @Option(names = "--debug", description = "show stack traces of internal errors")
  boolean debug;

  /**
   * The scenario and the one it is compared with (null: its baseline), both read and both running
   * the world model, whose outputs compare and report read; else the user error that says why.
   */
  record Inputs(ScenarioFile scenario, ScenarioFile against) {

    static Inputs read(String command, Path input, Path against) {
      ScenarioFile file = load(input);
      if (!Indicator.applies(file.model())) {
        throw new Errors.UserError("E411", command + " reads the world model's outputs; " + input + " runs model "
            + file.model().name() + ", which lacks them (use accord run)");
      }
      ScenarioFile other = against == null ? null : load(against);
      if (other != null && !other.modelPath().equals(file.modelPath())) {
        throw new Errors.UserError("E411", against + " runs another model than " + input);
      }
      return new Inputs(file, other);
    }
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter w = spec.commandLine().getOut();
    Inputs in = Inputs.read("compare", input, against);
    ScenarioFile file = in.scenario();
    ScenarioFile other = in.against();
    Comparison c = Comparison.run(file, other);
    Results scenario = c.scenario();
    String baseName = other == null ? "the baseline" : other.name();
    w.println("scenario: " + file.name() + (file.note().isBlank() ? "" : "\n  " + wrap(file.note().strip(), 96)));
    w.println("against:  " + baseName + ", " + scenario.model().periodLabel(2) + " to "
        + scenario.model().periodLabel(scenario.periods()));
    w.println();
    w.print(ComparisonText.render(c));
    for (String line : ComparisonText.fired(c)) {
      w.println(line);
    }
    if (out != null) {
      ComparisonCsv.write(c, out);
      w.println();
      w.println("wrote " + out);
    }
    if (charts != null) {
      List<Path> files = ChartFiles.write(ComparisonCharts.of(c, region(scenario, region)), charts);
      w.println("wrote " + files.size() + " chart files (PNG and SVG) to " + charts);
    }
    for (accord.sim.Results r : c.solutions()) {
      for (accord.accounts.ConditionCheck.Failure f : accord.accounts.ConditionCheck.check(r)) {
        spec.commandLine().getErr().print(f.diagnostic(r.model()).render());
      }
    }
    List<Violation> broken = new java.util.ArrayList<>();
    c.solutions().forEach(r -> broken.addAll(AccountingCheck.check(r)));
    w.println();
    if (!broken.isEmpty()) {
      w.println("accounting: " + broken.size() + " broken identities; the first:");
      w.print(broken.get(0).diagnostic(scenario.model()).render());
      return Errors.USER;
    }
    w.println("accounting: every matrix and hidden equation holds in every quarter of "
        + (c.branches().isEmpty() ? "both runs" : "every branch and the baseline (the probability-weighted path is "
        + "their average, not a solution)"));
    return 0;
  }

  static String region(Results r, String region) {
    return region(r.model(), region);
  }

  static String region(accord.model.Model model, String region) {
    List<String> regions = model.sets().get("Region").elements();
    if (!regions.contains(region)) {
      throw new Errors.UserError("E412", "--region " + region + " is not a region of the world model; the regions are "
          + String.join(", ", regions));
    }
    return region;
  }

  static ScenarioFile load(Path p) {
    if (!Files.exists(p)) {
      throw new Errors.UserError("E409", "no such file: " + p);
    }
    return ScenarioFile.load(p);
  }

  static String wrap(String text, int width) {
    StringBuilder out = new StringBuilder();
    int col = 0;
    for (String word : text.split("\\s+")) {
      if (col > 0 && col + 1 + word.length() > width) {
        out.append("\n  ");
        col = 0;
      } else if (col > 0) {
        out.append(' ');
        col++;
      }
      out.append(word);
      col += word.length();
    }
    return out.toString();
  }
}
