package accord.explore;

import accord.lang.Diagnostic;
import accord.lang.ModelException;
import accord.lang.Range;
import accord.lang.SourceFile;
import accord.lang.Span;
import accord.lang.TextFile;
import accord.model.Kind;
import accord.model.Model;
import accord.model.Names;
import accord.model.Series;
import accord.model.Slot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A priors file read and checked against its model. A CSV file, '#' lines are comments:
 *
 * <pre>
 * parameter,distribution,a,b,low,high,source
 * sigM[AGR|ENE|MET],triangular,2.53,,1.5,5.0,"Fajgelbaum et al. (2020, QJE)"
 * lam,lognormal,10,0.5,,,"Godley and Lavoie (2007) ch. 12 scale (assumption)"
 * </pre>
 *
 * The parameter is a parameter of the model, one element ({@code gam[USA]}), every element
 * ({@code lam}, or {@code rex[*]}), or several elements that take one draw ({@code sigM[AGR|ENE]}).
 * The distributions and their columns: {@code normal} (a mean, b standard deviation),
 * {@code lognormal} (a median, b standard deviation of the log), {@code uniform} (low, high),
 * {@code beta} (a alpha, b beta, stretched to [low, high]), {@code triangular} (a mode, on [low,
 * high]), {@code truncnormal} (a mean, b standard deviation, cut to [low, high]). Every mistake is
 * refused when the file is read, at its line and column: an unknown parameter, a bad number or
 * distribution, and a prior that could draw a value outside the parameter's declared range.
 */
public record Priors(Path file, List<Prior> list) {

  public static final List<String> COLUMNS = List.of("parameter", "distribution", "a", "b", "low", "high", "source");

  public Priors {
    list = List.copyOf(list);
  }

  public int size() {
    return list.size();
  }

  /** Draw {@code draw}'s value of every prior, in file order: prior k from stream k. */
  public double[] draw(long seed, long draw) {
    double[] out = new double[list.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = list.get(k).value(CounterRandom.uniform(seed, draw, k));
    }
    return out;
  }

  /** Each prior's central value (its median). */
  public double[] central() {
    return list.stream().mapToDouble(Prior::central).toArray();
  }

  /** The slots the values set, each prior's value on each of its slots. */
  public Map<Integer, Double> given(double[] values) {
    Map<Integer, Double> out = new java.util.LinkedHashMap<>();
    for (int k = 0; k < list.size(); k++) {
      for (int slot : list.get(k).slots()) {
        out.put(slot, values[k]);
      }
    }
    return out;
  }

  public List<String> names() {
    return list.stream().map(Prior::name).toList();
  }

  /** Reads and checks {@code file} against {@code model}; throws a {@link ModelException} listing every error. */
  public static Priors load(Path file, Model model) {
    String text;
    try {
      text = TextFile.read(file);
    } catch (TextFile.Unreadable e) {
      throw new ModelException(e.notText() ? e.diagnostic("priors file", file.toString(), null)
          : Diagnostic.error("E600", Span.NONE, "cannot read priors file " + file).withHint(e.hint()));
    }
    SourceFile src = new SourceFile(file.toString(), text);
    List<Diagnostic> errors = new ArrayList<>();
    List<Prior> priors = new ArrayList<>();
    Map<Integer, Prior> bySlot = new HashMap<>();
    Map<String, Integer> columns = null;
    String[] lines = text.split("\r?\n", -1);
    for (int n = 1; n <= lines.length; n++) {
      String line = lines[n - 1];
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      List<Field> fields = fields(src, n, line);
      if (columns == null) {
        columns = header(fields, src, n, errors);
        if (columns == null) {
          throw new ModelException(errors);
        }
        continue;
      }
      Prior p = row(fields, columns, src, n, model, errors);
      if (p == null) {
        continue;
      }
      for (int slot : p.slots()) {
        Prior first = bySlot.putIfAbsent(slot, p);
        if (first != null) {
          errors.add(Diagnostic.error("E608", field(fields, columns, "parameter").span(), model.slots().get(slot).label()
              + " has two priors").withHint("the first is on line " + first.line() + "; keep one"));
          break;
        }
      }
      priors.add(p);
    }
    if (errors.isEmpty() && priors.isEmpty()) {
      errors.add(Diagnostic.error("E610", new Span(src, 1, 1, 1), "priors file " + file.getFileName()
          + " has no priors").withHint("write a header (" + String.join(",", COLUMNS) + ") and a row per parameter"));
    }
    if (!errors.isEmpty()) {
      throw new ModelException(errors);
    }
    return new Priors(file, priors);
  }

  /** A field of a CSV line with its place (quotes removed, spaces trimmed). */
  record Field(String text, Span span) {
  }

  private static Map<String, Integer> header(List<Field> fields, SourceFile src, int n, List<Diagnostic> errors) {
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      columns.putIfAbsent(fields.get(i).text(), i);
    }
    List<String> missing = COLUMNS.stream().filter(c -> !columns.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      errors.add(Diagnostic.error("E601", new Span(src, n, 1, Math.max(1, src.line(n).length())),
          "the priors file's header lacks the column" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing))
          .withHint("the first line that is not a comment names the columns: " + String.join(",", COLUMNS)));
      return null;
    }
    return columns;
  }

  private static Field field(List<Field> fields, Map<String, Integer> columns, String name) {
    int i = columns.get(name);
    if (i < fields.size()) {
      return fields.get(i);
    }
    Field last = fields.get(fields.size() - 1);
    Span s = last.span();
    return new Field("", new Span(s.file(), s.line(), s.col() + Math.max(1, s.length()), 1));
  }

  private static Prior row(List<Field> fields, Map<String, Integer> columns, SourceFile src, int n, Model model,
      List<Diagnostic> errors) {
    int before = errors.size();
    Field name = field(fields, columns, "parameter");
    List<Integer> slots = slots(name, model, errors);
    Field dist = field(fields, columns, "distribution");
    Field a = field(fields, columns, "a");
    Field b = field(fields, columns, "b");
    Field low = field(fields, columns, "low");
    Field high = field(fields, columns, "high");
    Field source = field(fields, columns, "source");
    if (source.text().isBlank()) {
      errors.add(Diagnostic.error("E609", source.span(), "the prior of " + name.text() + " names no source")
          .withHint("name the publication whose range it reads, or write 'assumption' and why"));
    }
    Distribution d = distribution(dist, a, b, low, high, errors);
    if (d == null || errors.size() > before) {
      return null;
    }
    Range support = d.support();
    for (int slot : slots) {
      Slot s = model.slots().get(slot);
      if (!Distribution.within(support, s.range())) {
        boolean lowOut = !Distribution.lowWithin(support, s.range());
        Field at = d instanceof Distribution.Normal || d instanceof Distribution.LogNormal ? dist
            : lowOut ? low : high;
        double bound = lowOut ? support.low() : support.high();
        errors.add(Diagnostic.error("E607", at.span(), "the prior of " + s.label() + " can draw "
            + (Double.isInfinite(bound) ? "any value" + (bound < 0 ? " below " : " above ") + "every bound"
            : Range.bound(bound)) + ", outside its declared range " + s.range())
            .withNote("its support is " + support + "; the range is declared at " + s.range().span().where())
            .withHint(d instanceof Distribution.Normal
                ? "use a distribution with bounds inside the range (truncnormal, beta, triangular, uniform)"
                : "give low and high inside " + s.range()));
        return null;
      }
    }
    return new Prior(name.text(), slots, d, source.text(), n);
  }

  /** The slots of {@code name}, {@code name[e1,e2]}, with {@code *} or {@code a|b} in an element's place. */
  private static List<Integer> slots(Field f, Model model, List<Diagnostic> errors) {
    String label = f.text().replace(" ", "");
    int open = label.indexOf('[');
    String seriesName = open < 0 ? label : label.substring(0, open);
    Series series = model.series().get(seriesName);
    if (series == null) {
      errors.add(Diagnostic.error("E602", f.span(), "model " + model.name() + " has no parameter '" + seriesName + "'")
          .withHint(Names.didYouMean(seriesName, model.series().keySet().stream()
              .filter(x -> model.series().get(x).kind() == Kind.PARAM).toList())));
      return List.of();
    }
    if (series.kind() != Kind.PARAM) {
      errors.add(Diagnostic.error("E603", f.span(), "'" + seriesName + "' is " + (series.kind() == Kind.EXOGENOUS
          ? "an exogenous series" : "a variable") + ", not a parameter")
          .withHint("priors are for behavioural parameters; a scenario sets exogenous series"));
      return List.of();
    }
    List<Integer> out = new ArrayList<>();
    if (open < 0) {
      for (int i = 0; i < series.size(); i++) {
        out.add(series.firstSlot() + i);
      }
      return out;
    }
    String[] want = label.endsWith("]") ? label.substring(open + 1, label.length() - 1).split(",", -1) : new String[0];
    if (want.length != series.dims().size()) {
      errors.add(Diagnostic.error("E602", f.span(), "'" + f.text() + "' needs " + series.dims().size() + " element"
          + (series.dims().size() == 1 ? "" : "s") + " of " + String.join(", ", series.dims().stream()
          .map(accord.model.IndexSet::name).toList()))
          .withHint("write " + seriesName + "[" + String.join(",", series.dims().stream()
              .map(d -> d.elements().get(0)).toList()) + "], or '*' for every element"));
      return List.of();
    }
    for (int k = 0; k < want.length; k++) {
      for (String e : want[k].split("\\|")) {
        if (!e.equals("*") && !series.dims().get(k).contains(e)) {
          errors.add(Diagnostic.error("E602", f.span(), "'" + e + "' is not an element of set "
              + series.dims().get(k).name()).withHint(Names.didYouMean(e, series.dims().get(k).elements())));
          return List.of();
        }
      }
    }
    for (List<String> tuple : tuples(series)) {
      boolean match = true;
      for (int k = 0; k < want.length && match; k++) {
        match = want[k].equals("*") || List.of(want[k].split("\\|")).contains(tuple.get(k));
      }
      if (match) {
        out.add(series.slot(tuple));
      }
    }
    return out;
  }

  private static List<List<String>> tuples(Series s) {
    List<List<String>> out = new ArrayList<>();
    out.add(List.of());
    for (accord.model.IndexSet d : s.dims()) {
      List<List<String>> next = new ArrayList<>();
      for (List<String> prefix : out) {
        for (String e : d.elements()) {
          List<String> t = new ArrayList<>(prefix);
          t.add(e);
          next.add(t);
        }
      }
      out = next;
    }
    return out;
  }

  private static Distribution distribution(Field dist, Field a, Field b, Field low, Field high, List<Diagnostic> errors) {
    String name = dist.text();
    if (!Distribution.NAMES.contains(name)) {
      errors.add(Diagnostic.error("E604", dist.span(), "unknown distribution '" + name + "'")
          .withHint(Names.didYouMean(name, Distribution.NAMES).isEmpty() ? "the distributions are: "
              + String.join(", ", Distribution.NAMES) : Names.didYouMean(name, Distribution.NAMES)));
      return null;
    }
    boolean bounded = !name.equals("normal") && !name.equals("lognormal");
    boolean takesA = !name.equals("uniform");
    boolean takesB = takesA && !name.equals("triangular");
    int before = errors.size();
    Double x = number(a, takesA, name, "a", errors);
    Double y = number(b, takesB, name, "b", errors);
    Double lo = number(low, bounded, name, "low", errors);
    Double hi = number(high, bounded, name, "high", errors);
    if (errors.size() > before) {
      return null;
    }
    if (bounded && !(lo < hi)) {
      errors.add(Diagnostic.error("E606", high.span(), name + ": high (" + Range.bound(hi) + ") must be above low ("
          + Range.bound(lo) + ")"));
      return null;
    }
    switch (name) {
      case "normal", "truncnormal" -> {
        if (!(y > 0)) {
          return bad(b, name + ": the standard deviation b must be above 0", errors);
        }
        return name.equals("normal") ? new Distribution.Normal(x, y) : new Distribution.TruncatedNormal(x, y, lo, hi);
      }
      case "lognormal" -> {
        if (!(x > 0)) {
          return bad(a, "lognormal: the median a must be above 0", errors);
        }
        if (!(y > 0)) {
          return bad(b, "lognormal: the standard deviation of the log b must be above 0", errors);
        }
        return new Distribution.LogNormal(x, y);
      }
      case "beta" -> {
        if (!(x > 0)) {
          return bad(a, "beta: the shape a (alpha) must be above 0", errors);
        }
        if (!(y > 0)) {
          return bad(b, "beta: the shape b (beta) must be above 0", errors);
        }
        return new Distribution.Beta(x, y, lo, hi);
      }
      case "triangular" -> {
        if (x < lo || x > hi) {
          return bad(a, "triangular: the mode a (" + Range.bound(x) + ") must be in [" + Range.bound(lo) + ", "
              + Range.bound(hi) + "]", errors);
        }
        return new Distribution.Triangular(x, lo, hi);
      }
      default -> {
        return new Distribution.Uniform(lo, hi);
      }
    }
  }

  private static Distribution bad(Field at, String message, List<Diagnostic> errors) {
    errors.add(Diagnostic.error("E606", at.span(), message));
    return null;
  }

  /** The number in a field the distribution takes ({@code takes}), or null (with E605/E606 if it is wrong). */
  private static Double number(Field f, boolean takes, String dist, String column, List<Diagnostic> errors) {
    if (!takes) {
      if (!f.text().isBlank()) {
        errors.add(Diagnostic.error("E606", f.span(), dist + " takes no '" + column + "'")
            .withHint(usage(dist)));
      }
      return null;
    }
    if (f.text().isBlank()) {
      errors.add(Diagnostic.error("E606", f.span(), dist + " needs '" + column + "'").withHint(usage(dist)));
      return null;
    }
    try {
      double v = Double.parseDouble(f.text());
      if (Double.isFinite(v) && !f.text().matches(".*[a-zA-Z&&[^eE]].*")) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(Diagnostic.error("E605", f.span(), "'" + f.text() + "' in column " + column + " is not a finite number")
        .withHint("write a plain decimal or scientific number (0.25, 2.5e-2)"));
    return null;
  }

  private static String usage(String dist) {
    return switch (dist) {
      case "normal" -> "normal: a = mean, b = standard deviation; low and high empty";
      case "lognormal" -> "lognormal: a = median, b = standard deviation of the log; low and high empty";
      case "uniform" -> "uniform: low and high; a and b empty";
      case "beta" -> "beta: a = alpha, b = beta, on [low, high]";
      case "triangular" -> "triangular: a = mode, on [low, high]; b empty";
      default -> "truncnormal: a = mean, b = standard deviation, cut to [low, high]";
    };
  }

  /** The fields of a CSV line (RFC 4180 quotes) with the column each starts at. */
  static List<Field> fields(SourceFile src, int n, String line) {
    return accord.model.Csv.cells(line).stream().map(c -> new Field(c.text(), new Span(src, n, c.col(), c.length())))
        .toList();
  }
}
