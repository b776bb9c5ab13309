package accord.charts;

import accord.explore.Fans;
import accord.explore.Sensitivity;
import accord.explore.Sobol;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The charts of uncertainty (JFreeChart): a fan per headline output of a region (the median,
 * the 25-75 and the 5-95 percent bands of the difference from the baseline, quarter by quarter),
 * a tornado of one-at-a-time swings, and Sobol indices with their intervals. Keys are file names.
 */
public final class UncertaintyCharts {

  static {
    System.setProperty("java.awt.headless", "true");
  }

  /** The outputs a fan chart is drawn for, in this order: those a reader of the seeds asks about first. */
  public static final List<String> FAN_OUTPUTS = List.of("real GDP", "consumer prices", "trade balance",
      "current account / GDP",
      "exchange rate (up = own currency weaker: local currency per USD; for the USA the trade-weighted dollar)");

  private static final Color BLUE = new Color(0, 114, 178);

  private UncertaintyCharts() {
  }

  /** A fan chart per output of {@link #FAN_OUTPUTS} in {@code region}. */
  public static Map<String, JFreeChart> fans(Fans fans, String region) {
    Map<String, JFreeChart> out = new LinkedHashMap<>();
    for (String name : FAN_OUTPUTS) {
      int o = fans.output(name, region);
      if (o >= 0) {
        out.put("fan-" + slug(name) + "-" + region.toLowerCase(), fan(fans, o));
      }
    }
    return out;
  }

  private static String slug(String name) {
    String s = name.replaceAll("\\(.*\\)", "").strip().toLowerCase().replaceAll("[^a-z0-9]+", "-");
    return s.replaceAll("^-|-$", "");
  }

  static JFreeChart fan(Fans fans, int o) {
    var e = fans.experiment();
    var output = e.outputs().get(o);
    YIntervalSeries outer = new YIntervalSeries("5-95%");
    YIntervalSeries inner = new YIntervalSeries("25-75%");
    YIntervalSeries median = new YIntervalSeries("median");
    String[] labels = new String[e.periods() - 1];
    for (int p = 2; p <= e.periods(); p++) {
      double[] f = fans.fan(o, p);
      outer.add(p - 2, f[2], f[0], f[4]);
      inner.add(p - 2, f[2], f[1], f[3]);
      median.add(p - 2, f[2], f[2], f[2]);
      labels[p - 2] = e.model().periodLabel(p);
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    data.addSeries(outer);
    data.addSeries(inner);
    data.addSeries(median);
    String title = output.region() + ": " + shortName(output.name()) + ", " + output.unit() + " (" + fans.used()
        + " draws)";
    JFreeChart chart = ChartFactory.createXYLineChart(title, "quarter", output.unit(), data, PlotOrientation.VERTICAL,
        true, false, false);
    XYPlot plot = chart.getXYPlot();
    DeviationRenderer r = new DeviationRenderer(true, false);
    r.setSeriesPaint(0, BLUE);
    r.setSeriesFillPaint(0, new Color(0, 114, 178, 50));
    r.setSeriesPaint(1, BLUE);
    r.setSeriesFillPaint(1, new Color(0, 114, 178, 110));
    r.setSeriesPaint(2, new Color(0, 60, 110));
    for (int i = 0; i < 3; i++) {
      r.setSeriesStroke(i, new BasicStroke(i == 2 ? 2.5f : 0.5f));
    }
    r.setAlpha(1f);
    plot.setRenderer(r);
    SymbolAxis x = new SymbolAxis("quarter", labels);
    x.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    x.setVerticalTickLabels(true);
    plot.setDomainAxis(x);
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
    style(chart);
    plot.setDomainGridlinesVisible(false);
    return chart;
  }

  private static String shortName(String name) {
    return name.startsWith("exchange rate") ? "exchange rate (up = weaker; USA: trade-weighted dollar)" : name;
  }

  /** Each parameter's output at its low and high quantile, less the central run's: largest swing on top. */
  public static JFreeChart tornado(Sensitivity.OneAtATime oat, String output, String at, String lowName,
      String highName) {
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    for (Sensitivity.Swing s : oat.swings()) {
      d.addValue(s.atLow() - oat.central(), lowName, s.parameter());
      d.addValue(s.atHigh() - oat.central(), highName, s.parameter());
    }
    JFreeChart chart = ChartFactory.createBarChart(output + " in " + at + ": change from the central run ("
        + String.format(java.util.Locale.ROOT, "%.4g", oat.central()) + "), one parameter at a time", "", "difference",
        d, PlotOrientation.HORIZONTAL, true, false, false);
    CategoryPlot plot = chart.getCategoryPlot();
    BarRenderer r = (BarRenderer) plot.getRenderer();
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    r.setItemMargin(-1);   // the two bars of a parameter on one line, left and right of zero
    r.setSeriesPaint(0, new Color(213, 94, 0));
    r.setSeriesPaint(1, BLUE);
    plot.getDomainAxis().setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    style(chart);
    return chart;
  }

  /** First-order and total Sobol indices per parameter. */
  public static JFreeChart sobol(Sensitivity.Global g, String output, String at) {
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    for (int i = 0; i < g.parameters().size(); i++) {
      Sobol.Index x = g.indices()[i];
      d.addValue(x.first(), "first order", g.parameters().get(i));
      d.addValue(x.total(), "total", g.parameters().get(i));
    }
    JFreeChart chart = ChartFactory.createBarChart(output + " in " + at + ": Sobol indices (" + g.rows() + " rows)",
        "", "share of the variance", d, PlotOrientation.HORIZONTAL, true, false, false);
    BarRenderer r = (BarRenderer) chart.getCategoryPlot().getRenderer();
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    r.setSeriesPaint(0, BLUE);
    r.setSeriesPaint(1, new Color(213, 94, 0));
    style(chart);
    return chart;
  }

  private static void style(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    var plot = chart.getPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    if (plot instanceof XYPlot xy) {
      xy.setRangeGridlinePaint(new Color(210, 210, 210));
    } else if (plot instanceof CategoryPlot c) {
      c.setRangeGridlinePaint(new Color(210, 210, 210));
    }
  }
}
