package accord.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import accord.model.Model;
import accord.sim.Run;
import org.junit.jupiter.api.Test;

/** Declared ranges: the syntax, inclusive and exclusive bounds, and where a value outside one is refused. */
class RangeTest {

  @Test
  void boundsAreInclusiveWithSquareBracketsAndExclusiveWithRoundOnes() {
    Model m = Run.model("""
        model R
        set K = {A, B}
        param s[K] = {A: 0, B: 1} in [0, 1] "a share"
        param t = 0.5 in (-1, inf)
        exogenous p = [1, 2, 3] in [-inf, 10]
        param u = 2
        Y = s[A] + t + p + u
        """);
    Range share = m.slots().get(m.slotOf("s[B]")).range();
    assertThat(share.contains(0)).isTrue();
    assertThat(share.contains(1)).isTrue();
    assertThat(share.contains(1.0000001)).isFalse();
    assertThat(share.contains(Double.NaN)).isFalse();
    assertThat(share.toString()).isEqualTo("[0, 1]");
    Range tariff = m.slots().get(m.slotOf("t")).range();
    assertThat(tariff.contains(-1)).isFalse();
    assertThat(tariff.contains(-0.999)).isTrue();
    assertThat(tariff.contains(1e300)).isTrue();
    assertThat(tariff.toString()).isEqualTo("(-1, inf)");
    assertThat(m.slots().get(m.slotOf("p")).range().contains(-1e300)).isTrue();
    assertThat(m.slots().get(m.slotOf("u")).range()).isSameAs(Range.ANY);
    assertThat(m.slots().get(m.slotOf("Y")).range()).isSameAs(Range.ANY);
  }

  @Test
  void aValueOutsideItsRangeIsRefusedAtTheValueThatGivesIt() {
    ModelException e = catchThrowableOfType(() -> Run.model("""
        model R
        set K = {A, B}
        param s[K] = {A: 0.5, B: 1.5} in [0, 1]
        exogenous p = [1, 2, 30] in [0, 10]
        param t = -1 in (-1, inf)
        Y = s[A] + p + t
        """), ModelException.class);
    assertThat(e.diagnostics()).extracting(d -> d.code() + " " + d.span().line() + ":" + d.span().col() + " " + d.message())
        .containsExactly(
            "E129 3:26 s[B] must be in [0, 1]; its value is 1.5",
            "E129 4:22 p must be in [0, 10]; its value in period 3 is 30",
            "E129 5:11 t must be in (-1, inf); its value is -1");
  }

  @Test
  void malformedRangesAreSyntaxErrors() {
    for (String bad : new String[] {"param a = 0.5 in 0, 1", "param a = 0.5 in [0 1]", "param a = 0.5 in [0, x]",
        "param a = 0.5 in [1, 0]", "param a = 0.5 in (1, 1]", "param a = 0.5 in [0, 1) 2"}) {
      ModelException e = catchThrowableOfType(() -> Run.model("model R\n" + bad + "\nY = a\n"), ModelException.class);
      assertThat(e).as(bad).isNotNull();
      assertThat(e.diagnostics().get(0).code()).as(bad).isIn("E036", "E030", "E033");
      assertThat(e.diagnostics().get(0).span().line()).isEqualTo(2);
    }
  }
}
