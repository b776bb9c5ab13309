package accord.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import accord.lang.ModelException;
import accord.model.Model;
import accord.model.ModelLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --vars: split on the commas outside brackets; names, elements and * patterns; no match is an error. */
class SeriesSelectionTest {

  static Model model;

  @BeforeAll
  static void load(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("trade.acc"), """
        model TRADE "a two-index series for the patterns"
        set Region = {USA, CHN, EUR}
        set Sector = {ELE, AUT}
        param share[Region, Sector] = 0.5
        exogenous gdp[Region] = 100
        var flow[Region, Sector] = 0
        var total = 0
        flow[r, s] = share[r, s]*gdp[r]     for r in Region, s in Sector
        total = sum(gdp[r] for r in Region)
        """);
    model = ModelLoader.load(file);
  }

  @Test
  void splitsOnCommasOutsideBracketsOnly() {
    assertThat(SeriesSelection.split("GDP,TBG[USA,CHN], QS[*,ELE] ,x")).containsExactly("GDP", "TBG[USA,CHN]",
        "QS[*,ELE]", "x");
    assertThat(SeriesSelection.split("Y")).containsExactly("Y");
    assertThat(SeriesSelection.split(",,Y,")).containsExactly("Y");
  }

  @Test
  void aBareNameIsEveryElementAndStarsMatchTheirPlace() {
    assertThat(labels("flow")).containsExactly("flow[USA,ELE]", "flow[USA,AUT]", "flow[CHN,ELE]", "flow[CHN,AUT]",
        "flow[EUR,ELE]", "flow[EUR,AUT]");
    assertThat(labels("flow[*,AUT]")).containsExactly("flow[USA,AUT]", "flow[CHN,AUT]", "flow[EUR,AUT]");
    assertThat(labels("flow[CHN,*]")).containsExactly("flow[CHN,ELE]", "flow[CHN,AUT]");
    assertThat(labels("flow[*,*]")).hasSize(6);
    assertThat(labels("flow[EUR, ELE]")).containsExactly("flow[EUR,ELE]");
    assertThat(labels("total")).containsExactly("total");
    assertThat(labels("share[USA,*]")).containsExactly("share[USA,ELE]", "share[USA,AUT]");
  }

  @Test
  void patternsKeepTheirOrderAndEachSeriesOnce() {
    List<Integer> slots = SeriesSelection.slots(model, List.of("total", "gdp[CHN]", "gdp", "total"));
    assertThat(slots.stream().map(s -> model.slots().get(s).label()).toList())
        .containsExactly("total", "gdp[CHN]", "gdp[USA]", "gdp[EUR]");
  }

  @Test
  void aPatternMatchingNothingIsAnErrorWithADidYouMean() {
    assertThatThrownBy(() -> SeriesSelection.slots(model, List.of("flwo", "flow[USA]", "flow[USA,ELX]", "total[USA]")))
        .isInstanceOfSatisfying(ModelException.class, e -> {
          assertThat(e.diagnostics()).extracting(d -> d.code()).containsOnly("E404");
          assertThat(e.render()).contains("error[E404]: --vars flwo matches no series of model TRADE",
              "did you mean 'flow'?", "flow has 2 indices: flow[Region,Sector]",
              "did you mean 'ELE'? 'ELX' is not in Sector (ELE, AUT)", "'total' has no indices: write total",
              "4 errors");
        });
  }

  private static List<String> labels(String pattern) {
    return SeriesSelection.match(model, pattern).stream().map(s -> model.slots().get(s).label()).toList();
  }
}
