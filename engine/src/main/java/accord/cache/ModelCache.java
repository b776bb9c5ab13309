package accord.cache;

import accord.lang.TextFile;
import accord.model.Model;
import accord.model.ModelLoader;
import accord.solve.Partials;
import accord.solve.Program;
import accord.structure.BlockStructure;
import accord.structure.StructuralAnalysis;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * A cache of resolved models and their block structures on disk, as compilers and Dynare's
 * preprocessor keep theirs: a command that reads a model it has read before, unchanged, skips
 * parsing, resolving and the structural analysis. An entry is used only when every file the model
 * was made from (the model file, its includes, the data files it reads) still has the SHA-256 it
 * had, the entry was written by this build of accord, and the entry's own checksum holds; anything
 * else (a changed file, another build, a truncated or corrupt entry) is ignored and the entry made
 * again. A cache that cannot be written is no error: the command runs as without it.
 *
 * <p>Off unless the system property {@code accord.cache} names a folder (the command line sets it;
 * {@code off} turns it off), so that library users and tests get the plain stages.
 */
public final class ModelCache {

  private static final int MAGIC = 0x41434d43;   // "ACMC"
  /** Models decoded or stored by this process, with their entries: for {@link #analyze}. */
  private static final Deque<Known> KNOWN = new ArrayDeque<>();
  private static final int KNOWN_LIMIT = 16;
  private static volatile String build;

  private ModelCache() {
  }

  /** A model this process got through the cache, and its entry. */
  private record Known(WeakReference<Model> model, Entry entry) {
  }

  /** An entry: the files the model came from with their digests, the model, its structures by closure. */
  private record Entry(Path file, Map<String, byte[]> sources, byte[] model, Map<String, byte[]> structures) {
  }

  /** The folder of the cache, or null when it is off. */
  public static Path folder() {
    String p = System.getProperty("accord.cache");
    return p == null || p.isBlank() || p.equals("off") ? null : Path.of(p);
  }

  /** {@link ModelLoader#load}, through the cache when it is on; the same model again when held in memory. */
  public static Model load(Path file) {
    Map<Path, Model> held = heldModels;
    if (held != null) {
      return held.computeIfAbsent(file.toAbsolutePath().normalize(), ModelCache::loadFresh);
    }
    return loadFresh(file);
  }

  private static Model loadFresh(Path file) {
    Path folder = folder();
    return folder == null ? ModelLoader.load(file) : load(file, folder);
  }

  /** Models held for the life of the process (null: none held); see {@link #holdInMemory}. */
  private static volatile Map<Path, Model> heldModels;
  /** Programs held, most recently used first: of the held models, by closure. */
  private static final Deque<Held> HELD_PROGRAMS = new ArrayDeque<>();
  private static final int HELD_PROGRAMS_LIMIT = 24;

  /** A program held in memory: its model (compared by identity) and closure. */
  private record Held(Model model, String closure, java.util.concurrent.Future<Program> program) {
  }

  /**
   * For a long-lived process (the web lab's server): from now on {@link #load} gives the same
   * model for the same file, read once, and {@link #program} the same program for the same model
   * and closure, compiled once (a program is immutable and thread-safe; each run has its own
   * workspace). A file edited after it was read is not read again: restart the process.
   */
  public static synchronized void holdInMemory() {
    if (heldModels == null) {
      heldModels = new java.util.concurrent.ConcurrentHashMap<>();
    }
  }

  /** Models this process decoded from an entry rather than loaded: for tests. */
  static final java.util.concurrent.atomic.AtomicInteger DECODED = new java.util.concurrent.atomic.AtomicInteger();

  /** {@link ModelLoader#load} through the cache in {@code folder}. */
  static Model load(Path file, Path folder) {
    Path entryFile = folder.resolve(key(file) + ".model");
    long t0 = System.nanoTime();
    Entry entry = read(entryFile);
    if (entry != null) {
      try {
        long t1 = System.nanoTime();
        Model m = ModelCodec.decodeModel(entry.model());
        Timings.add("model cache read and checked", t0, t1);
        Timings.add("decoded", t1, System.nanoTime());
        DECODED.incrementAndGet();
        remember(m, entry);
        return m;
      } catch (RuntimeException corrupt) {
        // checksummed bytes that still do not decode: a bug, or a format not bumped; made again below
      }
    }
    Map<String, byte[]> sources = new LinkedHashMap<>();
    Model m;
    try (TextFile.Reads reads = TextFile.record()) {
      m = ModelLoader.load(file);
      reads.files().forEach((p, digest) -> sources.put(p.toString(), digest));
    }
    Entry made = new Entry(entryFile, sources, ModelCodec.encode(m), new LinkedHashMap<>());
    write(made);
    remember(m, made);
    return m;
  }

  /** {@link StructuralAnalysis#analyze}, through the cache when {@code model} came from {@link #load}. */
  public static BlockStructure analyze(Model model, String closure) {
    Entry entry = entryOf(model);
    if (entry == null) {
      return StructuralAnalysis.analyze(model, closure);
    }
    String name = "structure" + (closure == null ? "" : " " + closure);
    byte[] blob;
    synchronized (entry) {
      blob = entry.structures().get(name);
    }
    if (blob != null) {
      try {
        return ModelCodec.decodeStructure(blob, model, closure);
      } catch (RuntimeException corrupt) {
        // made again below
      }
    }
    BlockStructure s = StructuralAnalysis.analyze(model, closure);
    synchronized (entry) {
      entry.structures().put(name, ModelCodec.encode(s));
      write(entry);
    }
    return s;
  }

  /**
   * The compiled program of {@code model} under {@code closure}: {@link #analyze}, then
   * {@link Program#compile} with the derivatives the cache kept when the model came from
   * {@link #load} (derived and kept on the first compile).
   */
  public static Program program(Model model, String closure) {
    Map<Path, Model> models = heldModels;
    // only the programs of held models: a model made for one run (a currency accord's) is compiled for it alone
    if (models == null || models.values().stream().noneMatch(m -> m == model)) {
      return compiled(model, closure);
    }
    java.util.concurrent.FutureTask<Program> task = null;
    Held found = null;
    synchronized (HELD_PROGRAMS) {
      for (java.util.Iterator<Held> it = HELD_PROGRAMS.iterator(); it.hasNext() && found == null; ) {
        Held h = it.next();
        if (h.model() == model && java.util.Objects.equals(h.closure(), closure)) {
          it.remove();
          found = h;
        }
      }
      if (found == null) {
        // compiled once, outside the lock: a second request for it waits for the first compile
        task = new java.util.concurrent.FutureTask<>(() -> compiled(model, closure));
        found = new Held(model, closure, task);
      }
      HELD_PROGRAMS.addFirst(found);
      if (HELD_PROGRAMS.size() > HELD_PROGRAMS_LIMIT) {
        HELD_PROGRAMS.removeLast();
      }
    }
    if (task != null) {
      task.run();
    }
    Held held = found;
    try {
      return held.program().get();
    } catch (java.util.concurrent.ExecutionException e) {
      synchronized (HELD_PROGRAMS) {
        HELD_PROGRAMS.removeIf(h -> h == held);   // not kept: the next request tries again
      }
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the model compiled", e);
    }
  }

  private static Program compiled(Model model, String closure) {
    long t0 = System.nanoTime();
    BlockStructure s = analyze(model, closure);
    long t1 = System.nanoTime();
    Entry entry = entryOf(model);
    if (entry == null) {
      return Program.compile(s);
    }
    String name = "partials" + (closure == null ? "" : " " + closure);
    byte[] blob;
    synchronized (entry) {
      blob = entry.structures().get(name);
    }
    if (blob != null) {
      try {
        Partials partials = ModelCodec.decodePartials(blob);
        long t2 = System.nanoTime();
        Program p = Program.compile(s, partials);
        Timings.add("structure", t0, t1);
        Timings.add("derivatives decoded", t1, t2);
        Timings.add("compiled", t2, System.nanoTime());
        return p;
      } catch (RuntimeException corrupt) {
        // derived again below
      }
    }
    Program p = Program.compile(s);
    synchronized (entry) {
      entry.structures().put(name, ModelCodec.encode(p.partials()));
      write(entry);
    }
    return p;
  }

  /**
   * The digest of the files {@code model} was made from (SHA-256 over each file's path and
   * SHA-256): what a stored run names its model by. Null for a model that did not come through
   * the cache (the cache off, or a model made in memory).
   */
  public static String digest(Model model) {
    Entry e = entryOf(model);
    if (e == null) {
      return null;
    }
    StringBuilder all = new StringBuilder();
    e.sources().forEach((path, d) -> all.append(path).append(' ').append(HexFormat.of().formatHex(d)).append('\n'));
    return HexFormat.of().formatHex(TextFile.sha256(all.toString().getBytes(StandardCharsets.UTF_8)));
  }

  private static synchronized void remember(Model m, Entry e) {
    KNOWN.addFirst(new Known(new WeakReference<>(m), e));
    while (KNOWN.size() > KNOWN_LIMIT) {
      KNOWN.removeLast();
    }
  }

  private static synchronized Entry entryOf(Model m) {
    for (Known k : KNOWN) {
      if (k.model().get() == m) {
        return k.entry();
      }
    }
    return null;
  }

  /**
   * The entry's name: the build and the path as given, with the working folder when it is relative
   * (diagnostics name files as the user wrote them, so another spelling is another entry).
   */
  private static String key(Path file) {
    String what = build() + "\n" + (file.isAbsolute() ? "" : Path.of("").toAbsolutePath()) + "\n" + file;
    return HexFormat.of().formatHex(TextFile.sha256(what.getBytes(StandardCharsets.UTF_8)), 0, 16);
  }

  /**
   * This build of accord: the size and time of the jar (or of the class files) the engine was
   * loaded from. A rebuilt accord may resolve the same files differently, so it starts afresh.
   */
  public static String build() {
    String b = build;
    if (b == null) {
      StringBuilder out = new StringBuilder("format " + ModelCodec.FORMAT);
      try {
        Path at = Path.of(ModelCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(at)) {
          // running from class folders (tests, an IDE): every engine class file counts
          try (var files = Files.walk(at)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
              out.append('\n').append(at.relativize(f)).append(' ').append(Files.size(f)).append(' ')
                  .append(Files.getLastModifiedTime(f).toMillis());
            }
          }
        } else {
          out.append('\n').append(at).append(' ').append(Files.size(at)).append(' ')
              .append(Files.getLastModifiedTime(at).toMillis());
        }
      } catch (Exception e) {
        // no location to tell builds apart: a key no other build shares, so nothing is reused
        out.append("\nunknown ").append(System.nanoTime());
      }
      b = HexFormat.of().formatHex(TextFile.sha256(out.toString().getBytes(StandardCharsets.UTF_8)));
      build = b;
    }
    return b;
  }

  /** The entry in {@code file} if it is whole, of this build, and its sources unchanged; else null. */
  private static Entry read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return null;
    }
    try {
      if (bytes.length < 12) {
        return null;
      }
      CRC32C crc = new CRC32C();
      crc.update(bytes, 0, bytes.length - 4);
      ByteBuffer in = ByteBuffer.wrap(bytes);
      if (in.getInt(bytes.length - 4) != (int) crc.getValue()) {
        return null;
      }
      if (in.getInt() != MAGIC || in.getInt() != ModelCodec.FORMAT || !text(in).equals(build())) {
        return null;
      }
      Map<String, byte[]> sources = new LinkedHashMap<>();
      for (int n = in.getInt(); n > 0; n--) {
        String path = text(in);
        byte[] digest = blob(in);
        byte[] now;
        try {
          now = TextFile.sha256(Files.readAllBytes(Path.of(path)));
        } catch (IOException gone) {
          return null;
        }
        if (!Arrays.equals(now, digest)) {
          return null;
        }
        sources.put(path, digest);
      }
      byte[] model = blob(in);
      Map<String, byte[]> structures = new LinkedHashMap<>();
      for (int n = in.getInt(); n > 0; n--) {
        structures.put(text(in), blob(in));
      }
      return new Entry(file, sources, model, structures);
    } catch (RuntimeException corrupt) {
      return null;
    }
  }

  /** Writes an entry whole or not at all: a temporary file beside it, moved over it when complete. */
  private static void write(Entry e) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(e.model().length + (1 << 16));
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(MAGIC);
      out.writeInt(ModelCodec.FORMAT);
      text(out, build());
      out.writeInt(e.sources().size());
      for (Map.Entry<String, byte[]> s : e.sources().entrySet()) {
        text(out, s.getKey());
        blob(out, s.getValue());
      }
      blob(out, e.model());
      out.writeInt(e.structures().size());
      for (Map.Entry<String, byte[]> s : e.structures().entrySet()) {
        text(out, s.getKey());
        blob(out, s.getValue());
      }
      CRC32C crc = new CRC32C();
      byte[] body = bytes.toByteArray();
      crc.update(body);
      out.writeInt((int) crc.getValue());
      out.flush();
      Files.createDirectories(e.file().getParent());
      prune(e.file().getParent(), e.file());
      Path tmp = Files.createTempFile(e.file().getParent(), ".accord-", ".tmp");
      try {
        Files.write(tmp, bytes.toByteArray());
        Files.move(tmp, e.file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException | RuntimeException unwritable) {
      // a read-only or full disk: the command goes on without the cache
    }
  }

  /** Entries kept in a folder; beyond it the least recently written go (other builds' and files'). */
  static final int KEEP = 24;

  private static void prune(Path folder, Path keep) throws IOException {
    java.util.List<Path> entries;
    try (var files = Files.list(folder)) {
      entries = files.filter(f -> f.getFileName().toString().endsWith(".model") && !f.equals(keep)).toList();
    }
    if (entries.size() < KEEP) {
      return;
    }
    java.util.List<Path> oldestFirst = new java.util.ArrayList<>(entries);
    oldestFirst.sort(java.util.Comparator.comparingLong(f -> f.toFile().lastModified()));
    for (Path f : oldestFirst.subList(0, entries.size() - KEEP + 1)) {
      Files.deleteIfExists(f);
    }
  }

  private static void text(DataOutputStream out, String s) throws IOException {
    blob(out, s.getBytes(StandardCharsets.UTF_8));
  }

  private static void blob(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  private static String text(ByteBuffer in) {
    return new String(blob(in), StandardCharsets.UTF_8);
  }

  private static byte[] blob(ByteBuffer in) {
    int n = in.getInt();
    if (n < 0 || n > in.remaining()) {
      throw new IllegalStateException("a length of " + n + " with " + in.remaining() + " bytes left");
    }
    byte[] b = new byte[n];
    in.get(b);
    return b;
  }
}
