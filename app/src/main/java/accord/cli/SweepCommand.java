package accord.cli;

import accord.charts.ChartFiles;
import accord.charts.UncertaintyCharts;
import accord.compare.Indicator;
import accord.explore.DrawResult;
import accord.explore.Experiment;
import accord.explore.FailureProfile;
import accord.explore.Fans;
import accord.explore.LocalEngine;
import accord.explore.Output;
import accord.explore.Priors;
import accord.explore.Recipe;
import accord.explore.ResultSink;
import accord.explore.SweepEngine;
import accord.output.OutputFile;
import accord.output.TextTable;
import accord.scenario.ScenarioFile;
import accord.store.RunStore;
import accord.store.StoreSink;
import accord.solve.SolverSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code accord sweep}: Monte Carlo fans of a world scenario's differences from its baseline. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = {"Monte Carlo over the behavioural parameters' priors: fans of a world scenario's effects.",
        "Each draw takes every prior's parameter (models/world/data/priors.csv, or --priors), and for a scenario "
        + "with odds one branch by its probability; runs the scenario and its baseline with them; and keeps the "
        + "differences of the headline outputs. Prints the median and the 5-95%% band after 4, 8 and 20 quarters (or "
        + "the last); --out writes the 5th, 25th, 50th, 75th and 95th percentiles of every output in every quarter. "
        + "The same --seed gives the same numbers to the last bit on any number of threads. Draws that fail to "
        + "solve are counted and listed, never dropped silently."},
    footer = {"", "Example:", "  accord sweep models/world/scenarios/us-china-tariffs.yaml --draws 1000 --seed 7 --out fans.csv"})
final class SweepCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<scenario.yaml>", description = "the scenario")
  Path input;

  @picocli.CommandLine.Mixin
  DrawOptions drawing;

  @Option(names = "--draws", paramLabel = "N", defaultValue = "200", description = "draws (default: 200)")
  long draws;

  @Option(names = "--out", paramLabel = "fans.csv", description = "write the fans, long form: output, region, unit, "
      + "quarter, p5, p25, p50, p75, p95, draws used and failed; the failed draws beside it (.failures.csv)")
  Path out;

  @Option(names = "--charts", paramLabel = "dir", description = "write fan charts (PNG) of --region's headline there")
  Path charts;

  @Option(names = "--region", paramLabel = "USA", defaultValue = "USA", description = "the region of the charts "
      + "(default: USA)")
  String region;

  @Option(names = "--horizon", paramLabel = "Q", description = "quarters to run after the 2024Q4 starting state "
      + "(default: the scenario's)")
  Integer horizon;

  @Option(names = "--progress", description = "show the progress bar even when standard error is not a terminal")
  boolean progress;

  @Option(names = "--engine", paramLabel = "local|spark", defaultValue = "local", description = "where the draws are "
      + "computed: this machine's threads (default), or Apache Spark (with --master; ./accord runs the spark "
      + "module's jar for it)")
  String engine;

  @Option(names = "--master", paramLabel = "URL", description = "the Spark master: local[*] (default; under "
      + "spark-submit, its --master), local[N] or spark://host:port")
  String master;

  @Option(names = "--store", paramLabel = "runs.duckdb", description = "the run store that keeps every draw (default: "
      + "ACCORD_STORE, else ~/.local/share/accord/runs.duckdb; accord runs reads it)")
  Path store;

  @Option(names = "--no-store", description = "keep nothing: the fans only")
  boolean noStore;

  @Option(names = "--resume", description = "finish the unfinished sweep of this scenario, seed, draws and priors in "
      + "the store (one stopped by kill -9, say): its finished draws are read back, the rest are run")
  boolean resume;

  @Option(names = "--debug", description = "show stack traces of internal errors")
  boolean debug;

  /** The most draws a sweep takes. */
  static final long MAX_DRAWS = 1_000_000;

  /** What a sweep needs from the command line, checked. */
  record Request(ScenarioFile file, Priors priors, long draws, long seed, int threads) {

    static Request read(String command, Path input, Path priorsPath, long draws, long seed, Integer threads,
        Integer horizon) {
      if (horizon != null && (horizon < 1 || horizon > 400)) {
        throw new Errors.UserError("E410", "--horizon must be from 1 to 400 quarters, not " + horizon);
      }
      ScenarioFile file = CompareCommand.Inputs.read(command, input, null).scenario();
      return of(horizon == null ? file : file.forPeriods(horizon + 1), priorsPath, draws, seed, threads);
    }

    /** The request for a scenario read for the run's length (its warnings printed). */
    static Request of(ScenarioFile file, Path priorsPath, long draws, long seed, Integer threads) {
      if (draws < 1) {
        throw new Errors.UserError("E410", "--draws must be 1 or more, not " + draws);
      }
      if (draws > MAX_DRAWS) {
        // a typed zero too many would start a sweep of years and fill the disk with its draws
        throw new Errors.UserError("E410", String.format("--draws must be at most %,d, not %,d", MAX_DRAWS, draws),
            "a million draws of the world model take about 7 hours on 2 cores and 36 GB of run store; for more, "
            + "run sweeps with other seeds");
      }
      int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
      if (t < 1 || t > 1024) {
        throw new Errors.UserError("E410", "--threads must be from 1 to 1024, not " + t);
      }
      Errors.warn(file.warnings(), new PrintWriter(System.err, true));
      Path p = priorsPath != null ? priorsPath : Home.world().resolve("data/priors.csv");
      if (!java.nio.file.Files.isRegularFile(p)) {
        throw new Errors.UserError("E600", "no priors file " + p, "give a CSV file of priors with --priors");
      }
      return new Request(file, Priors.load(p, file.model()), draws, seed, t);
    }
  }

  /** Runs the sweep: every draw in order into the fans. */
  static Fans sweep(Request r, LocalEngine.Progress progress) {
    return sweep(r, progress, null, false).fans();
  }

  /** A sweep's fans and its job in the store (null when none was kept). */
  record Swept(Fans fans, Long job) {
  }

  /**
   * The same, each draw also kept in {@code store} (null: none) as a job of its own; with
   * {@code resume}, the store's unfinished job of the same spec is finished instead: its draws
   * replayed into the fans, the draws after them run.
   */
  static Swept sweep(Request r, LocalEngine.Progress progress, RunStore store, boolean resume) {
    return sweep(r, progress, store, resume, SweepEngine.LOCAL, null);
  }

  /** The engine named by --engine, or the user error that lists those this jar has. */
  static SweepEngine engine(String name, String master) {
    List<SweepEngine> all = SweepEngine.available();
    for (SweepEngine e : all) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    if (master != null && !name.equals("spark")) {
      throw new Errors.UserError("E410", "--master goes with --engine spark");
    }
    throw new Errors.UserError("E685", "no sweep engine '" + name + "' in this jar; it has "
        + String.join(", ", all.stream().map(SweepEngine::name).toList()), name.equals("spark")
        ? "run it through ./accord, which runs spark/target/accord-spark.jar for --engine spark, or submit that jar "
        + "with spark-submit" : "use --engine local or --engine spark");
  }

  /** The same on {@code engine} (at {@code master}, null for its default). */
  static Swept sweep(Request r, LocalEngine.Progress progress, RunStore store, boolean resume, SweepEngine engine,
      String master) {
    Experiment e = Experiment.of(r.file(), r.priors(), r.seed(), Output.headline(r.file().model()),
        SolverSettings.DEFAULT);
    Fans fans = new Fans(e);
    ResultSink sink = fans;
    long first = 0;
    Long job = null;
    if (store != null) {
      RunStore.JobSpec spec = spec(r);
      StoreSink.Kept kept = resume
          ? StoreSink.Kept.resume(store, store.resumable(spec).orElseThrow(() -> new Errors.UserError("E684", "the store "
              + store.file() + " has no unfinished sweep of " + r.file().path().getFileName() + " with seed " + r.seed()
              + ", " + r.draws() + " draws and these priors", "'accord runs' lists the store's jobs; run without "
              + "--resume to start it")), e, fans)
          : StoreSink.Kept.start(store, spec, e, fans);
      job = kept.job();
      first = kept.next();
      sink = kept.sink();
    }
    try {
      engine.run(Recipe.of(e, r.file().path(), r.priors().file()), e, first, r.draws(), r.threads(), master, sink,
          progress);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the sweep was interrupted", ex);
    }
    if (store != null) {
      store.finish(job, "done");
    }
    if (fans.used() == 0) {
      throw new Errors.UserError("E612", "every one of the " + r.draws() + " draws failed; the first: "
          + fans.failures().get(0).failure(), "narrow the priors, or check the scenario with accord compare");
    }
    return new Swept(fans, job);
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter w = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SweepEngine on = engine(engine, master);
    Request r = Request.read("sweep", input, drawing.priors, draws, drawing.seed, drawing.threads, horizon);
    String focus = CompareCommand.region(r.file().model(), region);
    long start = System.nanoTime();
    if (resume && noStore) {
      throw new Errors.UserError("E410", "--resume reads the sweep's finished draws from the store: it cannot go with --no-store");
    }
    Fans fans;
    String kept = null;
    if (noStore) {
      fans = sweep(r, ProgressBar.of(err, r.draws(), "draws", progress), null, false, on, master)
          .fans();
    } else {
      try (RunStore s = RunStore.open(store != null ? store : RunStore.defaultFile())) {
        Swept swept = sweep(r, ProgressBar.of(err, r.draws(), "draws", progress), s, resume, on, master);
        fans = swept.fans();
        kept = "kept in the run store " + s.file() + " as job " + swept.job() + " (accord runs --job " + swept.job() + ")";
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    w.println("scenario: " + r.file().name() + ", " + r.file().model().periodLabel(2) + " to "
        + r.file().model().periodLabel(r.file().periods()));
    w.println(String.format(Locale.ROOT, "draws: %,d (seed %d, %d priors from %s), %,d solved, %,d failed; %d thread%s, "
        + "%.1f s (%.1f draws a second)", r.draws(), r.seed(), r.priors().size(), r.priors().file().getFileName(),
        fans.used(), fans.failures().size(), r.threads(), r.threads() == 1 ? "" : "s", seconds, r.draws() / seconds));
    if (kept != null) {
      w.println(kept);
    }
    branches(fans, w);
    w.println();
    w.print(table(fans, r.file().start()));
    w.println("differences from the baseline with the same parameters: median [5th, 95th percentile]; quantiles "
        + "streamed (exact up to 1,024 draws, within 1% of rank beyond; accord.explore.QuantileSketch)");
    if (out != null) {
      OutputFile.writeText(out, "--out", wr -> csv(fans, wr));
      w.println("wrote " + out);
      if (!fans.failures().isEmpty()) {
        Path f = failuresPath(out);
        OutputFile.writeText(f, "--out", wr -> failuresCsv(fans, r.seed(), wr));
        w.println("wrote " + f + " (the failed draws: index, branch, parameters, the solver's message)");
      }
    }
    if (charts != null) {
      List<Path> files = ChartFiles.write(UncertaintyCharts.fans(fans, focus), charts);
      w.println("wrote " + files.size() / 2 + " fan charts (PNG and SVG) to " + charts);
    }
    failures(fans, r.seed(), err);
    return 0;
  }

  /** What identifies a sweep in the store: the scenario's text, the model's files, the seed, draws and priors. */
  static RunStore.JobSpec spec(Request r) {
    String text;
    try {
      text = java.nio.file.Files.readString(r.file().path());
    } catch (IOException e) {
      text = null;
    }
    return StoreSink.spec(r.file(), text, r.priors().file(), r.seed(), r.draws(), Accord.VERSION, "");
  }

  static void branches(Fans fans, PrintWriter w) {
    Experiment e = fans.experiment();
    if (e.branches().size() < 2) {
      return;
    }
    List<String> parts = new ArrayList<>();
    long[] n = fans.perBranch();
    long all = java.util.Arrays.stream(n).sum();
    for (int b = 0; b < n.length; b++) {
      String name = e.branches().get(b);
      parts.add(name.substring(name.lastIndexOf(": ") + 2) + " " + String.format(Locale.ROOT, "%,d (%.1f%%, odds %.0f%%)",
          n[b], 100.0 * n[b] / all, 100 * e.probability(b)));
    }
    w.println("branches drawn by their odds (the fans are the mixture): " + String.join("; ", parts));
  }

  /** The failed draws on standard error: every one counted, the first few in full. */
  static void failures(Fans fans, long seed, PrintWriter err) {
    List<DrawResult> failed = fans.failures();
    if (failed.isEmpty()) {
      return;
    }
    err.println(String.format(Locale.ROOT, "%,d draw%s failed to solve and %s left out of the fans (seed %d):",
        failed.size(), failed.size() == 1 ? "" : "s", failed.size() == 1 ? "is" : "are", seed));
    for (DrawResult d : failed.subList(0, Math.min(5, failed.size()))) {
      err.println("  draw " + d.index() + branchName(fans, d) + ": " + d.failure());
      err.println("    parameters: " + parameters(fans, d));
    }
    if (failed.size() > 5) {
      err.println("  ... and " + (failed.size() - 5) + " more (--out writes them all)");
    }
    FailureProfile profile = FailureProfile.of(fans.experiment(), fans.used() + failed.size(),
        failed.stream().map(DrawResult::index).toList());
    for (FailureProfile.Concentration c : profile.concentrations()) {
      err.println(String.format(Locale.ROOT, "failures concentrate in the %s values of %s: %d of the %d failed draws "
          + "lie in its %s fifth (%s %.4g), none %s %.4g (their mean rank among all draws %.2f, z = %.1f)",
          c.high() ? "high" : "low", c.parameter(), c.inFifth(), failed.size(), c.high() ? "top" : "bottom",
          c.high() ? "above" : "below", c.quintile(), c.high() ? "below" : "above", c.edge(), c.meanRank(), c.z()));
    }
    if (!profile.concentrations().isEmpty()) {
      err.println("  the model stops solving there: the fans describe the draws where it solves (narrow that prior, or "
          + "mend the mechanism that parameter drives)");
    }
    err.flush();
  }

  private static String branchName(Fans fans, DrawResult d) {
    List<String> b = fans.experiment().branches();
    return b.size() < 2 ? "" : " (" + b.get(d.branch()) + ")";
  }

  private static String parameters(Fans fans, DrawResult d) {
    List<String> names = fans.experiment().priors().names();
    List<String> out = new ArrayList<>();
    for (int k = 0; k < names.size(); k++) {
      out.add(names.get(k).replaceAll("\\[.*\\|.*\\]", "[...]") + "=" + String.format(Locale.ROOT, "%.4g",
          d.parameters()[k]));
    }
    return String.join(", ", out);
  }

  /** The table: a few outputs by region, median and band at the comparison's horizons. */
  static String table(Fans fans, int start) {
    Experiment e = fans.experiment();
    List<Integer> periods = new ArrayList<>();
    for (int h : new int[] {4, 8, 20}) {
      if (start + h - 1 <= e.periods()) {
        periods.add(start + h - 1);
      }
    }
    if (periods.isEmpty() || periods.get(periods.size() - 1) < e.periods() && periods.size() < 3) {
      periods.add(e.periods());
    }
    StringBuilder out = new StringBuilder();
    for (String name : UncertaintyCharts.FAN_OUTPUTS) {
      Indicator x = Indicator.HEADLINE.stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
      List<String> header = new ArrayList<>(List.of(name.startsWith("exchange rate")
          ? "exchange rate (up = weaker; USA: trade-weighted dollar)" : name));
      periods.forEach(p -> header.add(e.model().periodLabel(p)));
      TextTable t = new TextTable(header);
      for (String g : e.model().sets().get("Region").elements()) {
        List<String> row = new ArrayList<>(List.of(g));
        for (int p : periods) {
          double[] f = fans.fan(fans.output(name, g), p);
          row.add(String.format(Locale.ROOT, "%s [%s, %s]", num(f[2]), num(f[0]), num(f[4])));
        }
        t.add(row);
      }
      out.append(x.difference()).append('\n').append(t.render()).append('\n');
    }
    return out.toString();
  }

  private static String num(double v) {
    double a = Math.abs(v);
    return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", v);
  }

  static void csv(Fans fans, Writer w) throws IOException {
    w.write("output,region,unit,quarter,p5,p25,p50,p75,p95,draws,failed\n");
    String used = String.valueOf(fans.used());
    String failed = String.valueOf(fans.failures().size());
    for (Fans.Row r : fans.rows()) {
      w.write(String.join(",", quote(r.output()), r.region(), quote(r.unit()), r.quarter(), Double.toString(r.p5()),
          Double.toString(r.p25()), Double.toString(r.p50()), Double.toString(r.p75()), Double.toString(r.p95()), used,
          failed));
      w.write('\n');
    }
  }

  static Path failuresPath(Path out) {
    String n = out.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return out.resolveSibling((dot > 0 ? n.substring(0, dot) : n) + ".failures.csv");
  }

  static void failuresCsv(Fans fans, long seed, Writer w) throws IOException {
    List<String> names = fans.experiment().priors().names();
    w.write("seed,draw,branch," + String.join(",", names.stream().map(SweepCommand::quote).toList()) + ",failure\n");
    for (DrawResult d : fans.failures()) {
      List<String> row = new ArrayList<>(List.of(String.valueOf(seed), String.valueOf(d.index()),
          quote(fans.experiment().branches().get(d.branch()))));
      for (double p : d.parameters()) {
        row.add(Double.toString(p));
      }
      row.add(quote(d.failure()));
      w.write(String.join(",", row));
      w.write('\n');
    }
  }

  static String quote(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
