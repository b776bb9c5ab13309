package accord.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import picocli.CommandLine;

/**
 * The report opens offline in headless Chromium (Debian's, through its chromedriver) with every
 * chart drawn: each chart's SVG has a real size and lines or bars in it, and a screenshot of the
 * first chart is not blank. CI installs Chromium and sets ACCORD_REQUIRE_BROWSER, so there the
 * test cannot be skipped.
 */
class ReportBrowserTest {

  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @Test
  void theReportOpensInChromiumWithItsChartsDrawn(@TempDir Path dir) throws Exception {
    boolean required = System.getenv("ACCORD_REQUIRE_BROWSER") != null;
    assumeTrue(required || Files.isExecutable(CHROMEDRIVER), "no /usr/bin/chromedriver (apt-get install chromium "
        + "chromium-driver)");
    Path html = dir.resolve("report.html");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = accord.cli.Accord.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute("report", "../models/world/scenarios/us-china-tariffs.yaml", "-o", html.toString());
    assertThat(code).as(err.toString()).isZero();
    String text = Files.readString(html);
    // nothing loaded from anywhere (the SVG namespace names are names, not addresses)
    assertThat(text).as("no external resource").doesNotContainPattern("(src|href)\\s*=\\s*\"(https?:|//|[^\"#]*\\.(js|css|png))")
        .doesNotContain("<link", "url(http", "@import");
    assertThat(text).contains("<svg", "flows[USA]", "column sum", "The model against 2025", "parameters.csv");

    ChromeDriver browser = chromium(dir);
    try {
      browser.manage().window().setSize(new Dimension(1300, 1000));
      browser.get(html.toUri().toString());
      assertThat(browser.getTitle()).contains("145% on China");
      List<WebElement> charts = browser.findElements(By.cssSelector("div.chart > svg"));
      assertThat(charts).hasSize(6);
      for (WebElement svg : charts) {
        assertThat(svg.getSize().getWidth()).isGreaterThan(400);
        assertThat(svg.getSize().getHeight()).isGreaterThan(200);
        assertThat(svg.findElements(By.cssSelector("path, rect, line, polyline")).size())
            .as("marks drawn in %s", svg.findElement(By.xpath("..")).getAttribute("id")).isGreaterThan(20);
      }
      WebElement first = charts.get(0);
      browser.executeScript("arguments[0].scrollIntoView(true);", first);
      BufferedImage shot = ImageIO.read(new ByteArrayInputStream(first.getScreenshotAs(OutputType.BYTES)));
      Files.write(dir.resolve("chart.png"), first.getScreenshotAs(OutputType.BYTES));
      assertThat(colours(shot)).as("colours in the screenshot of the first chart").isGreaterThan(10);
    } finally {
      browser.quit();
    }
  }

  /**
   * The report of a library scenario asked for every answer of many runs (fans of a sweep, the
   * channel decomposition, a tornado, a policy grid as a heat map), on small settings: each chart
   * is there and drawn in Chromium.
   */
  @Test
  void theFanTornadoHeatMapAndDecompositionChartsAreDrawn(@TempDir Path dir) throws Exception {
    boolean required = System.getenv("ACCORD_REQUIRE_BROWSER") != null;
    assumeTrue(required || Files.isExecutable(CHROMEDRIVER), "no /usr/bin/chromedriver (apt-get install chromium "
        + "chromium-driver)");
    Path html = dir.resolve("explored.html");
    Path priors = accord.explore.UncertaintyCommandsTest.priors(dir);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = accord.cli.Accord.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute("report", "../models/world/scenarios/us-china-tariffs.yaml", "-o", html.toString(),
        "--quarter", "2025Q4", "--draws", "3", "--seed", "5", "--priors", priors.toString(), "--channels",
        "--sensitivity", "--vary", "tariff[1].rate=0.5:1.5:1", "--vary", "tariff[2].rate=0.2:0.4:0.2");
    assertThat(code).as(err.toString()).isZero();
    ChromeDriver browser = chromium(dir);
    try {
      browser.manage().window().setSize(new Dimension(1300, 1000));
      browser.get(html.toUri().toString());
      for (String id : List.of("chart-fan-trade-balance-usa", "chart-tornado", "chart-grid", "chart-explain-tb-usa")) {
        List<WebElement> found = browser.findElements(By.cssSelector("div.chart#" + id + " > svg"));
        assertThat(found).as("chart %s on the page", id).hasSize(1);
        WebElement svg = found.get(0);
        assertThat(svg.getSize().getWidth()).as(id).isGreaterThan(400);
        assertThat(svg.findElements(By.cssSelector("path, rect, line, polyline")).size()).as("marks drawn in %s", id)
            .isGreaterThan(10);
        browser.executeScript("arguments[0].scrollIntoView(true);", svg);
        byte[] png = svg.getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", id + ".png"), png);
        assertThat(colours(ImageIO.read(new ByteArrayInputStream(png)))).as("colours in %s", id).isGreaterThan(10);
      }
    } finally {
      browser.quit();
    }
  }

  /** Debian's headless Chromium through its chromedriver, with a profile in {@code dir} and no network of its own. */
  static ChromeDriver chromium(Path dir) {
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + dir.resolve("profile"));
    return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
        options);
  }

  /** Distinct colours in an image: a blank page has one. */
  private static long colours(BufferedImage img) {
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        seen.add(img.getRGB(x, y));
      }
    }
    return seen.size();
  }
}
