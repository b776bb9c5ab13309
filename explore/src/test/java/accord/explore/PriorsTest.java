package accord.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import accord.lang.ModelException;
import accord.model.Model;
import accord.model.ModelLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad priors are refused when the file is read, at their line and column, with the parameter's declared range. */
class PriorsTest {

  @TempDir
  Path dir;

  Model toy;

  @BeforeEach
  void load() throws Exception {
    Toy.write(dir);
    toy = ModelLoader.load(dir.resolve("toy.acc"));
  }

  private String refusal(String row) throws Exception {
    Path f = dir.resolve("bad.csv");
    Files.writeString(f, "# a comment\nparameter,distribution,a,b,low,high,source\n" + row + "\n");
    try {
      Priors.load(f, toy);
    } catch (ModelException e) {
      return e.render().lines().findFirst().orElseThrow().replace(f.toString(), "bad.csv");
    }
    throw new AssertionError("accepted: " + row);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a,uniform,,,0.5,1.5,src | bad.csv:3:17: error[E607]: the prior of a can draw 1.5, outside its declared range [0, 1]",
      "a,lognormal,0.5,0.2,,,src | bad.csv:3:3: error[E607]: the prior of a can draw any value above every bound, outside its declared range [0, 1]",
      "b,normal,2,0.5,,,src | bad.csv:3:3: error[E607]: the prior of b can draw any value below every bound, outside its declared range (0, inf)",
      "b,uniform,,,0,3,src | bad.csv:3:13: error[E607]: the prior of b can draw 0, outside its declared range (0, inf)",
      "alpha,uniform,,,0,1,src | bad.csv:3:1: error[E602]: model TOY has no parameter 'alpha'",
      "Y,uniform,,,0,1,src | bad.csv:3:1: error[E603]: 'Y' is a variable, not a parameter",
      "a,gamma,1,1,,,src | bad.csv:3:3: error[E604]: unknown distribution 'gamma'",
      "a,triangular,0.5x,,0,1,src | bad.csv:3:14: error[E605]: '0.5x' in column a is not a finite number",
      "a,truncnormal,0.5,0,0,1,src | bad.csv:3:19: error[E606]: truncnormal: the standard deviation b must be above 0",
      "a,triangular,1.5,,0,1,src | bad.csv:3:14: error[E606]: triangular: the mode a (1.5) must be in [0, 1]",
      "a,uniform,,,0.8,0.2,src | bad.csv:3:17: error[E606]: uniform: high (0.2) must be above low (0.8)",
      "a,uniform,0.3,,0.1,0.9,src | bad.csv:3:11: error[E606]: uniform takes no 'a'",
      "a,uniform,,,0.1,0.9, | bad.csv:3:21: error[E609]: the prior of a names no source",
      "a,beta,2,2,0.1,0.9,\"Smith (2020), a range\" | ok"})
  void refusesABadPriorAtItsPlace(String row, String expected) throws Exception {
    if (expected.equals("ok")) {
      Path f = dir.resolve("good.csv");
      Files.writeString(f, "parameter,distribution,a,b,low,high,source\n" + row + "\n");
      Priors p = Priors.load(f, toy);
      assertThat(p.list().get(0).source()).isEqualTo("Smith (2020), a range");
      return;
    }
    assertThat(refusal(row)).isEqualTo(expected);
  }

  @Test
  void namesTheDeclaredRangeAndWhereItIsDeclared() throws Exception {
    Path f = dir.resolve("bad.csv");
    Files.writeString(f, "parameter,distribution,a,b,low,high,source\na,uniform,,,0.5,1.5,src\n");
    assertThatThrownBy(() -> Priors.load(f, toy)).isInstanceOf(ModelException.class)
        .satisfies(e -> assertThat(((ModelException) e).render()).contains("the range is declared at")
            .contains("toy.acc:2:").contains("= help: give low and high inside [0, 1]"));
  }

  @Test
  void refusesTwoPriorsOfOneElementAndAMissingColumn() throws Exception {
    assertThat(refusal("a,uniform,,,0.1,0.9,src\na,uniform,,,0.2,0.9,src"))
        .isEqualTo("bad.csv:4:1: error[E608]: a has two priors");
    Path f = dir.resolve("cols.csv");
    Files.writeString(f, "parameter,distribution,low,high,source\n");
    assertThatThrownBy(() -> Priors.load(f, toy)).isInstanceOf(ModelException.class)
        .satisfies(e -> assertThat(((ModelException) e).render()).startsWith(f + ":1:1: error[E601]: the priors file's "
            + "header lacks the columns a, b"));
  }

  @Test
  void theShippedPriorsFitTheWorldModel() {
    Model world = ModelLoader.load(Path.of("../models/world/world.acc"));
    Priors p = Priors.load(Path.of("../models/world/data/priors.csv"), world);
    assertThat(p.size()).isGreaterThanOrEqualTo(30);
    assertThat(p.names()).contains("rhoR", "phipi", "lam", "psi", "chi", "xi", "kap", "kapm", "omega", "thr");
    // one draw in each prior's support, and within each parameter's declared range
    for (int i = 0; i < 200; i++) {
      double[] x = p.draw(11, i);
      for (int k = 0; k < x.length; k++) {
        for (int slot : p.list().get(k).slots()) {
          assertThat(world.slots().get(slot).range().contains(x[k])).isTrue();
        }
      }
    }
  }
}
