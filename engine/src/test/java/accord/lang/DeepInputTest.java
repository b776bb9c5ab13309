package accord.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import accord.model.Model;
import accord.model.Printer;
import accord.sim.Results;
import accord.sim.Run;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Generated models of extreme size: long chains of operators go through every stage (parse,
 * resolve, structure, derivatives, compiled code, printing) on the default thread stack and give
 * the right number; nesting deeper than the parser's limits is a positioned error, never a
 * StackOverflowError.
 */
class DeepInputTest {

  private static final int TERMS = 100_000;

  /** The value of {@code label} in 1-based {@code period}. */
  private static double value(Results r, String label, int period) {
    return r.rows()[period - 1][r.model().slotOf(label)];
  }

  @Test
  void aSumOfAHundredThousandTermsWithRandomSignsRuns() {
    Random random = new Random(9);
    StringBuilder text = new StringBuilder("model S\nexogenous g = 2\nx = g*1");
    long expected = 2;
    for (int i = 2; i <= TERMS; i++) {
      boolean minus = random.nextBoolean();
      text.append(minus ? " - g*" : " + g*").append(i);
      expected += minus ? -2L * i : 2L * i;
    }
    Results r = Run.of(text + "\n", 3);
    Model m = r.model();
    // every partial sum is an integer below 2^53, so any order of summation is exact
    assertThat(value(r, "x", 2)).isEqualTo((double) expected);
    assertThat(Printer.print(m.equations().get(0).rhs(), m.slots())).startsWith("g * 1 ").hasSizeGreaterThan(TERMS * 5);
  }

  @Test
  void aSumOfAHundredThousandDeclaredNamesRuns() {
    StringBuilder text = new StringBuilder("model T\n");
    for (int i = 1; i <= TERMS; i++) {
      text.append("param a").append(i).append(" = ").append(i).append('\n');
    }
    text.append("x = a1");
    for (int i = 2; i <= TERMS; i++) {
      text.append(" + a").append(i);
    }
    Results r = Run.of(text + "\n", 2);
    assertThat(value(r, "x", 2)).isEqualTo(TERMS * (TERMS + 1.0) / 2);
  }

  @Test
  void aLongSumInASimultaneousBlockIsDifferentiated() {
    // x = 0.5 x + S is solved by Newton, whose Jacobian differentiates the whole sum: x = 2 S
    StringBuilder text = new StringBuilder("model S\nexogenous g = 1\nx = 0.5*x + g");
    for (int i = 2; i <= TERMS; i++) {
      text.append(i % 2 == 0 ? " - g" : " + g");
    }
    Results r = Run.of(text + "\n", 2);
    assertThat(value(r, "x", 2)).isCloseTo(0.0, within(1e-9));
  }

  @Test
  void aProductOfAHundredThousandFactorsRuns() {
    Random random = new Random(10);
    StringBuilder text = new StringBuilder("model P\nexogenous a = 2\nexogenous b = 0.5\ny = a");
    int exponent = 1;
    for (int i = 1; i < TERMS; i++) {
      boolean divide = random.nextBoolean();
      boolean two = random.nextBoolean();
      text.append(divide ? " / " : " * ").append(two ? "a" : "b");
      exponent += (divide ? -1 : 1) * (two ? 1 : -1);
    }
    Results r = Run.of(text + "\n", 2);
    assertThat(value(r, "y", 2)).isEqualTo(Math.pow(2, exponent));
  }

  @Test
  void longChainsOfAndAndOrRun() {
    int n = TERMS / 5;
    String and = "g > 0" + " and g > 0".repeat(n);
    String or = "g < 0" + " or g < 0".repeat(n) + " or g > 0";
    String text = "model L\nexogenous g = 1\nx = if " + and + " then 1 else 0\ny = if " + or + " then 1 else 0\n";
    Results r = Run.of(text, 2);
    assertThat(value(r, "x", 2)).isEqualTo(1.0);
    assertThat(value(r, "y", 2)).isEqualTo(1.0);
  }

  @Test
  void aSumOverALargeSetRuns() {
    int n = 20_000;
    StringBuilder set = new StringBuilder("set K = {k1");
    for (int i = 2; i <= n; i++) {
      set.append(", k").append(i);
    }
    String text = "model K\n" + set + "}\nparam w[K] = 1\nx = sum(w[k] for k in K)\n";
    assertThat(value(Run.of(text, 2), "x", 2)).isEqualTo(n);
  }

  @Test
  void balancedChainsKeepTheValueOfEveryMixOfOperators() {
    Random random = new Random(11);
    for (int trial = 0; trial < 50; trial++) {
      int n = 64 + random.nextInt(300);
      StringBuilder text = new StringBuilder("model M\nexogenous g = 3\nx = g");
      StringBuilder product = new StringBuilder("\ny = g");
      double sum = 3;
      double prod = 3;
      for (int i = 1; i < n; i++) {
        int k = 1 + random.nextInt(9);
        boolean inverse = random.nextBoolean();
        text.append(inverse ? " - " : " + ").append(k);
        sum += inverse ? -k : k;
        int p = random.nextBoolean() ? 2 : 4;
        boolean divide = random.nextBoolean();
        product.append(divide ? " / " : " * ").append(p);
        prod = divide ? prod / p : prod * p;
      }
      String model = text.toString() + product + "\n";
      Results r = Run.of(model, 2);
      assertThat(value(r, "x", 2)).as("sum of %d terms", n).isEqualTo(sum);
      assertThat(value(r, "y", 2)).as("product of %d factors", n).isEqualTo(prod);
    }
  }

  @Test
  void deepNestingIsAPositionedError() {
    int d = 5000;
    assertTooDeep("x = " + "(".repeat(d) + "1" + ")".repeat(d), 5 + Parser.MAX_NESTING);
    assertTooDeep("x = " + "-".repeat(d) + "1", 5 + Parser.MAX_NESTING);
    assertTooDeep("x = " + "not ".repeat(d) + "1", 5 + 4 * Parser.MAX_NESTING);
    assertTooDeep("x = 2" + "^2".repeat(d), 5 + 2 * Parser.MAX_NESTING);
    assertTooDeep("x = " + "exp(".repeat(d) + "1" + ")".repeat(d), -1);
    assertTooDeep("x = " + "if 1 > 0 then ".repeat(d) + "1" + " else 0".repeat(d), -1);
    assertTooDeep("x = " + "abs(sum(".repeat(d) + "1" + " for k in K))".repeat(d), -1);
  }

  @Test
  void shallowNestingOfLongChainsIsAPositionedErrorPastTheHeightLimit() {
    // ten levels of 60-term sums: 600 operations deep, no level close to the nesting limit
    String inner = "g";
    for (int level = 0; level < 10; level++) {
      inner = "(" + inner + " + 1".repeat(60) + ")";
    }
    Throwable t = catchModelError("model H\nexogenous g = 1\nx = " + inner + "\n");
    assertThat(t).isInstanceOf(ModelException.class);
    Diagnostic d = ((ModelException) t).diagnostics().get(0);
    assertThat(d.code()).isEqualTo("E035");
    assertThat(d.message()).contains("more than " + Parser.MAX_HEIGHT + " operations deep");
    assertThat(d.span().line()).isEqualTo(3);
  }

  @Test
  void justBelowTheLimitsRuns() {
    int d = Parser.MAX_NESTING - 1;
    String text = "model D\nexogenous g = 0.5\nx = 0.5*x*" + "(".repeat(d) + "g" + ")".repeat(d)
        + "\ny = 0.1 + 0.5*y*" + "-".repeat(d - 2) + "g\n";
    Results r = Run.of(text, 2);
    double sign = (d - 2) % 2 == 0 ? 1 : -1;
    assertThat(value(r, "y", 2)).isCloseTo(0.1 / (1 - 0.25 * sign), within(1e-12));
  }

  @Test
  void aStackTooSmallForTheLimitsStillGivesAnError() throws InterruptedException {
    // the limits fit a default stack; a thread with a tiny one still gets a diagnostic, not a crash
    int d = Parser.MAX_NESTING - 1;
    String text = "model D\nx = " + "(".repeat(d) + "1" + ")".repeat(d) + "\n";
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread small = new Thread(null, () -> {
      try {
        Run.model(text);
      } catch (Throwable t) {
        thrown.set(t);
      }
    }, "small", 96 * 1024);
    small.start();
    small.join();
    assertThat(thrown.get()).isInstanceOf(ModelException.class);
    assertThat(((ModelException) thrown.get()).diagnostics().get(0).code()).isEqualTo("E035");
  }

  private static void assertTooDeep(String equation, int col) {
    Throwable t = catchModelError("model D\nset K = {a}\n" + equation + "\n");
    assertThat(t).as(equation.substring(0, 20)).isInstanceOf(ModelException.class);
    List<Diagnostic> ds = ((ModelException) t).diagnostics();
    assertThat(ds).hasSize(1);
    Diagnostic d = ds.get(0);
    assertThat(d.code()).isEqualTo("E035");
    assertThat(d.message()).contains("nested more than " + Parser.MAX_NESTING + " levels");
    assertThat(d.span().line()).isEqualTo(3);
    if (col > 0) {
      assertThat(d.span().col()).as(equation.substring(0, 20)).isEqualTo(col);
    }
    assertThat(d.render()).contains("3:" + d.span().col()).contains("= help:");
  }

  private static Throwable catchModelError(String text) {
    try {
      Run.model(text);
      return null;
    } catch (RuntimeException | StackOverflowError e) {
      return e;
    }
  }
}
