package accord.yaml;

import accord.lang.Diagnostic;
import accord.lang.ModelException;
import accord.lang.SourceFile;
import accord.lang.Span;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A scenario file read as UTF-8 text. What cannot be read that way is named for what it is (a
 * folder, UTF-16 or UTF-32 text, a byte that is not UTF-8, at its line and column), so that the
 * user learns what to change, not only that reading failed.
 */
public final class TextFile {

  private TextFile() {
  }

  /** The text of {@code file}, or a {@link ModelException} (E303, E335) saying why it is not UTF-8 text. */
  public static SourceFile read(Path file, String what) {
    Span whole = new Span(new SourceFile(file.toString(), ""), 0, 0, 0);
    if (Files.isDirectory(file)) {
      throw new ModelException(Diagnostic.error("E303", whole, "this is a folder, not a " + what)
          .withHint("give the path of a .yaml file"));
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (AccessDeniedException e) {
      throw new ModelException(Diagnostic.error("E303", whole, "cannot read the " + what + ": permission denied")
          .withHint("check the file's permissions"));
    } catch (IOException e) {
      throw new ModelException(Diagnostic.error("E303", whole, "cannot read the " + what
          + (Files.exists(file) ? "" : ": no such file")).withHint(Files.exists(file) ? "check the file's permissions"
          : "looked for " + file.toAbsolutePath().normalize()));
    }
    String wide = wideEncoding(bytes);
    if (wide != null) {
      throw new ModelException(Diagnostic.error("E335", whole, "the " + what + " is " + wide + " text; it must be "
          + "UTF-8").withHint("save it as UTF-8 (in most editors: Save As, then the encoding UTF-8)"));
    }
    CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = strict.decode(in, out, true);
    if (result.isError()) {
      int at = in.position();
      // the text with a replacement character for every bad byte, so the caret line can be shown
      SourceFile lossy = new SourceFile(file.toString(), new String(bytes, StandardCharsets.UTF_8));
      String before = new String(bytes, 0, at, StandardCharsets.UTF_8);
      int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
      int col = before.length() - (before.lastIndexOf('\n') + 1) + 1;
      throw new ModelException(Diagnostic.error("E335", new Span(lossy, line, col, 1), String.format("byte 0x%02X is "
          + "not UTF-8: the %s is in another encoding (Latin-1 or Windows-1252, perhaps) or is not text", bytes[at] & 0xFF,
          what)).withHint("save it as UTF-8 (in most editors: Save As, then the encoding UTF-8)"));
    }
    return new SourceFile(file.toString(), out.flip().toString());
  }

  /**
   * "UTF-16" or "UTF-32" when the bytes are text in one of them (a byte-order mark, or zero
   * bytes in every second or in three of every four places), else null.
   */
  static String wideEncoding(byte[] b) {
    if (startsWith(b, 0, 0, 0xFE, 0xFF) || startsWith(b, 0xFF, 0xFE, 0, 0)) {
      return "UTF-32";
    }
    if (startsWith(b, 0xFE, 0xFF) || startsWith(b, 0xFF, 0xFE)) {
      return "UTF-16";
    }
    int n = Math.min(b.length, 400);
    int[] zeros = new int[4];
    int total = 0;
    for (int i = 0; i < n; i++) {
      if (b[i] == 0) {
        zeros[i % 4]++;
        total++;
      }
    }
    if (n < 8 || total < n / 4) {
      return null;
    }
    if (total >= n / 2 + n / 8) {
      return "UTF-32";
    }
    boolean even = zeros[0] + zeros[2] >= 0.9 * total;
    boolean odd = zeros[1] + zeros[3] >= 0.9 * total;
    return even || odd ? "UTF-16" : null;
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
