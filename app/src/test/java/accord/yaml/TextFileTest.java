package accord.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import accord.lang.ModelException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario file that is not UTF-8 text is named for what it is, at the first bad byte where it has one. */
class TextFileTest {

  private static final String SCENARIO = "model: sim.acc\nname: \"sc\u00e9nario\"\nperiods: 10\n";

  private static String error(Path file) {
    try {
      TextFile.read(file, "scenario file");
    } catch (ModelException e) {
      return e.render();
    }
    throw new AssertionError(file + " was read");
  }

  @Test
  void utf16AndUtf32AreNamedWithOrWithoutAByteOrderMark(@TempDir Path dir) throws Exception {
    for (String cs : new String[] {"UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32", "UTF-32LE"}) {
      Path f = dir.resolve(cs + ".yaml");
      Files.write(f, SCENARIO.getBytes(Charset.forName(cs)));
      String wide = cs.substring(0, 6);
      assertThat(error(f)).as(cs).startsWith(f + ": error[E335]: the scenario file is " + wide
          + " text; it must be UTF-8\n").contains("= help: save it as UTF-8");
    }
  }

  @Test
  void latin1IsShownAtItsFirstByteThatIsNotUtf8(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("latin1.yaml");
    Files.write(f, SCENARIO.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(error(f)).startsWith(f + ":2:10: error[E335]: byte 0xE9 is not UTF-8: the scenario file is in another "
        + "encoding (Latin-1 or Windows-1252, perhaps) or is not text\n  2 | name: \"sc\ufffdnario\"\n    |          ^\n");
  }

  @Test
  void aFolderOrAMissingFileIsSaidSo(@TempDir Path dir) {
    assertThat(error(dir)).startsWith(dir + ": error[E303]: this is a folder, not a scenario file");
    Path missing = dir.resolve("missing.yaml");
    assertThat(error(missing)).startsWith(missing + ": error[E303]: cannot read the scenario file: no such file");
  }

  @Test
  void utf8IsReadWithOrWithoutAByteOrderMark(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("ok.yaml");
    Files.writeString(f, SCENARIO);
    assertThat(TextFile.read(f, "scenario file").text()).isEqualTo(SCENARIO);
    Files.write(f, ("\ufeff" + SCENARIO).getBytes(StandardCharsets.UTF_8));
    assertThat(TextFile.read(f, "scenario file").text()).isEqualTo("\ufeff" + SCENARIO);
    assertThatThrownBy(() -> TextFile.read(dir.resolve("nothing"), "scenario file")).isInstanceOf(ModelException.class);
  }
}
