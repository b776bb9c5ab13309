package accord.lang;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The catalogue of problem codes: each code names one kind of problem, with its severity and an
 * explanation. The catalogue ({@code codes.tsv} beside this class) is the single list: the
 * renderer takes severities from it, {@code accord codes} prints it and docs/errors.md is
 * generated from it.
 */
public final class Codes {

  public enum Severity { ERROR, WARNING }

  /** One kind of problem. */
  public record Entry(String code, Severity severity, String title, String explanation) {

    /** The stage that reports it, from the code's range (E1xx and W1xx alike). */
    public String stage() {
      return stageOf(code);
    }
  }

  private static final TreeMap<String, Entry> ALL = load();

  private Codes() {
  }

  public static Optional<Entry> find(String code) {
    return Optional.ofNullable(ALL.get(code));
  }

  /** Every entry, ordered by code. */
  public static Collection<Entry> all() {
    return Collections.unmodifiableCollection(ALL.values());
  }

  /** The severity of a code; a code missing from the catalogue counts as an error. */
  public static Severity severity(String code) {
    Entry e = ALL.get(code);
    return e == null ? Severity.ERROR : e.severity();
  }

  static String stageOf(String code) {
    return switch (code.length() > 1 ? code.charAt(1) : '?') {
      case '0' -> "syntax of a model file";
      case '1' -> "names, declarations and structure of a model";
      case '2' -> "evaluation and the solver";
      case '3' -> "scenario files";
      case '4' -> "the command line and output files";
      case '5' -> "accounting identities and conditions";
      case '7' -> "the web lab and its API";
      case '9' -> "internal";
      default -> "other";
    };
  }

  /** The reference page, docs/errors.md, grouped by stage. */
  public static String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("# Problem codes\n\n");
    out.append("Generated from `engine/src/main/resources/accord/lang/codes.tsv` by `accord codes --markdown`;\n");
    out.append("a test keeps this page equal to the catalogue. Every problem Accord reports carries one of\n");
    out.append("these codes, printed as `file:line:col: error[E104]: message` (or `warning[W406]`) with the\n");
    out.append("source line, a caret, notes and a hint. `accord codes E104` prints one entry.\n\n");
    out.append("Exit codes: 0 ok (warnings go to standard error), 1 an error in a model, scenario, data file,\n");
    out.append("option or output path, a broken accounting identity or missed calibration targets, 2 a solver\n");
    out.append("failure, 3 an internal error (a bug: please report it with the output of `--debug`).\n");
    String stage = null;
    for (Entry e : ALL.values()) {
      if (!e.stage().equals(stage)) {
        stage = e.stage();
        out.append("\n## ").append(Character.toUpperCase(stage.charAt(0))).append(stage.substring(1)).append("\n\n");
        out.append("| code | severity | problem | what it means and how to fix it |\n|---|---|---|---|\n");
      }
      out.append("| ").append(e.code()).append(" | ").append(e.severity().name().toLowerCase()).append(" | ")
          .append(e.title()).append(" | ").append(e.explanation().replace("|", "\\|")).append(" |\n");
    }
    return out.toString();
  }

  /** One entry as {@code accord codes E104} prints it. */
  public static String describe(Entry e) {
    return e.code() + " (" + e.severity().name().toLowerCase() + ", " + e.stage() + "): " + e.title() + "\n  "
        + e.explanation() + "\n";
  }

  private static TreeMap<String, Entry> load() {
    // by number, so that a stage's warnings sit among its errors
    TreeMap<String, Entry> out = new TreeMap<>(Comparator.comparing((String c) -> c.substring(1)).thenComparing(c -> c));
    try (InputStream in = Codes.class.getResourceAsStream("codes.tsv")) {
      if (in == null) {
        throw new IllegalStateException("codes.tsv is missing from the build");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != 4 || out.containsKey(f[0])) {
          throw new IllegalStateException("codes.tsv: bad or repeated entry: " + line);
        }
        out.put(f[0], new Entry(f[0], Severity.valueOf(f[1].toUpperCase()), f[2], f[3]));
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return out;
  }
}
