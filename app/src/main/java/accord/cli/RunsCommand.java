package accord.cli;

import accord.output.TextTable;
import accord.store.RunStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code accord runs}: the run store's jobs, a SQL query over it, or an export to Parquet. */
@Command(name = "runs", mixinStandardHelpOptions = true,
    description = {"Lists the sweeps, grids and decompositions kept in the run store, queries it with SQL, or exports "
        + "rows to Parquet.",
        "The store is one DuckDB file (default ~/.local/share/accord/runs.duckdb; --store or ACCORD_STORE choose "
        + "another). Its tables: jobs (one row per job: kind, status, scenario and its text, model digest, seed, "
        + "version, settings), draws (job, draw, ok, branch, parameters and values as lists, diagnostics), columns "
        + "and parameters (what each element of a draw's lists is), summaries (job, name, output, period, statistic, "
        + "value), and the view outputs (job, draw, branch, output, period, value: a draw's values in long form)."},
    footer = {"", "Examples:", "  accord runs", "  accord runs --job 3",
        "  accord runs --sql \"SELECT output, period, quantile_cont(value, 0.5) FROM outputs WHERE job = 3 GROUP BY ALL\"",
        "  accord runs --export draws.parquet --sql \"SELECT * FROM outputs WHERE job = 3\""})
final class RunsCommand implements Callable<Integer> {

  @Option(names = "--store", paramLabel = "runs.duckdb", description = "the store file (default: ${DEFAULT-VALUE})")
  Path store = RunStore.defaultFile();

  @Option(names = "--sql", paramLabel = "QUERY", description = "run this query and print its rows")
  String sql;

  @Option(names = "--job", paramLabel = "N", description = "show job N: its settings, scenario and results")
  Long job;

  @Option(names = "--export", paramLabel = "file.parquet", description = "write the rows of --sql (or of --job's "
      + "outputs) to a Parquet file")
  Path export;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "rows printed at most (default: 50)")
  int limit;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (limit < 1) {
      throw new Errors.UserError("E410", "--limit must be at least 1, not " + limit);
    }
    if (export != null && sql == null && job == null) {
      throw new Errors.UserError("E410", "--export needs --sql QUERY or --job N: which rows to write");
    }
    try (RunStore s = RunStore.open(store)) {
      if (export != null) {
        String query = sql != null ? sql : "SELECT * FROM outputs WHERE job = " + job + " ORDER BY draw";
        long rows = s.exportParquet(query, export);
        out.println("wrote " + export + " (" + rows + " rows)");
      } else if (sql != null) {
        print(s.query(sql), out);
      } else if (job != null) {
        show(s, job, out);
      } else {
        list(s, out);
      }
    }
    out.flush();
    return 0;
  }

  private void list(RunStore s, PrintWriter out) {
    List<RunStore.Job> jobs = s.jobs();
    out.println("run store " + store + ": " + jobs.size() + " job" + (jobs.size() == 1 ? "" : "s"));
    if (jobs.isEmpty()) {
      out.println("(accord sweep, grid and explain keep their jobs here)");
      return;
    }
    TextTable t = new TextTable(List.of("job", "kind", "status", "created", "scenario", "draws", "failed", "seed"));
    for (RunStore.Job j : jobs.subList(0, Math.min(limit, jobs.size()))) {
      t.add(List.of(String.valueOf(j.id()), j.kind(), j.status(), j.created(), String.valueOf(j.scenario()),
          j.draws() + (j.planned() == null ? "" : " of " + j.planned()), String.valueOf(j.failed()),
          j.seed() == null ? "" : String.valueOf(j.seed())));
    }
    out.print(t.render());
  }

  private void show(RunStore s, long id, PrintWriter out) {
    RunStore.Job j = s.jobs().stream().filter(x -> x.id() == id).findFirst().orElseThrow(() -> new Errors.UserError(
        "E410", "the store " + store + " has no job " + id, "'accord runs' lists its jobs"));
    out.println("job " + j.id() + ": " + j.kind() + " of " + j.scenario() + ", " + j.status() + ", created " + j.created()
        + (j.finished() == null ? "" : ", finished " + j.finished()));
    out.println("  model digest " + j.modelDigest() + ", " + j.version() + (j.seed() == null ? "" : ", seed " + j.seed()));
    out.println("  settings " + j.settings());
    out.println("  draws " + j.draws() + (j.planned() == null ? "" : " of " + j.planned()) + ", failed " + j.failed());
    print(s.query("SELECT name, output, period, statistic, value FROM summaries WHERE job = " + id
        + " ORDER BY name, output, period, statistic"), out);
  }

  private void print(RunStore.Table t, PrintWriter out) {
    if (t.columns().isEmpty()) {
      out.println("(no columns)");
      return;
    }
    TextTable table = new TextTable(t.columns());
    t.rows().stream().limit(limit).forEach(r -> table.add(new ArrayList<>(r)));
    out.print(table.render());
    out.println(t.rows().size() > limit ? "(" + limit + " of " + t.rows().size() + " rows; --limit shows more)"
        : "(" + t.rows().size() + " row" + (t.rows().size() == 1 ? "" : "s") + ")");
  }
}
