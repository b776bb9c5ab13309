package accord.cache;

import accord.lang.Range;
import accord.lang.SourceFile;
import accord.lang.Span;
import accord.model.AccountMatrix;
import accord.model.Check;
import accord.model.Closure;
import accord.model.Equation;
import accord.model.Expr;
import accord.model.IndexSet;
import accord.model.Kind;
import accord.model.Model;
import accord.model.Series;
import accord.model.Slot;
import accord.solve.Partials;
import accord.structure.Block;
import accord.structure.BlockStructure;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A resolved model and its block structures as bytes, and back: what {@link ModelCache} keeps so
 * that a command skips parsing, resolving and analysing a model it has seen. Strings, source files
 * and index sets are written once and referred to by number. Decoding gives a model equal to the
 * one encoded in every component, with {@link Span#NONE} and {@link Range#ANY} the same objects
 * (code compares them by identity). Bytes that are not a valid encoding throw; the cache treats
 * any exception as a corrupt entry.
 */
final class ModelCodec {

  /** Bumped whenever the layout changes: an entry of another format is ignored and rebuilt. */
  static final int FORMAT = 2;

  private ModelCodec() {
  }

  // ---- writing ----

  /** Writes a model's parts and the tables they refer to; strings go to the shared table. */
  static final class Writer {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    private final DataOutputStream out = new DataOutputStream(bytes);
    private final Map<String, Integer> strings = new HashMap<>();
    private final List<String> stringList = new ArrayList<>();
    private final Map<SourceFile, Integer> files = new IdentityHashMap<>();
    private final List<SourceFile> fileList = new ArrayList<>();
    private final Map<IndexSet, Integer> sets = new IdentityHashMap<>();
    private final List<IndexSet> setList = new ArrayList<>();

    /** The tables, then the body: one self-contained blob. */
    byte[] finish() {
      try {
        out.flush();
        byte[] body = bytes.toByteArray();
        ByteArrayOutputStream all = new ByteArrayOutputStream(body.length + (1 << 16));
        DataOutputStream o = new DataOutputStream(all);
        varint(o, stringList.size());
        for (String s : stringList) {
          byte[] b = s.getBytes(StandardCharsets.UTF_8);
          varint(o, b.length);
          o.write(b);
        }
        // files and sets may refer to strings only: written after the string table
        varint(o, fileList.size());
        for (SourceFile f : fileList) {
          varint(o, ref(f.name()));
          varint(o, ref(f.text()));
        }
        varint(o, setList.size());
        for (IndexSet s : setList) {
          varint(o, ref(s.name()));
          varint(o, ref(s.parent()));
          ints(o, s.elements().stream().mapToInt(this::ref).toArray());
        }
        o.write(body);
        o.flush();
        return all.toByteArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private int ref(String s) {
      if (s == null) {
        return -1;
      }
      Integer i = strings.get(s);
      if (i == null) {
        i = stringList.size();
        strings.put(s, i);
        stringList.add(s);
      }
      return i;
    }

    void string(String s) throws IOException {
      varint(out, ref(s));
    }

    void span(Span s) throws IOException {
      if (s == Span.NONE) {
        varint(out, -2);
        return;
      }
      Integer f = files.get(s.file());
      if (f == null) {
        f = fileList.size();
        files.put(s.file(), f);
        fileList.add(s.file());
        ref(s.file().name());
        ref(s.file().text());
      }
      varint(out, f);
      varint(out, s.line());
      varint(out, s.col());
      varint(out, s.length());
    }

    void set(IndexSet s) throws IOException {
      Integer i = sets.get(s);
      if (i == null) {
        i = setList.size();
        sets.put(s, i);
        setList.add(s);
        ref(s.name());
        ref(s.parent());
        s.elements().forEach(this::ref);
      }
      varint(out, i);
    }

    void range(Range r) throws IOException {
      if (r == Range.ANY) {
        out.writeByte(0);
        return;
      }
      out.writeByte(1);
      out.writeDouble(r.low());
      out.writeBoolean(r.lowOpen());
      out.writeDouble(r.high());
      out.writeBoolean(r.highOpen());
      span(r.span());
    }

    void expr(Expr e) throws IOException {
      if (e == null) {
        out.writeByte(0);
      } else if (e instanceof Expr.Const c) {
        out.writeByte(1);
        out.writeDouble(c.value());
      } else if (e instanceof Expr.Ref r) {
        out.writeByte(2);
        varint(out, r.slot());
        varint(out, r.lag());
      } else if (e instanceof Expr.Unary u) {
        out.writeByte(3);
        out.writeByte(u.op().ordinal());
        expr(u.operand());
      } else if (e instanceof Expr.Binary b) {
        out.writeByte(4);
        out.writeByte(b.op().ordinal());
        span(b.span());
        expr(b.left());
        expr(b.right());
      } else if (e instanceof Expr.Call c) {
        out.writeByte(5);
        out.writeByte(c.fn().ordinal());
        span(c.span());
        varint(out, c.args().size());
        for (Expr a : c.args()) {
          expr(a);
        }
      } else if (e instanceof Expr.Cond c) {
        out.writeByte(6);
        expr(c.condition());
        expr(c.then());
        expr(c.otherwise());
      } else {
        throw new IllegalArgumentException("an expression the cache does not know: " + e.getClass());
      }
    }

    void equation(Equation e) throws IOException {
      varint(out, e.index());
      string(e.label());
      expr(e.lhs());
      expr(e.rhs());
      varint(out, e.definedSlot());
      span(e.span());
    }

    void closure(Closure c) throws IOException {
      string(c.name());
      string(c.doc());
      ints(out, c.exogenize().stream().mapToInt(Integer::intValue).toArray());
      ints(out, c.endogenize().stream().mapToInt(Integer::intValue).toArray());
      span(c.span());
    }

    void model(Model m) throws IOException {
      string(m.name());
      string(m.doc());
      string(m.calendar());
      varint(out, m.sets().size());
      for (IndexSet s : m.sets().values()) {
        set(s);
      }
      varint(out, m.series().size());
      for (Series s : m.series().values()) {
        string(s.name());
        varint(out, s.dims().size());
        for (IndexSet d : s.dims()) {
          set(d);
        }
        out.writeByte(s.kind().ordinal());
        varint(out, s.firstSlot());
        string(s.doc());
        span(s.span());
      }
      varint(out, m.slots().size());
      for (Slot s : m.slots()) {
        varint(out, s.index());
        string(s.label());
        string(s.series());
        out.writeByte(s.kind().ordinal());
        string(s.doc());
        span(s.span());
        range(s.range());
      }
      equations(m.equations());
      equations(m.hidden());
      varint(out, m.checks().size());
      for (Check c : m.checks()) {
        equation(c.condition());
        string(c.doc());
      }
      varint(out, m.matrices().size());
      for (AccountMatrix a : m.matrices()) {
        string(a.name());
        string(a.doc());
        varint(out, a.columns().size());
        for (String c : a.columns()) {
          string(c);
        }
        varint(out, a.rows().size());
        for (AccountMatrix.Row r : a.rows()) {
          string(r.label());
          varint(out, r.cells().size());
          for (Expr e : r.cells()) {
            expr(e);
          }
          expr(r.total());
          span(r.span());
        }
        span(a.span());
      }
      closure(m.baseClosure());
      varint(out, m.closures().size());
      for (Closure c : m.closures().values()) {
        closure(c);
      }
      doubles(m.initial());
      varint(out, m.paths().size());
      for (Map.Entry<Integer, double[]> p : m.paths().entrySet()) {
        varint(out, p.getKey());
        doubles(p.getValue());
      }
      varint(out, m.derived().size());
      for (Model.Derived d : m.derived()) {
        varint(out, d.slot());
        expr(d.value());
      }
    }

    private void equations(List<Equation> list) throws IOException {
      varint(out, list.size());
      for (Equation e : list) {
        equation(e);
      }
    }

    void structure(BlockStructure s) throws IOException {
      ints(out, s.unknowns());
      ints(out, s.variableOf());
      varint(out, s.blocks().size());
      for (Block b : s.blocks()) {
        varint(out, b.index());
        ints(out, b.equations());
        ints(out, b.variables());
        ints(out, b.assignments());
        ints(out, b.tearEquations());
        ints(out, b.tearVariables());
      }
    }

    void partials(Partials p) throws IOException {
      varint(out, p.blocks().size());
      for (Partials.Block b : p.blocks()) {
        rows(b.assignDeps(), b.assign());
        rows(b.tearDeps(), b.tear());
      }
    }

    /** Per row its variables and derivatives; a row of a block without tears has neither (null). */
    private void rows(int[][] deps, Expr[][] exprs) throws IOException {
      varint(out, deps.length);
      for (int i = 0; i < deps.length; i++) {
        if (deps[i] == null) {
          out.writeByte(0);
          continue;
        }
        out.writeByte(1);
        ints(out, deps[i]);
        varint(out, exprs[i].length);
        for (Expr e : exprs[i]) {
          expr(e);
        }
      }
    }

    private void doubles(double[] v) throws IOException {
      varint(out, v.length);
      for (double d : v) {
        out.writeDouble(d);
      }
    }

    private static void ints(DataOutputStream o, int[] v) throws IOException {
      varint(o, v.length);
      for (int i : v) {
        varint(o, i);
      }
    }

    /**
     * An int in as few bytes as it needs (zigzag, then seven bits a byte, LEB128): slot numbers,
     * lines and columns are small, and a model has hundreds of thousands of them.
     */
    static void varint(DataOutputStream o, int v) throws IOException {
      int z = (v << 1) ^ (v >> 31);
      while ((z & ~0x7f) != 0) {
        o.writeByte((z & 0x7f) | 0x80);
        z >>>= 7;
      }
      o.writeByte(z);
    }
  }

  /** The bytes of {@code model}. */
  static byte[] encode(Model model) {
    Writer w = new Writer();
    try {
      w.model(model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.finish();
  }

  /** The bytes of a block structure, whose model is given back when it is read. */
  static byte[] encode(BlockStructure s) {
    Writer w = new Writer();
    try {
      w.structure(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.finish();
  }

  /** The bytes of a program's derivatives. */
  static byte[] encode(Partials p) {
    Writer w = new Writer();
    try {
      w.partials(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.finish();
  }

  // ---- reading ----

  /** Reads one blob written by {@link Writer}. */
  static final class Reader {
    private final ByteBuffer in;
    private final String[] strings;
    private final SourceFile[] files;
    private final IndexSet[] sets;

    Reader(ByteBuffer in) {
      this.in = in;
      strings = new String[count()];
      for (int i = 0; i < strings.length; i++) {
        int n = count();
        strings[i] = new String(in.array(), in.arrayOffset() + in.position(), n, StandardCharsets.UTF_8);
        in.position(in.position() + n);
      }
      files = new SourceFile[count()];
      for (int i = 0; i < files.length; i++) {
        files[i] = new SourceFile(string(), string());
      }
      sets = new IndexSet[count()];
      for (int i = 0; i < sets.length; i++) {
        String name = string();
        String parent = string();
        sets[i] = new IndexSet(name, stringList(), parent);
      }
    }

    /** A length or count: never negative, never more than the bytes left could hold. */
    private int count() {
      int n = varint();
      if (n < 0 || n > in.remaining()) {
        throw new IllegalStateException("a count of " + n + " with " + in.remaining() + " bytes left");
      }
      return n;
    }

    private String string() {
      int i = varint();
      return i == -1 ? null : strings[i];
    }

    private List<String> stringList() {
      String[] out = new String[count()];
      for (int i = 0; i < out.length; i++) {
        out[i] = strings[varint()];
      }
      return List.of(out);
    }

    private Span span() {
      int f = varint();
      if (f == -2) {
        return Span.NONE;
      }
      return new Span(files[f], varint(), varint(), varint());
    }

    private Range range() {
      if (in.get() == 0) {
        return Range.ANY;
      }
      return new Range(in.getDouble(), in.get() != 0, in.getDouble(), in.get() != 0, span());
    }

    private Expr expr() {
      byte tag = in.get();
      switch (tag) {
        case 0: return null;
        case 1: return new Expr.Const(in.getDouble());
        case 2: return new Expr.Ref(varint(), varint());
        case 3: {
          Expr.Op op = Expr.Op.values()[in.get()];
          return new Expr.Unary(op, expr());
        }
        case 4: {
          Expr.Op op = Expr.Op.values()[in.get()];
          Span s = span();
          Expr left = expr();
          return new Expr.Binary(op, left, expr(), s);
        }
        case 5: {
          Expr.Fn fn = Expr.Fn.values()[in.get()];
          Span s = span();
          Expr[] args = new Expr[count()];
          for (int i = 0; i < args.length; i++) {
            args[i] = expr();
          }
          return new Expr.Call(fn, List.of(args), s);
        }
        case 6: {
          Expr c = expr();
          Expr t = expr();
          return new Expr.Cond(c, t, expr());
        }
        default: throw new IllegalStateException("unknown expression tag " + tag);
      }
    }

    private Equation equation() {
      int index = varint();
      String label = string();
      Expr lhs = expr();
      Expr rhs = expr();
      return new Equation(index, label, lhs, rhs, varint(), span());
    }

    private List<Equation> equations() {
      Equation[] out = new Equation[count()];
      for (int i = 0; i < out.length; i++) {
        out[i] = equation();
      }
      return List.of(out);
    }

    private Closure closure() {
      String name = string();
      String doc = string();
      List<Integer> exo = integers();
      List<Integer> endo = integers();
      return new Closure(name, doc, exo, endo, span());
    }

    private List<Integer> integers() {
      int[] v = ints();
      List<Integer> out = new ArrayList<>(v.length);
      for (int i : v) {
        out.add(i);
      }
      return List.copyOf(out);
    }

    private int[] ints() {
      int[] v = new int[count()];
      for (int i = 0; i < v.length; i++) {
        v[i] = varint();
      }
      return v;
    }

    /** An int written by {@link Writer#varint}. */
    private int varint() {
      int z = 0;
      for (int shift = 0; ; shift += 7) {
        byte b = in.get();
        z |= (b & 0x7f) << shift;
        if (b >= 0) {
          break;
        }
        if (shift > 28) {
          throw new IllegalStateException("a number of more than five bytes");
        }
      }
      return (z >>> 1) ^ -(z & 1);
    }

    private double[] doubles() {
      double[] v = new double[count()];
      in.asDoubleBuffer().get(v);
      in.position(in.position() + 8 * v.length);
      return v;
    }

    Model model() {
      String name = string();
      String doc = string();
      String calendar = string();
      Map<String, IndexSet> setMap = new LinkedHashMap<>();
      for (int i = count(); i > 0; i--) {
        IndexSet s = sets[varint()];
        setMap.put(s.name(), s);
      }
      Map<String, Series> series = new LinkedHashMap<>();
      for (int i = count(); i > 0; i--) {
        String sname = string();
        IndexSet[] dims = new IndexSet[count()];
        for (int d = 0; d < dims.length; d++) {
          dims[d] = sets[varint()];
        }
        Kind kind = Kind.values()[in.get()];
        int first = varint();
        series.put(sname, new Series(sname, List.of(dims), kind, first, string(), span()));
      }
      Slot[] slots = new Slot[count()];
      for (int i = 0; i < slots.length; i++) {
        int index = varint();
        String label = string();
        String of = string();
        Kind kind = Kind.values()[in.get()];
        String sdoc = string();
        Span span = span();
        slots[i] = new Slot(index, label, of, kind, sdoc, span, range());
      }
      List<Equation> equations = equations();
      List<Equation> hidden = equations();
      Check[] checks = new Check[count()];
      for (int i = 0; i < checks.length; i++) {
        Equation c = equation();
        checks[i] = new Check(c, string());
      }
      AccountMatrix[] matrices = new AccountMatrix[count()];
      for (int i = 0; i < matrices.length; i++) {
        String mname = string();
        String mdoc = string();
        String[] columns = new String[count()];
        for (int c = 0; c < columns.length; c++) {
          columns[c] = string();
        }
        AccountMatrix.Row[] rows = new AccountMatrix.Row[count()];
        for (int r = 0; r < rows.length; r++) {
          String label = string();
          List<Expr> cells = new ArrayList<>();
          for (int c = count(); c > 0; c--) {
            cells.add(expr());
          }
          Expr total = expr();
          // a row's cells may be empty (null): an unmodifiable copy that allows them
          rows[r] = new AccountMatrix.Row(label, java.util.Collections.unmodifiableList(cells), total, span());
        }
        matrices[i] = new AccountMatrix(mname, mdoc, List.of(columns), List.of(rows), span());
      }
      Closure base = closure();
      Map<String, Closure> closures = new LinkedHashMap<>();
      for (int i = count(); i > 0; i--) {
        Closure c = closure();
        closures.put(c.name(), c);
      }
      double[] initial = doubles();
      Map<Integer, double[]> paths = new HashMap<>();
      for (int i = count(); i > 0; i--) {
        int slot = varint();
        paths.put(slot, doubles());
      }
      Model.Derived[] derived = new Model.Derived[count()];
      for (int i = 0; i < derived.length; i++) {
        int slot = varint();
        derived[i] = new Model.Derived(slot, expr());
      }
      return new Model(name, doc, setMap, series, List.of(slots), equations, hidden, List.of(checks),
          List.of(matrices), base, closures, initial, paths, calendar, List.of(derived));
    }

    BlockStructure structure(Model model, String closure) {
      int[] unknowns = ints();
      int[] variableOf = ints();
      Block[] blocks = new Block[count()];
      for (int i = 0; i < blocks.length; i++) {
        blocks[i] = new Block(varint(), ints(), ints(), ints(), ints(), ints());
      }
      return new BlockStructure(model, closure, unknowns, variableOf, List.of(blocks));
    }

    Partials partials() {
      Partials.Block[] blocks = new Partials.Block[count()];
      for (int i = 0; i < blocks.length; i++) {
        int n = count();
        int[][] assignDeps = new int[n][];
        Expr[][] assign = new Expr[n][];
        rows(assignDeps, assign);
        n = count();
        int[][] tearDeps = new int[n][];
        Expr[][] tear = new Expr[n][];
        rows(tearDeps, tear);
        blocks[i] = new Partials.Block(assignDeps, assign, tearDeps, tear);
      }
      return new Partials(List.of(blocks));
    }

    private void rows(int[][] deps, Expr[][] exprs) {
      for (int i = 0; i < deps.length; i++) {
        if (in.get() == 0) {
          continue;
        }
        deps[i] = ints();
        exprs[i] = new Expr[count()];
        for (int j = 0; j < exprs[i].length; j++) {
          exprs[i][j] = expr();
        }
      }
    }

    /** True when every byte was read: a blob with bytes left over is not what was written. */
    boolean done() {
      return !in.hasRemaining();
    }
  }

  static Model decodeModel(byte[] bytes) {
    Reader r = new Reader(ByteBuffer.wrap(bytes));
    Model m = r.model();
    requireDone(r);
    return m;
  }

  static BlockStructure decodeStructure(byte[] bytes, Model model, String closure) {
    Reader r = new Reader(ByteBuffer.wrap(bytes));
    BlockStructure s = r.structure(model, closure);
    requireDone(r);
    return s;
  }

  static Partials decodePartials(byte[] bytes) {
    Reader r = new Reader(ByteBuffer.wrap(bytes));
    Partials p = r.partials();
    requireDone(r);
    return p;
  }

  private static void requireDone(Reader r) {
    if (!r.done()) {
      throw new IllegalStateException("bytes left over after the model");
    }
  }
}
