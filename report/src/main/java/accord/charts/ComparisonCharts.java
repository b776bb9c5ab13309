package accord.charts;

import accord.compare.Comparison;
import accord.compare.Indicator;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The charts of a comparison (JFreeChart): a region's headline series in the scenario against
 * the baseline over time, every region's real GDP and exchange rate as differences from the
 * baseline, the focus region's goods balance with each partner over time and at the middle
 * horizon, and the sector table as bars. Keys are file names (without extension).
 */
public final class ComparisonCharts {

  static {
    System.setProperty("java.awt.headless", "true");
  }

  /** Colours that stay apart for ten regions (Okabe-Ito, its yellow darkened for white paper, and more). */
  private static final Color[] PALETTE = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
      new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233), new Color(153, 153, 51),
      new Color(0, 0, 0), new Color(128, 128, 128), new Color(170, 68, 0)};

  private ComparisonCharts() {
  }

  public static Map<String, JFreeChart> of(Comparison c, String focus) {
    Map<String, JFreeChart> out = new LinkedHashMap<>();
    out.put("headline-" + focus.toLowerCase(), headline(c, focus));
    out.put("gdp", differences(c, "real GDP", "Real GDP, % from the baseline"));
    out.put("exchange-rates", differences(c,
        "exchange rate (up = own currency weaker: local currency per USD; for the USA the trade-weighted dollar)",
        "Exchange rates against the dollar, % from the baseline (up = own currency weaker; USA: trade-weighted)"));
    out.put("bilateral-" + focus.toLowerCase(), bilateral(c, focus));
    out.put("partners-" + focus.toLowerCase(), partners(c, focus));
    out.put("sectors", sectors(c));
    return out;
  }

  /** The focus region's trade balance a day, consumer prices and real GDP: scenario and baseline. */
  private static JFreeChart headline(Comparison c, String g) {
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    for (int p = c.start(); p <= c.scenario().periods(); p++) {
      String q = c.label(p);
      d.addValue(c.scenario().value("TBD[" + g + "]", p), "scenario", q);
      d.addValue(c.baseline().value("TBD[" + g + "]", p), "baseline", q);
    }
    JFreeChart chart = ChartFactory.createLineChart(g + ": trade balance, USD bn a day, scenario and baseline", "quarter",
        "USD bn a day", d, PlotOrientation.VERTICAL, true, false, false);
    style(chart, true);
    return chart;
  }

  private static JFreeChart differences(Comparison c, String indicator, String title) {
    Indicator x = Indicator.HEADLINE.stream().filter(i -> i.name().equals(indicator)).findFirst().orElseThrow();
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    for (String g : c.regions()) {
      for (int p = c.start(); p <= c.scenario().periods(); p++) {
        d.addValue(x.change(x.series().value(c.scenario(), g, p), x.series().value(c.baseline(), g, p)), g, c.label(p));
      }
    }
    JFreeChart chart = ChartFactory.createLineChart(title, "quarter", x.difference(), d, PlotOrientation.VERTICAL, true,
        false, false);
    style(chart, true);
    return chart;
  }

  /** The focus region's goods balance with each partner, change from the baseline, over time. */
  private static JFreeChart bilateral(Comparison c, String g) {
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    for (String partner : c.regions()) {
      if (partner.equals(g)) {
        continue;
      }
      for (int p = c.start(); p <= c.scenario().periods(); p++) {
        String key = "TBG[" + g + "," + partner + "]";
        d.addValue(c.scenario().value(key, p) - c.baseline().value(key, p), partner, c.label(p));
      }
    }
    JFreeChart chart = ChartFactory.createLineChart(g + "'s goods balance with each partner, change from the baseline",
        "quarter", "USD bn a year", d, PlotOrientation.VERTICAL, true, false, false);
    style(chart, true);
    return chart;
  }

  /** The focus region's goods balance by partner at the middle horizon: baseline and scenario. */
  private static JFreeChart partners(Comparison c, String g) {
    int p = middle(c);
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    for (String partner : c.regions()) {
      if (!partner.equals(g)) {
        d.addValue(c.baseline().value("TBG[" + g + "," + partner + "]", p), "baseline", partner);
        d.addValue(c.scenario().value("TBG[" + g + "," + partner + "]", p), "scenario", partner);
      }
    }
    JFreeChart chart = ChartFactory.createBarChart(g + "'s goods balance by partner, " + c.label(p), "partner",
        "USD bn a year", d, PlotOrientation.VERTICAL, true, false, false);
    style(chart, false);
    return chart;
  }

  /** Real output of the seeds' sector groups by region at the middle horizon, % from the baseline. */
  private static JFreeChart sectors(Comparison c) {
    int p = middle(c);
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    for (Map.Entry<String, List<String>> e : Comparison.SECTOR_GROUPS.entrySet()) {
      for (String g : c.regions()) {
        d.addValue(100 * (Comparison.output(c.scenario(), g, e.getValue(), p)
            / Comparison.output(c.baseline(), g, e.getValue(), p) - 1), e.getKey(), g);
      }
    }
    JFreeChart chart = ChartFactory.createBarChart("Sector output by region, " + c.label(p) + ", % from the baseline",
        "region", "% from baseline", d, PlotOrientation.VERTICAL, true, false, false);
    style(chart, false);
    return chart;
  }

  static int middle(Comparison c) {
    return c.periods().get(Math.min(1, c.periods().size() - 1));
  }

  private static void style(JFreeChart chart, boolean lines) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(210, 210, 210));
    plot.setOutlineVisible(false);
    CategoryAxis x = plot.getDomainAxis();
    x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    x.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    if (lines) {
      LineAndShapeRenderer r = (LineAndShapeRenderer) plot.getRenderer();
      r.setDefaultShapesVisible(false);
      for (int i = 0; i < PALETTE.length; i++) {
        r.setSeriesPaint(i, PALETTE[i]);
        r.setSeriesStroke(i, new BasicStroke(2f));
      }
      if (plot.getDataset().getRowCount() == 2) {
        r.setSeriesStroke(1, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f},
            0f));
        r.setSeriesPaint(1, new Color(128, 128, 128));
      }
    } else {
      BarRenderer r = (BarRenderer) plot.getRenderer();
      r.setBarPainter(new StandardBarPainter());
      r.setShadowVisible(false);
      for (int i = 0; i < PALETTE.length; i++) {
        r.setSeriesPaint(i, PALETTE[i]);
      }
    }
  }
}
