package accord.charts;

import java.awt.Rectangle;
import accord.output.OutputFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** Writes charts as PNG (JFreeChart) and SVG (JFreeSVG), and renders SVG for a page. */
public final class ChartFiles {

  public static final int WIDTH = 900;
  public static final int HEIGHT = 460;

  private ChartFiles() {
  }

  /** {@code name.png} and {@code name.svg} for every chart in {@code dir}; returns the files written. */
  public static List<Path> write(Map<String, JFreeChart> charts, Path dir) {
    OutputFile.folder(dir.toAbsolutePath(), "--charts", dir);
    List<Path> out = new ArrayList<>();
    for (Map.Entry<String, JFreeChart> e : charts.entrySet()) {
      Path png = dir.resolve(e.getKey() + ".png");
      OutputFile.write(png, "--charts", o -> ChartUtils.writeChartAsPNG(o, e.getValue(), WIDTH, HEIGHT));
      Path svg = dir.resolve(e.getKey() + ".svg");
      OutputFile.writeText(svg, "--charts", w -> w.write(svg(e.getValue())));
      out.add(png);
      out.add(svg);
    }
    return out;
  }

  /** The chart as an SVG element (for a page) . */
  public static String svgElement(JFreeChart chart) {
    SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
    chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
    return g.getSVGElement();
  }

  /** The chart as an SVG document (for a file). */
  public static String svg(JFreeChart chart) {
    SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
    chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
    return g.getSVGDocument();
  }
}
