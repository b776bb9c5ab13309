package accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import accord.cli.CommandLineTest.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are not UTF-8 text, generated here (a binary fixture cannot sit in the malformed
 * folder, whose header lines are read as text): every reader (model, include, data CSV, scenario)
 * says what the file is and that UTF-8 text was expected, naming the file; a UTF-8 BOM is fine.
 */
class FileKindTest {

  private static final String MODEL = "model T\nexogenous g = 2\nY = g\n";
  private static final String SCENARIO = "model: ok.acc\nperiods: 3\n";

  private static Outcome check(Path file) {
    return CommandLineTest.accord("check", file.toString());
  }

  private static Outcome run(Path file) {
    return CommandLineTest.accord("run", file.toString());
  }

  private static String firstLine(Outcome o) {
    return o.err().lines().findFirst().orElse("");
  }

  private static void assertRefused(Outcome o, String file, String what) {
    assertThat(o.code()).as(o.err()).isEqualTo(1);
    assertThat(firstLine(o)).contains(file).contains("error[E128]").contains(what);
    assertThat(o.err()).contains("UTF-8").doesNotContain("Exception").doesNotContain("permissions")
        .doesNotContain("no such file");
  }

  @Test
  void aFolderIsNamedAsAFolder(@TempDir Path dir) throws IOException {
    Path model = Files.createDirectory(dir.resolve("model.acc"));
    assertRefused(check(model), "model.acc", "is a folder, not a file");
    Path scenario = Files.createDirectory(dir.resolve("scenario.yaml"));
    assertRefused(run(scenario), "scenario.yaml", "is a folder, not a file");
  }

  @Test
  void aBinaryFileIsNamedAsBinaryAtItsFirstNulByte(@TempDir Path dir) throws IOException {
    byte[] bytes = new byte[4096];
    new Random(5).nextBytes(bytes);
    bytes[100] = 0;
    bytes[50] = '\n';
    for (int i = 0; i < 100; i++) {
      bytes[i] = bytes[i] == 0 || bytes[i] == '\n' && i != 50 ? (byte) 'x' : bytes[i];
    }
    Path model = Files.write(dir.resolve("random.acc"), bytes);
    Outcome o = check(model);
    assertRefused(o, "random.acc", "is a binary file, not text");
    assertThat(firstLine(o)).matches(".*random\\.acc:2:\\d+: error\\[E128\\].*");
  }

  @Test
  void utf16IsNamedWithOrWithoutAByteOrderMark(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("ok.acc"), MODEL);
    for (String charset : new String[] {"UTF-16", "UTF-16LE", "UTF-16BE"}) {
      Path model = Files.write(dir.resolve(charset + ".acc"), MODEL.getBytes(charset));
      assertRefused(check(model), charset + ".acc", "is UTF-16 text");
      Path scenario = Files.write(dir.resolve(charset + ".yaml"), SCENARIO.getBytes(charset));
      Outcome o = run(scenario);
      assertRefused(o, charset + ".yaml", "is UTF-16 text");
      assertThat(firstLine(o)).contains("scenario file");
    }
  }

  @Test
  void textThatIsNotUtf8IsPlacedAtItsFirstBadByte(@TempDir Path dir) throws IOException {
    Path model = Files.write(dir.resolve("latin1.acc"), "model T\n# café\nY = 1\n".getBytes(StandardCharsets.ISO_8859_1));
    Outcome o = check(model);
    assertRefused(o, "latin1.acc", "is not valid UTF-8 text: byte 14 is 0xE9");
    assertThat(firstLine(o)).contains("latin1.acc:2:6:");
  }

  @Test
  void includesAndDataFilesAreCheckedTheSameWay(@TempDir Path dir) throws IOException {
    Files.write(dir.resolve("inc.acc"), "Y = 1\n".getBytes("UTF-16"));
    Files.write(dir.resolve("data.csv"), "period,G\n1,2\n".getBytes("UTF-16LE"));
    Files.createDirectory(dir.resolve("folder.csv"));
    Outcome inc = check(Files.writeString(dir.resolve("a.acc"), "model T\ninclude \"inc.acc\"\n"));
    assertRefused(inc, "inc.acc", "model file");
    Outcome data = check(Files.writeString(dir.resolve("b.acc"), "model T\nexogenous G = file \"data.csv\"\nY = G\n"));
    assertRefused(data, "data.csv", "is UTF-16 text");
    assertThat(firstLine(data)).contains("b.acc:2:15:").contains("data file");
    Outcome folder = check(Files.writeString(dir.resolve("c.acc"), "model T\nexogenous G = file \"folder.csv\"\nY = G\n"));
    assertRefused(folder, "folder.csv", "is a folder");
  }

  @Test
  void aUtf8ByteOrderMarkIsAccepted(@TempDir Path dir) throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    Path model = dir.resolve("ok.acc");
    Files.write(model, concat(bom, MODEL.getBytes(StandardCharsets.UTF_8)));
    assertThat(check(model).code()).isZero();
    Path scenario = dir.resolve("s.yaml");
    Files.write(scenario, concat(bom, SCENARIO.getBytes(StandardCharsets.UTF_8)));
    Outcome o = run(scenario);
    assertThat(o.code()).as(o.err()).isZero();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
