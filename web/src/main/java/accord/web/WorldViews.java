package accord.web;

import accord.backtest.Backtest;
import accord.compare.Table;
import accord.report.MatrixTable;
import accord.sim.Results;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The handlers of the world model's own views of a run (its transactions-flow matrix, its trade
 * and capital flows) and of the back-test: JSON of what accord.report and accord.backtest compute.
 */
final class WorldViews {

  private final Lab lab;

  WorldViews(Lab lab) {
    this.lab = lab;
  }

  void matrix(Context ctx) {
    Lab.Run run = Requests.worldRun(lab, ctx, "a matrix request", "the transactions-flow matrix", "region", "quarter");
    Results r = run.results();
    String region = Requests.region(ctx, r.model());
    int period = Requests.quarter(ctx, r, run.comparison().periods().get(0));
    Table t = MatrixTable.of(r, "flows[" + region + "]", period);
    Map<String, Object> out = Json.table(t);
    out.put("region", region);
    out.put("quarter", r.model().periodLabel(period));
    out.put("largestSum", largestSum(t));
    Json.write(ctx, out);
  }

  /** The largest absolute row or column sum the table shows (its zeros, as numbers). */
  private static double largestSum(Table t) {
    double max = 0;
    int sumCol = t.header().size() - 1;
    for (List<String> row : t.rows()) {
      boolean sums = row.get(0).equals("column sum");
      for (int i = 1; i < row.size(); i++) {
        if ((sums || i == sumCol) && !row.get(i).isEmpty()) {
          max = Math.max(max, Math.abs(Double.parseDouble(row.get(i))));
        }
      }
    }
    return max;
  }

  void flows(Context ctx) {
    Lab.Run run = Requests.worldRun(lab, ctx, "a flows request", "the trade flows", "quarter");
    Results r = run.results();
    int period = Requests.quarter(ctx, r, run.comparison().periods().get(0));
    Json.write(ctx, Map.of("quarter", r.model().periodLabel(period), "unit", "USD bn a year (goods exports)",
        "flows", Flows.goods(r, period)));
  }

  /**
   * The capital flows of a run in a quarter: each region's net purchases of each other's debt,
   * private and official, the net lending of each pair, and each region's net equity flow.
   */
  void capital(Context ctx) {
    Lab.Run run = Requests.worldRun(lab, ctx, "a capital-flows request", "the capital flows", "quarter");
    Results r = run.results();
    int period = Requests.quarter(ctx, r, run.comparison().periods().get(0));
    List<Map<String, Object>> debt = Flows.debt(r, period);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("quarter", r.model().periodLabel(period));
    out.put("unit", "USD bn a year");
    out.put("debt", debt);
    out.put("net", Flows.netLending(debt));
    out.put("equity", Flows.equity(r, period));
    Json.write(ctx, out);
  }

  void backtest(Context ctx) {
    Query.allow(ctx, "the back-test");
    List<List<Backtest.Comparison>> bt = lab.backtest();
    Json.write(ctx, Map.of("replay2025", bt.get(0).stream().map(WorldViews::backtestRow).toList(),
        "rounds2018", bt.get(1).stream().map(WorldViews::backtestRow).toList()));
  }

  private static Map<String, Object> backtestRow(Backtest.Comparison c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", c.name());
    out.put("unit", c.unit());
    out.put("observed", Json.finite(c.observed()));
    out.put("model", Json.finite(c.model()));
    out.put("baseline", Json.finite(c.baseline()));
    out.put("error", Json.finite(c.error()));
    out.put("source", c.source());
    return out;
  }
}
