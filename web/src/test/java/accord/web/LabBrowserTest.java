package accord.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The lab in Debian's headless Chromium, through its chromedriver (no browser is downloaded):
 * the page loads with no console errors, the USA-CHN tariff slider moves the bilateral chart and
 * its numbers (and the time from its release to the redrawn charts is printed), the accounts show
 * their zero sums, a copied address restores the view, a sweep runs to the end and its fans are
 * drawn, the channels tab draws a decomposition, and the flows tab shows the capital flows.
 * Screenshots go to target/lab-*.png; with -Daccord.docs.screenshot=true the moved one also to
 * docs/lab.png (the README's). CI sets ACCORD_REQUIRE_BROWSER, so there it cannot be skipped.
 */
class LabBrowserTest {

  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SHOTS = Path.of("target");
  static LabServer server;
  static ChromeDriver browser;
  /** The browser's profile, removed after the class. */
  @org.junit.jupiter.api.io.TempDir
  static Path profile;

  @BeforeAll
  static void open() throws Exception {
    boolean required = System.getenv("ACCORD_REQUIRE_BROWSER") != null;
    assumeTrue(required || Files.isExecutable(CHROMEDRIVER), "no /usr/bin/chromedriver (apt-get install chromium "
        + "chromium-driver)");
    server = TestServer.shared();
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile);
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
        options);
    browser.manage().window().setSize(new Dimension(1500, 1100));
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  private static WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofMinutes(2), Duration.ofMillis(50));
  }

  /** Opens an address of the lab and waits for its first run to be drawn. */
  private static String load(String fragment) {
    browser.get("about:blank");
    browser.get(TestServer.base(server) + "/#" + fragment);
    return waitForRun(null);
  }

  private static String waitForRun(String previous) {
    waiting().until(d -> {
      Object run = browser.executeScript("return document.body.dataset.run || null;");
      return run != null && !run.equals(previous);
    });
    return (String) browser.executeScript("return document.body.dataset.run;");
  }

  private static List<String> consoleErrors() {
    List<String> out = new ArrayList<>();
    for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
        out.add(e.getMessage());
      }
    }
    return out;
  }

  private static String rowText(String table, String first) {
    for (WebElement tr : browser.findElements(By.cssSelector("#" + table + " tr"))) {
      List<WebElement> cells = tr.findElements(By.tagName("td"));
      if (!cells.isEmpty() && cells.get(0).getText().equals(first)) {
        return tr.getText();
      }
    }
    throw new AssertionError("no row " + first + " in " + table);
  }

  private static Object chartData(String id, int series) {
    return browser.executeScript("return echarts.getInstanceByDom(document.getElementById(arguments[0]))"
        + ".getOption().series[arguments[1]].data;", id, series);
  }

  private static void shot(String name) throws Exception {
    Files.createDirectories(SHOTS);
    byte[] png = browser.getScreenshotAs(OutputType.BYTES);
    Files.write(SHOTS.resolve("lab-" + name + ".png"), png);
    if (name.equals("moved") && Boolean.getBoolean("accord.docs.screenshot")) {
      Files.write(TestServer.HOME.resolve("docs/lab.png"), png);
    }
  }

  @Test
  void theTariffSliderMovesTheBilateralChartAndItsNumbers() throws Exception {
    String first = load("s=us-china-tariffs&r=USA&tab=charts");
    assertThat(browser.getTitle()).isEqualTo("Accord lab");
    waiting().until(d -> !browser.findElements(By.cssSelector("#numbers-bilateral td")).isEmpty());
    String before = rowText("numbers-bilateral", "CHN");
    Object chartBefore = chartData("chart-bilateral", 1);
    shot("charts");

    WebElement slider = browser.findElement(By.cssSelector("input[type=range][data-lever='tariff[2].rate']"));
    List<Double> timings = new ArrayList<>();
    String run = first;
    for (int i = 0; i < 5; i++) {
      slider.sendKeys(Keys.ARROW_RIGHT);   // a key moves and releases the slider: input, then change
      run = waitForRun(run);
      final int seen = i + 1;
      waiting().until(d -> ((Number) browser.executeScript("return window.__accordTimings.length;")).intValue() >= seen);
    }
    // a bigger move, dragged with the mouse
    new org.openqa.selenium.interactions.Actions(browser).dragAndDropBy(slider, 60, 0).perform();
    waitForRun(run);
    waiting().until(d -> ((Number) browser.executeScript("return window.__accordTimings.length;")).intValue() >= 6);
    for (Object t : (List<?>) browser.executeScript("return window.__accordTimings;")) {
      timings.add(((Number) t).doubleValue());
    }
    String after = rowText("numbers-bilateral", "CHN");
    assertThat(after).isNotEqualTo(before);
    assertThat(chartData("chart-bilateral", 1)).isNotEqualTo(chartBefore);
    assertThat(browser.getCurrentUrl()).contains("o.tariff%5B2%5D.rate=");
    List<Double> answers = new ArrayList<>();
    for (Object t : (List<?>) browser.executeScript("return window.__accordAnswers;")) {
      answers.add(((Number) t).doubleValue());
    }
    System.out.printf("lab: of which release to the run's answer (request, run, JSON): median %.0f ms %s%n",
        answers.stream().sorted().toList().get(answers.size() / 2), answers);
    List<Double> sorted = timings.stream().sorted().toList();
    System.out.printf("lab: slider release to redrawn charts, %d moves: median %.0f ms, min %.0f, max %.0f ms %s%n",
        sorted.size(), sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), timings);
    System.out.println("lab: USA-CHN numbers before: " + before + " / after: " + after);
    shot("moved");
    assertThat(consoleErrors()).isEmpty();
  }

  @Test
  void theAccountsShowTheirZeroSums() throws Exception {
    load("s=us-china-tariffs&r=CHN&q=2026Q1&tab=accounts");
    waiting().until(d -> !browser.findElements(By.cssSelector("#matrix-table td.sum")).isEmpty());
    assertThat(browser.findElement(By.id("matrix-table")).getText()).contains("flows[CHN], 2026Q1", "column sum",
        "row sum");
    List<WebElement> sums = browser.findElements(By.cssSelector("#matrix-table td.sum"));
    assertThat(sums.size()).isGreaterThan(10);
    for (WebElement s : sums) {
      assertThat(s.getText()).isIn("0.000", "-0.000");
    }
    assertThat(browser.findElement(By.id("matrix-check")).getText()).contains("every sum is zero");
    shot("accounts");
    assertThat(consoleErrors()).isEmpty();
  }

  @Test
  void aSharedAddressRestoresTheView() throws Exception {
    load("s=tariffs-2025");
    new Select(browser.findElement(By.id("region"))).selectByValue("CHN");
    browser.findElement(By.cssSelector("#tabs button[data-tab=flows]")).click();
    WebElement number = browser.findElement(By.cssSelector("input[data-lever-number='tariff[1].rate']"));
    String run = (String) browser.executeScript("return document.body.dataset.run;");
    number.clear();
    number.sendKeys("0.35", Keys.TAB);
    waitForRun(run);
    new Select(browser.findElement(By.id("quarter"))).selectByValue("2026Q2");
    String shared = browser.getCurrentUrl();
    assertThat(shared).contains("s=tariffs-2025", "tab=flows", "q=2026Q2", "r=CHN", "o.tariff%5B1%5D.rate=0.35");

    browser.get("about:blank");
    browser.get(shared);
    waitForRun(null);
    assertThat(new Select(browser.findElement(By.id("scenario"))).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("tariffs-2025");
    assertThat(new Select(browser.findElement(By.id("region"))).getFirstSelectedOption().getText()).isEqualTo("CHN");
    assertThat(new Select(browser.findElement(By.id("quarter"))).getFirstSelectedOption().getText()).isEqualTo("2026Q2");
    assertThat(browser.findElement(By.cssSelector("input[data-lever='tariff[1].rate']")).getAttribute("value"))
        .isEqualTo("0.35");
    assertThat(browser.findElement(By.cssSelector("#tabs button[data-tab=flows]")).getAttribute("aria-selected"))
        .isEqualTo("true");
    assertThat(browser.findElement(By.id("status")).getText()).contains("1 lever(s) moved");
    // the Sankey of the restored quarter is drawn
    waiting().until(d -> browser.executeScript("var c = echarts.getInstanceByDom(document.getElementById('sankey'));"
        + "return c && c.getOption().series[0].links.length === 40;"));
    shot("flows");
    assertThat(consoleErrors()).isEmpty();
  }

  /** A sweep started from the fan-chart tab runs to the end: the progress bar reaches 100% and the fans are drawn. */
  @Test
  void aSweepRunsToTheEnd() throws Exception {
    load("s=us-china-tariffs&r=USA&tab=sweep");
    WebElement draws = browser.findElement(By.id("sweep-draws"));
    draws.clear();
    draws.sendKeys("12");
    WebElement quarters = browser.findElement(By.id("sweep-quarters"));
    quarters.clear();
    quarters.sendKeys("4");
    browser.findElement(By.id("sweep-start")).click();
    waiting().until(d -> browser.executeScript("return document.body.dataset.fans || null;") != null);
    assertThat(browser.findElement(By.id("sweep-progress")).getAttribute("value")).isEqualTo("100");
    assertThat(browser.findElement(By.id("sweep-status")).getText()).contains("done, 12 of 12 draws (100%)",
        "draws a second");
    assertThat(browser.findElements(By.cssSelector("#fans .card"))).hasSize(5);
    // the first fan: its median and bands over the four quarters, with a unit on the axis
    assertThat((List<?>) chartData("chart-fan-0", 4)).hasSize(4);
    assertThat(browser.executeScript("return echarts.getInstanceByDom(document.getElementById('chart-fan-0'))"
        + ".getOption().yAxis[0].name;")).isEqualTo("% from baseline");
    assertThat(browser.getCurrentUrl()).contains("sw=s");
    shot("sweep");
    assertThat(consoleErrors()).isEmpty();
  }

  /** The channels tab decomposes the effect of a library scenario and draws it as a waterfall to the total. */
  @Test
  void theChannelsTabDrawsTheDecomposition() throws Exception {
    load("s=us-china-tariffs&r=USA&q=2026Q4&tab=channels");
    assertThat(new Select(browser.findElement(By.id("explain-output"))).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("TB[USA]");
    browser.findElement(By.id("explain-start")).click();
    waiting().until(d -> browser.executeScript("return document.body.dataset.channels || null;") != null);
    assertThat(browser.executeScript("return document.body.dataset.channels;")).isEqualTo("TB[USA] 2026Q4");
    // six channels, the rest and the total
    assertThat((List<?>) chartData("channels-chart", 1)).hasSize(8);
    assertThat(browser.findElement(By.id("channels-table")).getText()).contains("trade barriers", "total");
    assertThat(browser.findElement(By.id("explain-status")).getText()).contains("65 runs");
    shot("channels");
    assertThat(consoleErrors()).isEmpty();
  }

  /** The flows tab shows the capital flows beside the goods: net lending between the regions. */
  @Test
  void theFlowsTabShowsCapitalFlows() throws Exception {
    load("s=us-china-tariffs&r=USA&q=2026Q1&tab=flows&f=capital");
    waiting().until(d -> "capital 2026Q1".equals(browser.executeScript("return document.body.dataset.flows || null;")));
    assertThat(browser.findElement(By.id("flows-capital")).isSelected()).isTrue();
    assertThat(browser.findElement(By.id("flows-explain")).getText()).contains("Net lending", "USD bn a year");
    assertThat(((Number) browser.executeScript("return echarts.getInstanceByDom(document.getElementById('sankey'))"
        + ".getOption().series[0].links.length;")).intValue()).isPositive();
    shot("capital");
    browser.findElement(By.id("flows-goods")).click();
    waiting().until(d -> "goods 2026Q1".equals(browser.executeScript("return document.body.dataset.flows || null;")));
    assertThat(browser.getCurrentUrl()).doesNotContain("f=capital");
    assertThat(consoleErrors()).isEmpty();
  }
}
