package accord.lang;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one way Accord reads a user's text file (models, scenarios, data): as UTF-8, a UTF-8 byte
 * order mark skipped. Anything else is refused with what the file is (a folder, UTF-16 text, a
 * binary file, text that is not valid UTF-8 at a given byte) and what was expected.
 */
public final class TextFile {

  /** What every reader expects, for the hints. */
  static final String EXPECTED = "Accord reads text files in UTF-8";

  private TextFile() {
  }

  /**
   * Why a file could not be read: {@link #getMessage()} says what the file is ("is a folder"),
   * {@link #hint()} what was expected. {@code line} and {@code col} (1-based) place a bad byte
   * in the file; 0 when the problem is the whole file.
   */
  public static final class Unreadable extends IOException {
    private final transient Path file;
    private final boolean notText;
    private final String hint;
    private final int line;
    private final int col;

    Unreadable(Path file, boolean notText, String problem, String hint, int line, int col) {
      super(problem);
      this.file = file;
      this.notText = notText;
      this.hint = hint;
      this.line = line;
      this.col = col;
    }

    /**
     * True when the file is there but is not UTF-8 text (a folder, binary, UTF-16, invalid
     * bytes): E128 from {@link #diagnostic}. False when it is missing or unreadable, which
     * callers report in their own words with {@link #hint()}.
     */
    public boolean notText() {
      return notText;
    }

    public String hint() {
      return hint;
    }

    /**
     * The E128 diagnostic: "{what} {file} {problem}", at the bad byte when there is one, else at
     * {@code from} (an include, a data file's declaration) when it has a place, else at the
     * file (line 1 for UTF-16 text, no line for a folder).
     */
    public Diagnostic diagnostic(String what, String shownName, Span from) {
      Span at;
      boolean wholeFile = line == 1 && col == 1 && getMessage().startsWith("is UTF-16");
      if (line > 0 && !(wholeFile && from != null && from.line() > 0)) {
        at = new Span(new SourceFile(shownName, ""), line, col, 1);
      } else if (from != null && from.line() > 0) {
        at = from;
      } else {
        at = new Span(new SourceFile(shownName, ""), 0, 0, 0);
      }
      return new Diagnostic("E128", at, what + " " + shownName + " " + getMessage(), hint);
    }

    public Path file() {
      return file;
    }
  }

  /** The text of {@code file}; throws {@link Unreadable} saying what the file is instead. */
  public static String read(Path file) throws Unreadable {
    if (Files.isDirectory(file)) {
      throw new Unreadable(file, true, "is a folder, not a file", "expected a UTF-8 text file: give the path of a"
          + " file, not of a folder", 0, 0);
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new Unreadable(file, false, "does not exist", "no such file: " + file.toAbsolutePath().normalize(), 0, 0);
    } catch (AccessDeniedException e) {
      throw new Unreadable(file, false, "cannot be read: permission denied", "check the file's permissions", 0, 0);
    } catch (IOException e) {
      throw new Unreadable(file, false, "cannot be read (" + e.getMessage() + ")", "check that it is a file", 0, 0);
    }
    Reads reads = RECORDING.get();
    if (reads != null) {
      reads.add(file, bytes);
    }
    return decode(file, bytes);
  }

  private static final ThreadLocal<Reads> RECORDING = new ThreadLocal<>();

  /**
   * Starts recording, on this thread, every file {@link #read} reads and the bytes it read, until
   * {@link Reads#close}: how the model cache learns which files (model, includes, data) a model was
   * made from without every stage passing a list down. Thread-local so that two models loading on
   * two threads each record their own.
   */
  public static Reads record() {
    Reads r = new Reads(RECORDING.get());
    RECORDING.set(r);
    return r;
  }

  /** The files read while recording, in order, each with the SHA-256 of the bytes read. */
  public static final class Reads implements AutoCloseable {
    private final Reads outer;
    private final java.util.Map<Path, byte[]> files = new java.util.LinkedHashMap<>();

    private Reads(Reads outer) {
      this.outer = outer;
    }

    void add(Path file, byte[] bytes) {
      files.put(file.toAbsolutePath().normalize(), sha256(bytes));
      if (outer != null) {
        outer.add(file, bytes);
      }
    }

    /** Absolute paths and the digests of what was read from them. */
    public java.util.Map<Path, byte[]> files() {
      return java.util.Collections.unmodifiableMap(files);
    }

    @Override
    public void close() {
      RECORDING.set(outer);
    }
  }

  /** The SHA-256 digest of {@code bytes}. */
  public static byte[] sha256(byte[] bytes) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /** {@code bytes} as UTF-8 text (a BOM dropped), or why they are not. */
  static String decode(Path file, byte[] bytes) throws Unreadable {
    int start = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      start = 3;   // a UTF-8 byte order mark, as Windows editors write: fine
    } else if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
        || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)) {
      throw utf16(file, (bytes[0] & 0xFF) == 0xFF ? "little-endian, with a byte order mark"
          : "big-endian, with a byte order mark");
    }
    int nul = indexOf(bytes, start, (byte) 0);
    if (nul >= 0) {
      String order = utf16Order(bytes, start);
      if (order != null) {
        throw utf16(file, order);
      }
      throw new Unreadable(file, true, "is a binary file, not text (it holds a NUL byte at byte " + (nul + 1) + ")",
          EXPECTED + ": is this the file you meant?", lineOf(bytes, nul), colOf(bytes, nul));
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length - start + 1);
    CoderResult r = decoder.decode(in, out, true);
    if (r.isError()) {
      int at = in.position();
      throw new Unreadable(file, true, "is not valid UTF-8 text: byte " + (at + 1) + " is 0x"
          + String.format("%02X", bytes[at] & 0xFF), EXPECTED + "; this one may be Latin-1 or Windows-1252: save it"
          + " as UTF-8 (most editors offer the encoding under Save As)", lineOf(bytes, at), colOf(bytes, at));
    }
    decoder.flush(out);
    out.flip();
    return out.toString();
  }

  private static Unreadable utf16(Path file, String order) {
    return new Unreadable(file, true, "is UTF-16 text (" + order + "), not UTF-8",
        EXPECTED + ": save it as UTF-8 (most editors offer the encoding under Save As)", 1, 1);
  }

  /**
   * "little-endian" or "big-endian" when NUL bytes sit at every other position of the start of
   * the file, as in UTF-16 text of ASCII characters without a byte order mark; else null.
   */
  private static String utf16Order(byte[] b, int start) {
    int n = Math.min(b.length - start, 512) & ~1;
    if (n < 2) {
      return null;
    }
    int evenNul = 0;
    int oddNul = 0;
    for (int i = 0; i < n; i++) {
      if (b[start + i] == 0) {
        if (i % 2 == 0) {
          evenNul++;
        } else {
          oddNul++;
        }
      }
    }
    int pairs = n / 2;
    if (oddNul >= pairs * 0.9 && evenNul == 0) {
      return "little-endian, without a byte order mark";
    }
    if (evenNul >= pairs * 0.9 && oddNul == 0) {
      return "big-endian, without a byte order mark";
    }
    return null;
  }

  private static int indexOf(byte[] b, int from, byte v) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == v) {
        return i;
      }
    }
    return -1;
  }

  private static int lineOf(byte[] b, int at) {
    int line = 1;
    for (int i = 0; i < at; i++) {
      if (b[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  /** The 1-based column of byte {@code at}, counting characters (not bytes) on its line. */
  private static int colOf(byte[] b, int at) {
    int col = 1;
    for (int i = at - 1; i >= 0 && b[i] != '\n'; i--) {
      if ((b[i] & 0xC0) != 0x80) {
        col++;
      }
    }
    return col;
  }
}
