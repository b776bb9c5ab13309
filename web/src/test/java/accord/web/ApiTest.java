package accord.web;

import static accord.web.TestServer.body;
import static accord.web.TestServer.code;
import static accord.web.TestServer.get;
import static accord.web.TestServer.json;
import static accord.web.TestServer.post;
import static org.assertj.core.api.Assertions.assertThat;

import accord.compare.Comparison;
import accord.compare.ComparisonText;
import accord.scenario.ScenarioFile;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every route of the API against a real server on loopback, with java.net.http. */
class ApiTest {

  static LabServer server;
  static String runId;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.shared();
    runId = TestServer.run(server, "us-china-tariffs", Map.of("tariff[2].rate", 0.6));
  }

  @Test
  void theLibraryListsScenariosByNameWithNotesAndLevers() throws Exception {
    JsonNode list = json(get(server, "/api/scenarios")).get("scenarios");
    assertThat(list.size()).isGreaterThan(30);
    JsonNode t = find(list, "tariffs-2025");
    assertThat(t.get("note").asText()).contains("2025");
    assertThat(t.get("levers").toString()).contains("tariff", "export_control");
    assertThat(find(list, "sim-gov").get("folder").asText()).isEqualTo("models/gl");
    JsonNode models = json(get(server, "/api/models")).get("models");
    assertThat(models.toString()).contains("\"model\":\"world\"", "sim.acc");
  }

  @Test
  void aScenarioListsEachLeverWithTheRangeTheReaderAccepts() throws Exception {
    JsonNode s = json(get(server, "/api/scenarios/us-china-tariffs"));
    assertThat(s.get("world").asBoolean()).isTrue();
    JsonNode lever = s.get("events").get(1).get("levers").get(0);
    assertThat(lever.get("name").asText()).isEqualTo("tariff[2].rate");
    assertThat(lever.get("value").asDouble()).isEqualTo(0.40);
    assertThat(lever.get("min").asDouble()).isEqualTo(-1);
    assertThat(lever.get("max").asDouble()).isEqualTo(10);
    assertThat(s.get("events").get(1).get("about").asText()).contains("importer: USA", "exporter: CHN");
  }

  @Test
  void aRunMovesTheBilateralBalanceAndItsHeadlineDiffersFromTheLibraryRun() throws Exception {
    HttpResponse<String> low = post(server, "/api/runs", body(Map.of("scenario", "us-china-tariffs",
        "overrides", Map.of("tariff[2].rate", 0.1))));
    HttpResponse<String> ambiguous = post(server, "/api/runs", body(Map.of("scenario", "us-china-tariffs",
        "overrides", Map.of("tariff.rate", 0.0))));   // two tariff events: tariff.rate is ambiguous
    assertThat(low.statusCode()).isEqualTo(201);
    assertThat(ambiguous.statusCode()).isEqualTo(400);
    assertThat(code(ambiguous)).isEqualTo("E704");
    JsonNode a = json(low).get("bilateral").get("regions").get("USA").get("CHN").get("difference");
    JsonNode b = json(get(server, "/api/runs/" + runId + "/series?vars=TBG[USA,CHN]")).get("series")
        .get("TBG[USA,CHN]");
    int last = a.size() - 1;
    double lowDiff = a.get(last).asDouble();
    double highDiff = b.get("scenario").get(last).asDouble() - b.get("baseline").get(last).asDouble();
    // a higher tariff on China after the truce: a smaller US deficit with China than a lower one
    assertThat(highDiff).isGreaterThan(lowDiff);
  }

  @Test
  void compareGivesTheNumbersTheCommandLinePrints() throws Exception {
    HttpResponse<String> r = post(server, "/api/compare", body(Map.of("scenario", "us-china-tariffs")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    Comparison c = Comparison.run(ScenarioFile.load(TestServer.HOME.resolve("models/world/scenarios/us-china-tariffs.yaml")),
        null);
    assertThat(json(r).get("text").asText()).isEqualTo(ComparisonText.render(c));
    assertThat(json(r).get("accounting").asText()).startsWith("every matrix");
    assertThat(json(r).get("rows").size()).isEqualTo(c.rows().size());
  }

  @Test
  void seriesCsvReportMatrixAndFlowsOfARun() throws Exception {
    HttpResponse<String> csv = get(server, "/api/runs/" + runId + "/csv?vars=GDP,TB&format=wide");
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.body().lines().findFirst().orElse("")).startsWith("period,").contains("GDP[USA]", "TB[CHN]");
    HttpResponse<String> html = get(server, "/api/runs/" + runId + "/report?region=USA&quarter=2026Q4");
    assertThat(html.statusCode()).isEqualTo(200);
    // the page shows the scenario as this run read it: with the request's value written in
    assertThat(html.body()).contains("<svg", "flows[USA]", "rate: 0.6, mode: set").doesNotContain("<script");
    assertThat(html.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'")
        .doesNotContain("script-src");
    JsonNode m = json(get(server, "/api/runs/" + runId + "/matrix?region=CHN&quarter=2025Q3"));
    assertThat(m.get("title").asText()).startsWith("flows[CHN], 2025Q3");
    assertThat(m.get("largestSum").asDouble()).isLessThan(5e-4);
    assertThat(m.get("rows").toString()).contains("column sum");
    JsonNode f = json(get(server, "/api/runs/" + runId + "/flows?quarter=2025Q3"));
    assertThat(f.get("flows").size()).isEqualTo(90);
    for (JsonNode x : f.get("flows")) {
      assertThat(x.get("value").asDouble()).isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  void theBacktestTable() throws Exception {
    JsonNode b = json(get(server, "/api/backtest"));
    assertThat(b.get("replay2025").size()).isGreaterThan(5);
  }

  /**
   * The capital flows are the financial account, partner by partner: for every region, its net
   * purchases of the others' debt, less their purchases of its debt, plus its net equity flow, are
   * its financial account FA (and so its current account) in that quarter.
   */
  @Test
  void theCapitalFlowsAddUpToEachRegionsFinancialAccount() throws Exception {
    JsonNode f = json(get(server, "/api/runs/" + runId + "/capital?quarter=2026Q2"));
    assertThat(f.get("quarter").asText()).isEqualTo("2026Q2");
    assertThat(f.get("unit").asText()).isEqualTo("USD bn a year");
    JsonNode series = json(get(server, "/api/runs/" + runId + "/series?vars=FA"));
    JsonNode fa = series.get("series");
    List<String> quarters = new java.util.ArrayList<>();
    series.get("quarters").forEach(q -> quarters.add(q.asText()));
    int k = quarters.indexOf("2026Q2");
    Map<String, Double> account = new java.util.TreeMap<>();
    f.get("equity").fields().forEachRemaining(e -> account.put(e.getKey(), e.getValue().asDouble()));
    assertThat(f.get("debt").size()).isEqualTo(90);
    for (JsonNode d : f.get("debt")) {
      assertThat(d.get("value").asDouble()).isCloseTo(d.get("private").asDouble() + d.get("official").asDouble(),
          org.assertj.core.data.Offset.offset(1e-9));
      account.merge(d.get("holder").asText(), d.get("value").asDouble(), Double::sum);
      account.merge(d.get("issuer").asText(), -d.get("value").asDouble(), Double::sum);
    }
    double moved = 0;
    for (Map.Entry<String, Double> e : account.entrySet()) {
      double expected = fa.get("FA[" + e.getKey() + "]").get("scenario").get(k).asDouble();
      assertThat(e.getValue()).as(e.getKey()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6 * (1
          + Math.abs(expected))));
      moved += Math.abs(expected);
    }
    assertThat(moved).as("the accounts are not all zero").isGreaterThan(1);
    // each pair's net lending, once, in the direction it nets
    assertThat(f.get("net").size()).isBetween(1, 45);
    for (JsonNode n : f.get("net")) {
      assertThat(n.get("value").asDouble()).isPositive();
    }
  }

  /**
   * The channel decomposition as accord explain gives it: a row per channel, the rest and the
   * total, which is the run's own effect on the output; the contributions add up to it.
   */
  @Test
  void explainSplitsTheEffectIntoChannelsThatAddUpToTheRunsEffect() throws Exception {
    HttpResponse<String> r = post(server, "/api/explain", body(Map.of("scenario", "us-china-tariffs", "overrides",
        Map.of("tariff[2].rate", 0.6), "output", "TB[USA]", "at", "2026Q4")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode x = json(r);
    assertThat(x.get("output").asText()).isEqualTo("TB[USA]");
    assertThat(x.get("unit").asText()).startsWith("USD bn a year");
    assertThat(x.get("quarter").asText()).isEqualTo("2026Q4");
    assertThat(x.get("channels").size()).isEqualTo(6);
    assertThat(x.get("runs").asInt()).isEqualTo(65);
    double sum = x.get("rest").asDouble();
    for (JsonNode c : x.get("channels")) {
      assertThat(c.get("name").asText()).isNotBlank();
      sum += c.get("contribution").asDouble();
    }
    double total = x.get("total").asDouble();
    assertThat(sum).isCloseTo(total, org.assertj.core.data.Offset.offset(1e-9 * (1 + Math.abs(total))));
    // the total is the run's effect with the same lever moved: TB[USA], scenario less baseline, in 2026Q4
    JsonNode tb = json(get(server, "/api/runs/" + runId + "/series?vars=TB[USA]"));
    List<String> quarters = new java.util.ArrayList<>();
    tb.get("quarters").forEach(q -> quarters.add(q.asText()));
    JsonNode s = tb.get("series").get("TB[USA]");
    int k = quarters.indexOf("2026Q4");
    assertThat(total).isCloseTo(s.get("scenario").get(k).asDouble() - s.get("baseline").get(k).asDouble(),
        org.assertj.core.data.Offset.offset(1e-6));
    // asked again: the same answer, kept
    JsonNode again = json(post(server, "/api/explain", body(Map.of("scenario", "us-china-tariffs", "overrides",
        Map.of("tariff[2].rate", 0.6), "output", "TB[USA]", "at", "2026Q4"))));
    assertThat(again).isEqualTo(x);
  }

  /** One decomposition at a time: another that comes while one runs is refused with 503, not queued. */
  @Test
  void aSecondExplainWhileOneRunsIsRefusedWith503() throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      java.util.concurrent.Future<HttpResponse<String>> first = pool.submit(() -> post(server, "/api/explain",
          body(Map.of("scenario", "tariffs-2025", "output", "real GDP[CHN]"))));
      HttpResponse<String> second = null;
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
      while (!first.isDone() && System.nanoTime() < deadline) {
        Thread.sleep(300);
        second = post(server, "/api/explain", body(Map.of("scenario", "tariffs-2025", "output", "CA[CHN]")));
        if (second.statusCode() == 503) {
          break;
        }
      }
      assertThat(second).isNotNull();
      assertThat(second.statusCode()).as(second.body()).isEqualTo(503);
      assertThat(code(second)).isEqualTo("E720");
      assertThat(first.get().statusCode()).as(first.get().body()).isEqualTo(200);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A sweep runs as a job to the end: progress, then the fans, which are the command line's for
   * the same seed (the same Experiment and Fans); a second sweep is cancelled; limits are refused.
   */
  @Test
  void aSweepRunsAsAJobToItsFansAndAnotherIsCancelled() throws Exception {
    HttpResponse<String> started = post(server, "/api/sweeps", body(Map.of("scenario", "us-china-tariffs", "draws", 4,
        "seed", 9, "quarters", 3)));
    // the same with a lever moved, as a run moves it
    HttpResponse<String> moved = post(server, "/api/sweeps", body(Map.of("scenario", "us-china-tariffs", "draws", 4,
        "seed", 9, "quarters", 3, "overrides", Map.of("tariff[1].rate", 0.2))));
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(202);
    assertThat(json(moved).get("overrides").get("tariff[1].rate").asDouble()).isEqualTo(0.2);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String id = json(started).get("id").asText();
    JsonNode job = json(get(server, "/api/sweeps/" + id));
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
    while (!job.get("status").asText().matches("done|failed|cancelled") && System.nanoTime() < deadline) {
      Thread.sleep(200);
      job = json(get(server, "/api/sweeps/" + id + "?region=CHN"));
    }
    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("done");
    assertThat(job.get("done").asLong()).isEqualTo(4);
    assertThat(job.get("quarters").size()).isEqualTo(3);
    assertThat(job.get("region").asText()).isEqualTo("CHN");
    JsonNode fan = job.get("fans").get(0);
    assertThat(fan.get("p5").size()).isEqualTo(3);
    for (int q = 0; q < 3; q++) {
      assertThat(fan.get("p5").get(q).asDouble()).isLessThanOrEqualTo(fan.get("p50").get(q).asDouble());
      assertThat(fan.get("p50").get(q).asDouble()).isLessThanOrEqualTo(fan.get("p95").get(q).asDouble());
    }
    // the same seed on the command line's engine: the same median
    accord.scenario.ScenarioFile f = accord.scenario.ScenarioFile.load(TestServer.HOME.resolve(
        "models/world/scenarios/us-china-tariffs.yaml"), 4);
    accord.explore.Experiment e = accord.explore.Experiment.of(f, accord.explore.Priors.load(TestServer.HOME.resolve(
        "models/world/data/priors.csv"), f.model()), 9, accord.explore.Output.headline(f.model()),
        accord.solve.SolverSettings.DEFAULT);
    accord.explore.Fans local = new accord.explore.Fans(e);
    accord.explore.LocalEngine.run(e::draw, 4, 1, local, accord.explore.LocalEngine.Progress.NONE);
    int o = local.output(fan.get("output").asText(), "CHN");
    assertThat(fan.get("p50").get(2).asDouble()).isEqualTo(local.fan(o, 4)[2]);
    // the moved lever moves the fans: a lower tariff on China, another median trade balance
    String movedId = json(moved).get("id").asText();
    JsonNode m = json(get(server, "/api/sweeps/" + movedId + "?region=CHN"));
    while (!m.get("status").asText().matches("done|failed|cancelled") && System.nanoTime() < deadline) {
      Thread.sleep(200);
      m = json(get(server, "/api/sweeps/" + movedId + "?region=CHN"));
    }
    assertThat(m.get("status").asText()).as(m.toString()).isEqualTo("done");
    JsonNode tbMoved = m.get("fans").get(2);
    assertThat(tbMoved.get("output").asText()).isEqualTo("trade balance");
    assertThat(tbMoved.get("p50").get(1).asDouble()).isNotEqualTo(job.get("fans").get(2).get("p50").get(1).asDouble());
    // a long one, cancelled
    String long1 = json(post(server, "/api/sweeps", body(Map.of("scenario", "us-china-tariffs", "draws", 2000,
        "quarters", 24)))).get("id").asText();
    HttpResponse<String> cancelled = TestServer.delete(server, "/api/sweeps/" + long1);
    assertThat(cancelled.statusCode()).isEqualTo(200);
    JsonNode c = json(get(server, "/api/sweeps/" + long1));
    while (c.get("status").asText().equals("running") && System.nanoTime() < deadline) {
      Thread.sleep(100);
      c = json(get(server, "/api/sweeps/" + long1));
    }
    assertThat(c.get("status").asText()).isEqualTo("cancelled");
    assertThat(c.get("done").asLong()).isLessThan(2000);
    // refusals
    assertThat(code(post(server, "/api/sweeps", body(Map.of("scenario", "us-china-tariffs", "draws", 5000)))))
        .isEqualTo("E707");
    assertThat(code(post(server, "/api/sweeps", body(Map.of("scenario", "us-china-tariffs", "drawz", 5)))))
        .isEqualTo("E702");
    assertThat(code(post(server, "/api/sweeps", body(Map.of("scenario", "us-china-tariffs", "overrides",
        Map.of("tarif[1].rate", 0.2)))))).isEqualTo("E704");
    assertThat(code(post(server, "/api/sweeps", body(Map.of("scenario", "sim-gov"))))).isEqualTo("E411");
    assertThat(get(server, "/api/sweeps/s999").statusCode()).isEqualTo(404);
  }

  @Test
  void aTextbookScenarioRunsButDoesNotCompare() throws Exception {
    HttpResponse<String> r = post(server, "/api/runs", body(Map.of("scenario", "sim-gov", "periods", 20)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(json(r).get("world").asBoolean()).isFalse();
    assertThat(json(r).get("series").size()).isEqualTo(8);
    HttpResponse<String> c = post(server, "/api/compare", body(Map.of("scenario", "sim-gov")));
    assertThat(c.statusCode()).isEqualTo(400);
    assertThat(code(c)).isEqualTo("E411");
  }

  static JsonNode find(JsonNode list, String name) {
    for (JsonNode n : list) {
      if (n.get("name").asText().equals(name)) {
        return n;
      }
    }
    throw new AssertionError("no " + name);
  }
}
