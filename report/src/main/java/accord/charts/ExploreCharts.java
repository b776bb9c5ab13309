package accord.charts;

import accord.explore.channels.ChannelDecomposition;
import accord.explore.grid.Grid;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.math.BigDecimal;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.category.WaterfallBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of the exploring commands (JFreeChart): a decomposition as a waterfall (each
 * channel's contribution stacked on the ones before it, up to the total), and a grid as a line
 * (one varied field) or a heat map (two).
 */
public final class ExploreCharts {

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private static final Color UP = new Color(0, 114, 178);
  private static final Color DOWN = new Color(213, 94, 0);
  private static final Color TOTAL = new Color(90, 90, 90);

  private ExploreCharts() {
  }

  /** The file name of a decomposition's chart: explain-tb-usa. */
  public static String key(ChannelDecomposition d) {
    return "explain-" + d.effect().label().toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }

  public static JFreeChart decomposition(ChannelDecomposition d, String scenario) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (int i = 0; i < d.channels().size(); i++) {
      data.addValue(d.shapley()[i], "contribution", d.channels().get(i).name());
    }
    data.addValue(d.rest(), "contribution", "rest (every channel off)");
    // the waterfall renderer draws the last category as the total of the others
    data.addValue(d.total(), "contribution", "total");
    JFreeChart chart = ChartFactory.createWaterfallChart(scenario + ": " + d.effect().label() + " in " + d.quarter()
        + " by channel", null, d.effect().unit(), data, PlotOrientation.VERTICAL, false, false, false);
    style(chart);
    CategoryPlot plot = chart.getCategoryPlot();
    WaterfallBarRenderer r = (WaterfallBarRenderer) plot.getRenderer();
    r.setPositiveBarPaint(UP);
    r.setNegativeBarPaint(DOWN);
    r.setFirstBarPaint(d.shapley().length > 0 && d.shapley()[0] < 0 ? DOWN : UP);
    r.setLastBarPaint(TOTAL);
    r.setShadowVisible(false);
    r.setDrawBarOutline(false);
    CategoryAxis x = plot.getDomainAxis();
    x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    x.setMaximumCategoryLabelLines(2);
    return chart;
  }

  /** The output against the one varied field, or a heat map of its difference over two. */
  public static JFreeChart grid(Grid.Result g) {
    String title = g.file().name() + ": " + g.effect().label() + " in " + g.quarter() + ", difference from the baseline";
    if (g.fields().size() == 1) {
      XYSeries s = new XYSeries(g.effect().label());
      for (Grid.Point p : g.points()) {
        s.add(p.values().get(0).doubleValue(), p.difference());
      }
      JFreeChart chart = ChartFactory.createXYLineChart(title, g.fields().get(0).name(), g.effect().unit(),
          new XYSeriesCollection(s), PlotOrientation.VERTICAL, false, false, false);
      chart.setBackgroundPaint(Color.WHITE);
      XYPlot plot = chart.getXYPlot();
      plot.setBackgroundPaint(Color.WHITE);
      plot.setRangeGridlinePaint(new Color(210, 210, 210));
      XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
      r.setSeriesPaint(0, UP);
      r.setSeriesStroke(0, new BasicStroke(2f));
      plot.setRenderer(r);
      chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
      return chart;
    }
    List<BigDecimal> xs = g.fields().get(1).values();
    List<BigDecimal> ys = g.fields().get(0).values();
    double[][] xyz = new double[3][g.points().size()];
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < g.points().size(); k++) {
      Grid.Point p = g.points().get(k);
      xyz[0][k] = p.values().get(1).doubleValue();
      xyz[1][k] = p.values().get(0).doubleValue();
      xyz[2][k] = p.difference();
      lo = Math.min(lo, p.difference());
      hi = Math.max(hi, p.difference());
    }
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries(g.effect().label(), xyz);
    XYBlockRenderer r = new XYBlockRenderer();
    r.setBlockWidth(step(xs));
    r.setBlockHeight(step(ys));
    // a diverging scale around zero: blue above, orange below, white at no change
    double m = Math.max(Math.max(Math.abs(lo), Math.abs(hi)), 1e-12);
    LookupPaintScale scale = new LookupPaintScale(-m, m + 1e-9 * m, Color.WHITE);
    int steps = 20;
    for (int i = 0; i < steps; i++) {
      double v = -m + 2 * m * i / steps;
      scale.add(v, blend(v / m));
    }
    r.setPaintScale(scale);
    NumberAxis x = new NumberAxis(g.fields().get(1).name());
    NumberAxis y = new NumberAxis(g.fields().get(0).name());
    XYPlot plot = new XYPlot(data, x, y, r);
    plot.setBackgroundPaint(Color.WHITE);
    JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    NumberAxis legendAxis = new NumberAxis(g.effect().unit());
    PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(4, 4, 40, 4);
    legend.setAxisOffset(4);
    chart.addSubtitle(legend);
    return chart;
  }

  private static double step(List<BigDecimal> values) {
    return values.size() < 2 ? 1 : Math.abs(values.get(1).subtract(values.get(0)).doubleValue());
  }

  /** From orange (-1) through white (0) to blue (+1). */
  private static Paint blend(double t) {
    Color end = t < 0 ? DOWN : UP;
    double a = Math.min(1, Math.abs(t));
    return new Color((int) Math.round(255 + a * (end.getRed() - 255)), (int) Math.round(255 + a * (end.getGreen() - 255)),
        (int) Math.round(255 + a * (end.getBlue() - 255)));
  }

  private static void style(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(210, 210, 210));
    plot.setOutlineVisible(false);
    plot.getDomainAxis().setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
  }
}
