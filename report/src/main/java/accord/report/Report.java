package accord.report;

import static accord.report.Html.esc;

import accord.backtest.Backtest;
import accord.charts.ChartFiles;
import accord.charts.ComparisonCharts;
import accord.compare.Comparison;
import accord.compare.ComparisonText;
import accord.compare.Table;
import accord.model.Csv;
import accord.scenario.ScenarioFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * One self-contained HTML page for a scenario: the question and its events, the tables against
 * the baseline, the charts (inline SVG), a region's transactions-flow matrix in one quarter with
 * its zero sums, the model's record against 2025, and the assumptions with their sources. It
 * needs no network and no other file.
 */
public final class Report {

  /** What the page is made of; {@code explore}: what was asked of many runs (nothing: the point forecast only). */
  public record Inputs(ScenarioFile file, Comparison comparison, String region, int matrixPeriod,
      List<Backtest.Comparison> backtest, List<Backtest.Comparison> rounds, Path worldDir, Exploration explore) {

    public Inputs {
      explore = explore == null ? Exploration.NONE : explore;
    }

    public Inputs(ScenarioFile file, Comparison comparison, String region, int matrixPeriod,
        List<Backtest.Comparison> backtest, List<Backtest.Comparison> rounds, Path worldDir) {
      this(file, comparison, region, matrixPeriod, backtest, rounds, worldDir, Exploration.NONE);
    }
  }

  /**
   * The answers of many runs the page can show, each optional (null or empty: not asked): fans of
   * a sweep over the priors, the channel decomposition, a one-at-a-time sensitivity of one output
   * (with its label and quarter), a policy grid.
   */
  public record Exploration(accord.explore.Fans fans, List<accord.explore.channels.ChannelDecomposition> channels,
      accord.explore.Sensitivity.OneAtATime tornado, String tornadoOutput, accord.explore.grid.Grid.Result grid) {

    public static final Exploration NONE = new Exploration(null, List.of(), null, null, null);

    public Exploration {
      channels = channels == null ? List.of() : List.copyOf(channels);
    }
  }

  private Report() {
  }

  public static String html(Inputs in) throws IOException {
    ScenarioFile f = in.file();
    Comparison c = in.comparison();
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Accord: ").append(esc(f.name()))
        .append("</title>\n<style>").append(Html.STYLE).append("</style></head><body>\n");
    b.append("<h1>").append(esc(f.name())).append("</h1>\n");
    b.append("<p class=\"muted\">Accord world model (second edition), calibrated to 2024; the scenario against the "
        + "baseline from ").append(c.label(c.start())).append(" to ").append(c.label(c.scenario().periods()))
        .append(". Every matrix and identity of the model holds in every quarter of both runs.</p>\n");
    if (!f.note().isBlank()) {
      b.append("<h2>The question</h2>\n<p class=\"note\">").append(esc(f.note().strip())).append("</p>\n");
    }
    b.append("<h2>The events</h2>\n<p>As written in <code>").append(esc(String.valueOf(f.path().getFileName())))
        .append("</code> (docs/scenarios.md has the vocabulary).</p>\n<pre>")
        .append(esc(Files.readString(f.path()))).append("</pre>\n");
    List<String> fired = ComparisonText.fired(c);
    b.append("<h3>Triggered events</h3>\n<p>").append(fired.isEmpty() ? (f.triggers().isEmpty() && f.branches().isEmpty()
        ? "None in this scenario." : "None fired.") : esc(String.join("; ", fired))).append("</p>\n");
    if (!c.branches().isEmpty()) {
      b.append("<h3>Branches</h3>\n<p>").append(esc(String.join("; ", c.branches().stream().map(x -> x.branch().name()
          + ", probability " + x.branch().probability()).toList()))).append(". The tables and charts show the "
          + "probability-weighted path; the first table each branch. Every branch is a solution of the model and "
          + "holds its accounts; the weighted path is their average.</p>\n");
    }
    b.append("<h2>Against the baseline</h2>\n");
    for (Table t : ComparisonText.tables(c)) {
      b.append(Html.table(t));
    }
    b.append("<h2>Charts</h2>\n");
    for (Map.Entry<String, JFreeChart> e : ComparisonCharts.of(c, in.region()).entrySet()) {
      b.append("<div class=\"chart\" id=\"chart-").append(esc(e.getKey())).append("\">")
          .append(ChartFiles.svgElement(e.getValue())).append("</div>\n");
    }
    Exploration x = in.explore();
    if (x.fans() != null) {
      uncertainty(b, x.fans(), in.region(), c);
    }
    if (x.tornado() != null) {
      b.append("<h2>Which assumption drives it</h2>\n<p>").append(esc(x.tornadoOutput())).append(" in ")
          .append(esc(c.label(in.matrixPeriod()))).append(", the scenario less its baseline, with each behavioural "
          + "parameter in turn at its prior's 5th and 95th percentiles and the others at their medians "
          + "(<code>accord sensitivity</code>); the longest bars are the assumptions the answer depends on most.</p>\n");
      b.append("<div class=\"chart\" id=\"chart-tornado\">").append(ChartFiles.svgElement(
          accord.charts.UncertaintyCharts.tornado(x.tornado(), x.tornadoOutput(), c.label(in.matrixPeriod()),
              "at the 5th percentile", "at the 95th"))).append("</div>\n");
    }
    if (x.grid() != null) {
      b.append("<h2>Policy grid</h2>\n<p>").append(esc(x.grid().effect().label())).append(" in ")
          .append(esc(x.grid().quarter())).append(" over a grid of the scenario's event fields (<code>accord grid</code>): "
          + "one run per point, each the scenario with those values written in.</p>\n");
      b.append("<div class=\"chart\" id=\"chart-grid\">").append(ChartFiles.svgElement(
          accord.charts.ExploreCharts.grid(x.grid()))).append("</div>\n");
    }
    if (!x.channels().isEmpty()) {
      b.append("<h2>Through which channels</h2>\n<p>The effect split into the model's transmission channels "
          + "(<code>accord explain</code>): each channel switched off makes the behaviour it names respond to the "
          + "baseline's path (models/world/blocks/channels.acc); the scenario runs with every combination of "
          + "channels on and off, and each channel's contribution is its Shapley value, so the rows add up to the "
          + "total. 'rest' is what is left with every channel off.</p>\n");
      for (accord.explore.channels.ChannelDecomposition d : x.channels()) {
        b.append(Html.table(channels(d)));
        b.append("<p class=\"muted\">").append(esc(String.format(Locale.ROOT, "Interactions: %.2f %s (the total "
            + "through the channels less the sum of the channels switched off one at a time).", d.interactions(),
            d.effect().unit()))).append("</p>\n");
        b.append("<div class=\"chart\" id=\"chart-").append(esc(accord.charts.ExploreCharts.key(d))).append("\">")
            .append(ChartFiles.svgElement(accord.charts.ExploreCharts.decomposition(d, f.name()))).append("</div>\n");
      }
    }
    b.append("<h2>The accounts: ").append(esc(in.region())).append(" in ").append(c.label(in.matrixPeriod()))
        .append("</h2>\n<p>The region's transactions-flow matrix in the scenario (Godley and Lavoie's layout): "
            + "every column sums to zero, and every row to zero (or to its stated total): every flow comes from "
            + "somewhere and goes somewhere.</p>\n");
    b.append(Html.table(MatrixTable.of(c.scenario(), "flows[" + in.region() + "]", in.matrixPeriod())));
    b.append("<h2>The model against 2025</h2>\n<p>The 2025 tariffs replayed from the 2024 calibration "
        + "(<code>accord backtest</code>); no parameter is fitted to 2025. docs/world-model.md explains each miss.</p>\n");
    b.append(Html.table(backtest(in.backtest())));
    b.append("<p>The 2018-19 rounds on today's economy against 2017-19 (sizes relative to the flows; the observed "
        + "changes also hold two years of trend):</p>\n");
    b.append(Html.table(rounds(in.rounds())));
    b.append("<h2>Assumptions and sources</h2>\n<p>Calibration data: <code>models/world/data</code> (every figure "
        + "with source, series, vintage and status; <code>accord calibrate --sources</code> prints every target with "
        + "its source). Behavioural parameters, their values, prior ranges and sources:</p>\n");
    b.append(Html.table(parameters(in.worldDir().resolve("data/parameters.csv"))));
    b.append("</body></html>\n");
    return b.toString();
  }

  /** The fans of a sweep: a table at the comparison's horizons and a fan chart per headline output. */
  private static void uncertainty(StringBuilder b, accord.explore.Fans fans, String region, Comparison c) {
    var e = fans.experiment();
    b.append("<h2>How sure: ").append(esc(region)).append(" over ").append(fans.used()).append(" draws of the "
        + "parameters</h2>\n<p>Every behavioural parameter the literature does not pin down drawn from its prior "
        + "(<code>models/world/data/priors.csv</code>: distribution, range and source), the scenario and its baseline "
        + "run with the same draw (seed ").append(e.seed()).append("). The bands hold the middle 50% and 90% of the "
        + "draws' differences from the baseline; the line is the median.");
    if (!fans.failures().isEmpty()) {
      b.append(" ").append(fans.failures().size()).append(" draws failed to solve and are left out (accord sweep "
          + "lists them).");
    }
    if (e.branches().size() > 1) {
      b.append(" Each draw also takes one branch by its probability, so the fans are the mixture of the branches.");
    }
    b.append("</p>\n");
    List<String> header = new ArrayList<>(List.of("", "unit"));
    c.periods().forEach(p -> header.add(c.label(p) + ": median [5%, 95%]"));
    List<List<String>> rows = new ArrayList<>();
    for (String name : accord.charts.UncertaintyCharts.FAN_OUTPUTS) {
      int o = fans.output(name, region);
      List<String> row = new ArrayList<>(List.of(name, e.outputs().get(o).unit()));
      for (int p : c.periods()) {
        double[] f = fans.fan(o, p);
        row.add(String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", f[2], f[0], f[4]));
      }
      rows.add(row);
    }
    b.append(Html.table(new Table("Fans of " + region, header, rows)));
    for (Map.Entry<String, JFreeChart> ch : accord.charts.UncertaintyCharts.fans(fans, region).entrySet()) {
      b.append("<div class=\"chart\" id=\"chart-").append(esc(ch.getKey())).append("\">")
          .append(ChartFiles.svgElement(ch.getValue())).append("</div>\n");
    }
  }

  private static Table channels(accord.explore.channels.ChannelDecomposition d) {
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < d.channels().size(); i++) {
      out.add(List.of(d.channels().get(i).name(), String.format(Locale.ROOT, "%.2f", d.shapley()[i]),
          String.format(Locale.ROOT, "%.2f", d.leaveOneOut()[i])));
    }
    out.add(List.of("rest (every channel off)", String.format(Locale.ROOT, "%.2f", d.rest()), ""));
    out.add(List.of("total", String.format(Locale.ROOT, "%.2f", d.total()), ""));
    return new Table(d.effect().label() + " in " + d.quarter() + ", " + d.effect().unit(), List.of("channel",
        "contribution", "switched off alone"), out);
  }

  private static Table backtest(List<Backtest.Comparison> rows) {
    List<List<String>> out = new ArrayList<>();
    for (Backtest.Comparison r : rows) {
      out.add(List.of(r.name(), r.unit(), num(r.observed()), num(r.model()), num(r.baseline()), num(r.error()),
          r.source()));
    }
    return new Table("2025: observed and model", List.of("", "unit", "observed", "model", "model without the 2025 "
        + "policies", "model - observed", "source of the observation"), out);
  }

  private static Table rounds(List<Backtest.Comparison> rows) {
    List<List<String>> out = new ArrayList<>();
    for (Backtest.Comparison r : rows) {
      out.add(List.of(r.name(), r.unit(), String.format(Locale.ROOT, "%.2f", r.observed()),
          String.format(Locale.ROOT, "%.2f", r.model()), r.source()));
    }
    return new Table("2018-19: observed and model", List.of("", "unit", "observed 2017-19", "model",
        "source of the observation"), out);
  }

  private static Table parameters(Path csv) throws IOException {
    Csv.Table t = Csv.parse(Files.readString(csv));
    List<List<String>> rows = new ArrayList<>();
    for (List<String> r : t.rows()) {
      rows.add(List.of(r.get(0), r.get(1), r.get(2) + " to " + r.get(3), r.get(4)));
    }
    return new Table("parameters.csv", List.of("parameter", "value", "prior range", "source"), rows);
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.1f", v);
  }
}
