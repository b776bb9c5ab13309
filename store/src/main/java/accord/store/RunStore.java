package accord.store;

import accord.lang.Diagnostic;
import accord.lang.ModelException;
import accord.lang.Span;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The run store: runs, sweeps, grids and decompositions in one embedded DuckDB file, each job with
 * the scenario's text, the model's digest, the seed and the software version, queryable with SQL
 * and exported as Parquet. A draw is one row (its parameters and values as lists, named by the
 * job's parameters and columns; the view outputs gives the long form), appended in batches, so a
 * process killed at any moment leaves a readable store whose finished draws are whole, and a
 * sweep can be resumed from them.
 * DuckDB lets one process write a file at a time: a second is refused with E680.
 */
public final class RunStore implements AutoCloseable {

  /** Draws kept in memory before a commit: a crash loses at most this many finished draws. */
  static final int BATCH = 64;
  private static final int SCHEMA = 1;

  private final Path file;
  private final Connection db;
  private final List<Draw> pending = new ArrayList<>();

  /** What a job is: enough to repeat it, and to know a resumable one when it is asked for again. */
  public record JobSpec(String kind, String scenario, String scenarioText, String modelDigest, Long seed,
      String version, String settings, Integer planned) {
  }

  /** A job as listed: its spec, its state and how many draws finished and failed. */
  public record Job(long id, String kind, String status, String created, String finished, String scenario,
      String modelDigest, Long seed, String version, String settings, Integer planned, long draws, long failed) {
  }

  /** What one element of a draw's values is: an output at a period. */
  public record Column(String output, String period) {
  }

  /**
   * A finished draw: whether it solved, the branch drawn (null without odds), the parameters drawn
   * (in the order of the job's parameter names), its values (in the order of the job's columns;
   * empty when it failed) and the solver's diagnostics when it failed.
   */
  public record Draw(long job, long draw, boolean ok, String branch, double[] parameters, double[] values,
      String diagnostics) {
  }

  /** A statistic of a job's result (a fan's percentile, a grid point's value, a channel's share). */
  public record Summary(String name, String output, String period, String statistic, double value) {
  }

  /** The rows of a query, as text. */
  public record Table(List<String> columns, List<List<String>> rows) {
  }

  private RunStore(Path file, Connection db) {
    this.file = file;
    this.db = db;
  }

  /**
   * The store's default file: -Daccord.store, else ACCORD_STORE, else
   * $XDG_DATA_HOME/accord/runs.duckdb, else ~/.local/share/accord/runs.duckdb.
   */
  public static Path defaultFile() {
    String p = System.getProperty("accord.store");
    if (p == null || p.isBlank()) {
      p = System.getenv("ACCORD_STORE");
    }
    if (p != null && !p.isBlank()) {
      return Path.of(p);
    }
    String xdg = System.getenv("XDG_DATA_HOME");
    Path data = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
    return data.resolve("accord").resolve("runs.duckdb");
  }

  /** Opens (or makes) the store in {@code file}; a job left running by a process that died is marked interrupted. */
  public static RunStore open(Path file) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
    } catch (java.io.IOException e) {
      throw refused("E681", file, "its folder cannot be made (" + e.getMessage() + ")",
          "give another file with --store or ACCORD_STORE");
    }
    Connection db;
    try {
      Class.forName("org.duckdb.DuckDBDriver");
      db = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
    } catch (SQLException | ClassNotFoundException e) {
      String m = String.valueOf(e.getMessage());
      if (m.toLowerCase(java.util.Locale.ROOT).contains("lock")) {
        throw refused("E680", file, "is in use by another accord process",
            "wait for it to finish, or give this command another store with --store or ACCORD_STORE");
      }
      throw refused("E681", file, "cannot be opened: " + firstLine(m),
          "it may not be a DuckDB file, or one of a newer DuckDB; give another file with --store or ACCORD_STORE");
    }
    RunStore s = new RunStore(file, db);
    try {
      s.schema();
      s.exec("UPDATE jobs SET status = 'interrupted' WHERE status = 'running'");
    } catch (SQLException e) {
      s.closeQuietly();
      throw refused("E681", file, "is not a run store Accord can use: " + firstLine(e.getMessage()),
          "give another file with --store or ACCORD_STORE");
    }
    return s;
  }

  public Path file() {
    return file;
  }

  private void schema() throws SQLException {
    exec("CREATE TABLE IF NOT EXISTS meta(key VARCHAR PRIMARY KEY, value VARCHAR)");
    try (PreparedStatement p = db.prepareStatement("SELECT value FROM meta WHERE key = 'schema'")) {
      ResultSet r = p.executeQuery();
      if (r.next() && !r.getString(1).equals(String.valueOf(SCHEMA))) {
        throw new SQLException("its schema is version " + r.getString(1) + ", this accord's is " + SCHEMA);
      }
    }
    exec("INSERT OR IGNORE INTO meta VALUES ('schema', '" + SCHEMA + "')");
    exec("CREATE SEQUENCE IF NOT EXISTS job_ids START 1");
    exec("CREATE TABLE IF NOT EXISTS jobs(id BIGINT PRIMARY KEY DEFAULT nextval('job_ids'), kind VARCHAR NOT NULL, "
        + "status VARCHAR NOT NULL, created TIMESTAMP NOT NULL DEFAULT current_timestamp, finished TIMESTAMP, "
        + "scenario VARCHAR, scenario_text VARCHAR, model_digest VARCHAR, seed BIGINT, version VARCHAR, "
        + "settings VARCHAR, planned INTEGER)");
    // a draw is one row, its values one list: a sweep of 10,000 draws of 3,600 numbers appends 10,000
    // rows, and the view outputs gives the long form to query
    exec("CREATE TABLE IF NOT EXISTS columns(job BIGINT NOT NULL, position INTEGER NOT NULL, output VARCHAR NOT NULL, "
        + "period VARCHAR NOT NULL)");
    exec("CREATE TABLE IF NOT EXISTS parameters(job BIGINT NOT NULL, position INTEGER NOT NULL, name VARCHAR NOT NULL)");
    exec("CREATE TABLE IF NOT EXISTS draws(job BIGINT NOT NULL, draw BIGINT NOT NULL, ok BOOLEAN NOT NULL, "
        + "branch VARCHAR, parameters DOUBLE[], \"values\" DOUBLE[], diagnostics VARCHAR, PRIMARY KEY (job, draw))");
    exec("CREATE VIEW IF NOT EXISTS outputs AS SELECT d.job, d.draw, d.branch, c.output, c.period, "
        + "d.\"values\"[c.position + 1] AS value FROM draws d JOIN columns c ON c.job = d.job WHERE d.ok");
    exec("CREATE TABLE IF NOT EXISTS summaries(job BIGINT NOT NULL, name VARCHAR NOT NULL, output VARCHAR, "
        + "period VARCHAR, statistic VARCHAR NOT NULL, value DOUBLE)");
  }

  /** Starts a job whose draws have these parameters and columns; its id. */
  public synchronized long start(JobSpec spec, List<String> parameterNames, List<Column> columns) {
    long id = start(spec);
    try {
      try (DuckDBAppender a = appender("columns")) {
        for (int i = 0; i < columns.size(); i++) {
          a.beginRow().append(id).append(i).append(columns.get(i).output()).append(columns.get(i).period()).endRow();
        }
      }
      try (DuckDBAppender a = appender("parameters")) {
        for (int i = 0; i < parameterNames.size(); i++) {
          a.beginRow().append(id).append(i).append(parameterNames.get(i)).endRow();
        }
      }
      return id;
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  private DuckDBAppender appender(String table) throws SQLException {
    return db.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
  }

  /** Starts a job without draws (a grid, a decomposition: its results are summaries); its id. */
  public synchronized long start(JobSpec spec) {
    try (PreparedStatement p = db.prepareStatement("INSERT INTO jobs(kind, status, scenario, scenario_text, "
        + "model_digest, seed, version, settings, planned) VALUES (?, 'running', ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
      p.setString(1, spec.kind());
      p.setString(2, spec.scenario());
      p.setString(3, spec.scenarioText());
      p.setString(4, spec.modelDigest());
      p.setObject(5, spec.seed());
      p.setString(6, spec.version());
      p.setString(7, spec.settings());
      p.setObject(8, spec.planned());
      ResultSet r = p.executeQuery();
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /**
   * The latest unfinished job of exactly this spec (kind, scenario text, model, seed, settings,
   * draws planned): what {@code --resume} continues.
   */
  public synchronized Optional<Long> resumable(JobSpec spec) {
    try (PreparedStatement p = db.prepareStatement("SELECT id FROM jobs WHERE status <> 'done' AND kind = ? "
        + "AND scenario_text IS NOT DISTINCT FROM ? AND model_digest IS NOT DISTINCT FROM ? "
        + "AND seed IS NOT DISTINCT FROM ? AND settings IS NOT DISTINCT FROM ? AND planned IS NOT DISTINCT FROM ? "
        + "ORDER BY id DESC LIMIT 1")) {
      bindSpec(p, 1, spec);
      ResultSet r = p.executeQuery();
      if (!r.next()) {
        return Optional.empty();
      }
      long id = r.getLong(1);
      update("UPDATE jobs SET status = 'running' WHERE id = ?", id);
      return Optional.of(id);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /**
   * Takes up {@code job} again if a process that died left it (status interrupted) and it is
   * exactly {@code spec} (the same scenario text, model, seed, settings and draws): true when it
   * is running again, false when it is not there, finished, or another sweep.
   */
  public synchronized boolean reopen(long job, JobSpec spec) {
    try (PreparedStatement p = db.prepareStatement("UPDATE jobs SET status = 'running' WHERE id = ? "
        + "AND status = 'interrupted' AND kind = ? AND scenario_text IS NOT DISTINCT FROM ? "
        + "AND model_digest IS NOT DISTINCT FROM ? AND seed IS NOT DISTINCT FROM ? "
        + "AND settings IS NOT DISTINCT FROM ? AND planned IS NOT DISTINCT FROM ?")) {
      p.setLong(1, job);
      bindSpec(p, 2, spec);
      return p.executeUpdate() == 1;
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** Binds what identifies a job (kind, scenario text, model, seed, settings, draws planned) from parameter {@code at} on. */
  private static void bindSpec(PreparedStatement p, int at, JobSpec spec) throws SQLException {
    p.setString(at, spec.kind());
    p.setString(at + 1, spec.scenarioText());
    p.setString(at + 2, spec.modelDigest());
    p.setObject(at + 3, spec.seed());
    p.setString(at + 4, spec.settings());
    p.setObject(at + 5, spec.planned());
  }

  /** The draws of {@code job} already finished (committed). */
  public synchronized BitSet finishedDraws(long job) {
    flush();
    BitSet out = new BitSet();
    try (PreparedStatement p = db.prepareStatement("SELECT draw FROM draws WHERE job = ?")) {
      p.setLong(1, job);
      ResultSet r = p.executeQuery();
      while (r.next()) {
        out.set(Math.toIntExact(r.getLong(1)));
      }
      return out;
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** Keeps a finished draw; committed with its batch. */
  public synchronized void add(Draw d) {
    pending.add(d);
    if (pending.size() >= BATCH) {
      flush();
    }
  }

  /**
   * Commits the pending draws, each one row, all in one append: a process killed before the append
   * completes leaves none of them, never part of one.
   */
  public synchronized void flush() {
    if (pending.isEmpty()) {
      return;
    }
    try (DuckDBAppender a = appender("draws")) {
      for (Draw d : pending) {
        a.beginRow().append(d.job()).append(d.draw()).append(d.ok());
        if (d.branch() == null) {
          a.appendNull();
        } else {
          a.append(d.branch());
        }
        a.append(d.parameters()).append(d.values());
        if (d.diagnostics() == null) {
          a.appendNull();
        } else {
          a.append(d.diagnostics());
        }
        a.endRow();
      }
      pending.clear();
    } catch (SQLException e) {
      pending.clear();
      throw failed(e);
    }
  }

  /** The finished draws of {@code job} in draw order, read back (what a resumed sweep feeds its fans first). */
  public synchronized void forEachDraw(long job, java.util.function.Consumer<Draw> action) {
    flush();
    try (PreparedStatement p = db.prepareStatement("SELECT draw, ok, branch, parameters, \"values\", diagnostics "
        + "FROM draws WHERE job = ? ORDER BY draw")) {
      p.setLong(1, job);
      ResultSet r = p.executeQuery();
      while (r.next()) {
        action.accept(new Draw(job, r.getLong(1), r.getBoolean(2), r.getString(3), doubles(r.getArray(4)),
            doubles(r.getArray(5)), r.getString(6)));
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  private static double[] doubles(java.sql.Array a) throws SQLException {
    if (a == null) {
      return new double[0];
    }
    Object[] v = (Object[]) a.getArray();
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] == null ? Double.NaN : ((Number) v[i]).doubleValue();
    }
    return out;
  }

  /** Keeps a job's results (fans, grid points, channels), replacing any it had. */
  public synchronized void summaries(long job, List<Summary> rows) {
    try {
      update("DELETE FROM summaries WHERE job = ?", job);
      try (DuckDBAppender a = appender("summaries")) {
        for (Summary s : rows) {
          a.beginRow().append(job).append(s.name()).append(s.output()).append(s.period()).append(s.statistic())
              .append(s.value()).endRow();
        }
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** Marks a job done (or failed, cancelled) after committing its pending draws. */
  public synchronized void finish(long job, String status) {
    flush();
    try {
      update("UPDATE jobs SET status = ?, finished = current_timestamp WHERE id = ?", status, job);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** Every job, newest first, with its finished and failed draws. */
  public synchronized List<Job> jobs() {
    flush();
    List<Job> out = new ArrayList<>();
    try (Statement s = db.createStatement()) {
      ResultSet r = s.executeQuery("SELECT j.id, j.kind, j.status, strftime(j.created, '%Y-%m-%d %H:%M:%S'), "
          + "strftime(j.finished, '%Y-%m-%d %H:%M:%S'), j.scenario, j.model_digest, j.seed, j.version, j.settings, "
          + "j.planned, count(d.draw), count(d.draw) FILTER (WHERE NOT d.ok) FROM jobs j LEFT JOIN draws d ON d.job = j.id "
          + "GROUP BY ALL ORDER BY j.id DESC");
      while (r.next()) {
        out.add(new Job(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6),
            r.getString(7), (Long) r.getObject(8), r.getString(9), r.getString(10), (Integer) r.getObject(11),
            r.getLong(12), r.getLong(13)));
      }
      return out;
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** The rows of a SQL query over the store (its tables: jobs, draws, outputs, summaries). */
  public synchronized Table query(String sql) {
    flush();
    try (Statement s = db.createStatement()) {
      ResultSet r = s.executeQuery(sql);
      ResultSetMetaData m = r.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int c = 1; c <= m.getColumnCount(); c++) {
        columns.add(m.getColumnLabel(c));
      }
      List<List<String>> rows = new ArrayList<>();
      while (r.next()) {
        List<String> row = new ArrayList<>();
        for (int c = 1; c <= columns.size(); c++) {
          Object v = r.getObject(c);
          row.add(v == null ? "" : v.toString());
        }
        rows.add(row);
      }
      return new Table(columns, rows);
    } catch (SQLException e) {
      throw new ModelException(Diagnostic.error("E682", Span.NONE, "the query failed: " + firstLine(e.getMessage()))
          .withHint("the store's tables are jobs, draws, columns, parameters, outputs (a view) and summaries; e.g. SELECT * FROM jobs"));
    }
  }

  /** Writes the rows of {@code sql} to a Parquet file, whole or not at all; the rows written. */
  public synchronized long exportParquet(String sql, Path target) {
    flush();
    Path folder = target.toAbsolutePath().getParent();
    if (folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)) {
      throw new ModelException(Diagnostic.error("E683", Span.NONE, "cannot write " + target + ": its folder "
          + (folder != null && Files.isDirectory(folder) ? "cannot be written" : "does not exist"))
          .withHint("give a file in a folder that exists and can be written"));
    }
    Path tmp = target.toAbsolutePath().resolveSibling(".accord-" + ProcessHandle.current().pid() + "-"
        + System.nanoTime() + ".parquet.tmp");
    try (Statement s = db.createStatement()) {
      long rows;
      try {
        s.execute("COPY (" + sql + ") TO '" + tmp.toString().replace("'", "''") + "' (FORMAT PARQUET)");
        ResultSet r = s.executeQuery("SELECT count(*) FROM read_parquet('" + tmp.toString().replace("'", "''") + "')");
        r.next();
        rows = r.getLong(1);
      } catch (SQLException e) {
        throw new ModelException(Diagnostic.error("E682", Span.NONE, "the export failed: " + firstLine(e.getMessage()))
            .withHint("the store's tables are jobs, draws, columns, parameters, outputs (a view) and summaries; e.g. SELECT * FROM jobs"));
      }
      Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return rows;
    } catch (SQLException | java.io.IOException e) {
      throw new ModelException(Diagnostic.error("E683", Span.NONE, "cannot write " + target + ": "
          + firstLine(e.getMessage())).withHint("check that its folder exists and can be written"));
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (java.io.IOException ignored) {
        // nothing left to clean that matters
      }
    }
  }

  @Override
  public synchronized void close() {
    try {
      flush();
    } finally {
      closeQuietly();
    }
  }

  private void closeQuietly() {
    try {
      db.close();
    } catch (SQLException ignored) {
      // closing a store that failed: nothing more to say than the failure already said
    }
  }

  private void exec(String sql) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute(sql);
    }
  }

  private void update(String sql, Object... args) throws SQLException {
    try (PreparedStatement p = db.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        p.setObject(i + 1, args[i]);
      }
      p.executeUpdate();
    }
  }

  private RuntimeException failed(SQLException e) {
    return refused("E681", file, "failed: " + firstLine(e.getMessage()), "the store may be damaged or full; "
        + "give another file with --store or ACCORD_STORE");
  }

  private static ModelException refused(String code, Path file, String what, String hint) {
    return new ModelException(Diagnostic.error(code, Span.NONE, "the run store " + file + " " + what).withHint(hint));
  }

  private static String firstLine(String s) {
    String m = s == null ? "" : s.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
