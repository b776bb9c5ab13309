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
  void theBacktestTableAndTheIssue11Placeholders() throws Exception {
    JsonNode b = json(get(server, "/api/backtest"));
    assertThat(b.get("replay2025").size()).isGreaterThan(5);
    for (String path : List.of("/api/sweeps", "/api/explain")) {
      HttpResponse<String> r = post(server, path, "{}");
      assertThat(r.statusCode()).isEqualTo(501);
      assertThat(code(r)).isEqualTo("E717");
      assertThat(json(r).get("text").asText()).contains("issue 11");
    }
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
