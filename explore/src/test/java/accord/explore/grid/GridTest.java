package accord.explore.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import accord.explore.channels.Outputs;
import accord.lang.ModelException;
import accord.scenario.ScenarioFile;
import accord.scenario.ScenarioRunner;
import accord.sim.ProgressListener;
import accord.solve.SolverSettings;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

class GridTest {

  @TempDir
  static Path dir;
  static ScenarioFile two;

  /** A short scenario with a tariff, a counter-tariff and a withholding tax. */
  @BeforeAll
  static void scenario() throws IOException {
    two = ScenarioFile.load(Files.writeString(dir.resolve("grid.yaml"), """
        baseline: world-2024
        end: 2026Q1
        events:
          - {at: 2025Q2, tariff: {importer: USA, exporter: CHN, sectors: all, rate: 0.2}}
          - {at: 2025Q2, tariff: {importer: CHN, exporter: USA, sectors: all, rate: 0.1}}
          - at: 2025Q3
            capital_measure: {region: USA, kind: withholding_tax, on: interest, holders: foreign, rate: 0.3}
        """));
  }

  static void refused(ThrowingCallable call, String... parts) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.render()).contains(parts));
  }

  @Test
  void rangesAreDecimalAndIncludeBothEnds() {
    Vary v = Vary.parse("tariff.rate=0:1.5:0.1", 100);
    assertThat(v.values()).hasSize(16).startsWith(BigDecimal.ZERO, new BigDecimal("0.1"), new BigDecimal("0.2"));
    assertThat(v.values().get(3).toPlainString()).isEqualTo("0.3");
    assertThat(v.values().get(15).toPlainString()).isEqualTo("1.5");
    assertThat(Vary.parse("tariff[2].rate=1:0:-0.5", 100).values()).extracting(BigDecimal::toPlainString)
        .containsExactly("1", "0.5", "0");
    assertThat(Vary.parse("capital_measure.rate = 0.3:0.3:0.1", 100).values()).hasSize(1);
  }

  @Test
  void badGridsAreRefusedWithTheirReason() {
    refused(() -> Vary.parse("tariff.rate=0:1", 100), "E650", "LEVER.FIELD=FROM:TO:STEP");
    refused(() -> Vary.parse("tariff.rate=0:x:0.1", 100), "E650", "not a number");
    refused(() -> Vary.parse("tariff.rate=0:1:0", 100), "E654", "step of 0");
    refused(() -> Vary.parse("tariff.rate=0:1:-0.1", 100), "E654", "must be positive");
    refused(() -> Vary.parse("tariff[0].rate=0:1:0.1", 100), "E652", "counted from 1");
    refused(() -> Vary.parse("tariff.rate=0:100:0.001", Grid.MAX_POINTS), "E655", "at most " + Grid.MAX_POINTS);
    List<Vary> big = List.of(Vary.parse("tariff[1].rate=0:1:0.01", 2500), Vary.parse("tariff[2].rate=0:1:0.01", 2500));
    refused(() -> Grid.points(big), "E655", "101 x 101");
    var tb = Outputs.of(two.model(), "TB[USA]");
    refused(() -> Grid.run(two, List.of(Vary.parse("fiscal.rate=0:1:0.5", 100)), tb, 4, 1), "E651",
        "tariff, capital_measure");
    refused(() -> Grid.run(two, List.of(Vary.parse("tariff.rate=0:1:0.5", 100)), tb, 4, 1), "E652", "2 tariff events",
        "tariff[1].rate to tariff[2].rate");
    refused(() -> Grid.run(two, List.of(Vary.parse("tariff[3].rate=0:1:0.5", 100)), tb, 4, 1), "E652");
    refused(() -> Grid.run(two, List.of(Vary.parse("tariff[1].speed=0:1:0.5", 100)), tb, 4, 1), "E653",
        "no field 'speed'", "rate");
    refused(() -> Grid.run(two, List.of(Vary.parse("tariff[1].rate=0:1:0.5", 100),
        Vary.parse("tariff[1].rate=0:1:0.5", 100)), tb, 4, 1), "E657");
    // outside the field's own range: the event's error at the field, in the file, with the value given
    refused(() -> Grid.run(two, List.of(Vary.parse("tariff[2].rate=8:12:2", 100)), tb, 4, 1), "E656",
        "tariff[2].rate = 12", "grid.yaml:5:");
    refused(() -> Grid.run(two, List.of(Vary.parse("capital_measure.rate=0:1.5:0.5", 100)), tb, 4, 1), "E656",
        "capital_measure.rate = 1.5");
  }

  @Test
  void aTwoFieldGridRunsEveryPointAndItsFilesOwnValuesGiveTheScenario() {
    List<Vary> fields = List.of(Vary.parse("tariff[1].rate=0:0.4:0.2", 100), Vary.parse("capital_measure.rate=0:0.3:0.3", 100));
    int at = two.periods();
    Grid.Result g = Grid.run(two, fields, Outputs.of(two.model(), "CA[USA]"), at, 2);
    assertThat(g.points()).hasSize(6);
    assertThat(g.points().get(1).values()).extracting(BigDecimal::toPlainString).containsExactly("0", "0.3");
    // (0.2, 0.3) is the file as written: the scenario's own run
    Grid.Point asWritten = g.points().get(3);
    assertThat(asWritten.values()).extracting(BigDecimal::toPlainString).containsExactly("0.2", "0.3");
    double plain = ScenarioRunner.run(two, null, null, SolverSettings.DEFAULT, ProgressListener.NONE).value("CA[USA]", at);
    assertThat(asWritten.value()).isEqualTo(plain);
    assertThat(asWritten.difference()).isCloseTo(plain - g.baseline(), within(1e-9));
    // a higher tariff on China narrows the US current-account deficit, all else as written
    assertThat(g.points().get(5).value()).isGreaterThan(g.points().get(3).value());
  }
}
