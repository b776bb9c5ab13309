package accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import accord.store.RunStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** accord runs: the store's jobs listed, shown, queried and exported; mistakes said with their code. */
class RunsCommandTest {

  @Test
  void listsShowsQueriesAndExports(@TempDir Path dir) {
    Path file = dir.resolve("runs.duckdb");
    try (RunStore s = RunStore.open(file)) {
      long job = s.start(new RunStore.JobSpec("sweep", "tariffs-2025", "name: t", "d1", 7L, Accord.VERSION, "{}", 2),
          List.of("sigM"), List.of(new RunStore.Column("TB [USA]", "2027Q4")));
      s.add(new RunStore.Draw(job, 0, true, null, new double[] {2.5}, new double[] {-800}, null));
      s.add(new RunStore.Draw(job, 1, false, null, new double[] {9}, new double[0], "E220 in block 3"));
      s.summaries(job, List.of(new RunStore.Summary("fan", "TB[USA]", "2027Q4", "p50", -800)));
      s.finish(job, "done");
    }
    CommandLineTest.Outcome list = CommandLineTest.accord("runs", "--store", file.toString());
    assertThat(list.code()).isZero();
    assertThat(list.out()).contains("1 job").contains("sweep").contains("tariffs-2025").contains("2 of 2").contains("done");
    CommandLineTest.Outcome show = CommandLineTest.accord("runs", "--store", file.toString(), "--job", "1");
    assertThat(show.out()).contains("failed 1").contains("p50").contains("-800");
    CommandLineTest.Outcome sql = CommandLineTest.accord("runs", "--store", file.toString(), "--sql",
        "SELECT draw, ok FROM draws ORDER BY draw");
    assertThat(sql.out()).contains("draw").contains("true").contains("false").contains("(2 rows)");
    Path parquet = dir.resolve("draws.parquet");
    CommandLineTest.Outcome export = CommandLineTest.accord("runs", "--store", file.toString(), "--job", "1",
        "--export", parquet.toString());
    assertThat(export.out()).contains("wrote " + parquet + " (1 rows)");
    assertThat(parquet).exists();
  }

  @Test
  void mistakesAreSaidWithTheirCodes(@TempDir Path dir) {
    String store = dir.resolve("runs.duckdb").toString();
    assertThat(CommandLineTest.accord("runs", "--store", store, "--export", "x.parquet").err()).contains("E410")
        .contains("--sql");
    assertThat(CommandLineTest.accord("runs", "--store", store, "--job", "9").err()).contains("E410").contains("no job 9");
    CommandLineTest.Outcome bad = CommandLineTest.accord("runs", "--store", store, "--sql", "SELECT * FROM nowhere");
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains("error[E682]").contains("jobs, draws, columns, parameters, outputs (a view) and summaries");
  }
}
