package accord.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import accord.model.Model;
import accord.scenario.ScenarioFile;
import accord.sim.Change;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each lever of the vocabulary lowers to the world model's series as docs/scenarios.md says,
 * and the timing rules hold: until, phase-in, substitution and the replacement rule.
 */
class EventsTest {

  static final Path SCENARIOS = Path.of("..", "models", "world", "scenarios").toAbsolutePath().normalize();

  /** The lowered scenario: label -> value by period (periods without a change are absent). */
  record Lowered(Model model, Map<String, Map<Integer, Double>> values, int periods, int start) {

    double at(String label, int period) {
      Map<Integer, Double> path = values.get(label);
      return path == null || !path.containsKey(period) ? Double.NaN : path.get(period);
    }

    double initial(String label) {
      return model.initialRow()[model.slotOf(label)];
    }
  }

  static Lowered withHeader(String header, String... events) throws IOException {
    Path file = Files.createTempFile(SCENARIOS, "events-test", ".yaml");
    try {
      StringBuilder b = new StringBuilder("baseline: world-2024\n" + header + "events:\n");
      for (String e : events) {
        b.append("  - ").append(e).append('\n');
      }
      Files.writeString(file, b.toString());
      ScenarioFile f = ScenarioFile.load(file);
      Map<String, Map<Integer, Double>> values = new HashMap<>();
      for (Change c : f.changes()) {
        String label = f.model().slots().get(c.slot()).label().replace(" ", "");
        for (int t = c.from(); t <= c.until(); t++) {
          values.computeIfAbsent(label, k -> new HashMap<>()).put(t, c.value());
        }
      }
      return new Lowered(f.model(), values, f.periods(), f.start());
    } finally {
      Files.deleteIfExists(file);
    }
  }

  static Lowered load(String... events) throws IOException {
    return withHeader("end: 2026Q4\n", events);
  }

  @Test
  void theHorizonIsTheWorldDefaultUnlessEndSaysOtherwise() throws IOException {
    assertThat(withHeader("", "{at: 2025Q2, monetary_stance: {region: USA, shift: 0.5}}").periods()).isEqualTo(41);
    Lowered l = withHeader("start: 2025Q3\nend: 2027Q4\n", "{at: 2025Q2, monetary_stance: {region: USA, shift: 0.5}}");
    assertThat(l.periods()).isEqualTo(13);
    assertThat(l.start()).isEqualTo(4);
  }

  @Test
  void aTariffAddsPointsOrSetsTheTotalAndRetaliationMirrorsIt() throws IOException {
    Lowered add = load("{at: 2025Q2, tariff: {importer: USA, exporter: [CHN, MEX], sectors: [ELE, AUT], rate: 0.25}}");
    assertThat(add.at("dtar[CHN,USA,ELE]", 3)).isEqualTo(0.25);
    assertThat(add.at("dtar[MEX,USA,AUT]", 9)).isEqualTo(0.25);
    assertThat(add.at("dtar[USA,CHN,ELE]", 3)).as("no retaliation by default").isNaN();
    assertThat(add.at("dtar[CHN,USA,SER]", 3)).isNaN();
    Lowered set = load("{at: 2025Q2, tariff: {importer: USA, exporter: CHN, sectors: goods, rate: 1.45, mode: set,"
        + " retaliation: mirror}}");
    for (String s : new String[] {"AGR", "ELE", "CON"}) {
      assertThat(set.initial("tar[CHN,USA," + s + "]") + set.at("dtar[CHN,USA," + s + "]", 3)).isCloseTo(1.45,
          within(1e-12));
      assertThat(set.initial("tar[USA,CHN," + s + "]") + set.at("dtar[USA,CHN," + s + "]", 3)).isCloseTo(1.45,
          within(1e-12));
    }
    Lowered counter = load("{at: 2025Q2, tariff: {importer: USA, exporter: CHN, sectors: goods, rate: 0.5,"
        + " retaliation: 0.1}}");
    assertThat(counter.at("dtar[USA,CHN,MAC]", 3)).isEqualTo(0.1);
    Lowered all = load("{at: 2025Q2, tariff: {importer: USA, exporter: all, sectors: goods, rate: 0.1}}");
    assertThat(all.values().keySet().stream().filter(k -> k.startsWith("dtar["))).hasSize(9 * 9);
  }

  @Test
  void aNonTariffBarrierMayBeLowered() throws IOException {
    Lowered l = load("{at: 2025Q2, non_tariff_barrier: {importer: EUR, exporter: USA, sectors: [AGR], rate: -0.05}}");
    assertThat(l.at("ntb[USA,EUR,AGR]", 3)).isEqualTo(-0.05);
  }

  @Test
  void anExportControlWithholdsFlowsAndMagnetsAndOthersReplaceThemOverTime() throws IOException {
    Lowered l = load("{at: 2025Q2, until: 2026Q1, export_control: {exporter: CHN, importers: all, sectors: CRM,"
        + " share: 1}}");
    assertThat(l.at("xq[CHN,USA,CRM]", 3)).isEqualTo(1.0);
    assertThat(l.at("xqre[JPN]", 3)).isEqualTo(1.0);
    // critical minerals: half replaced in 12 quarters by default
    assertThat(l.at("xq[CHN,USA,CRM]", 6)).isCloseTo(Math.pow(0.5, 3 / 12.0), within(1e-12));
    assertThat(l.at("xq[CHN,USA,CRM]", 7)).as("lifted after until").isNaN();
    assertThat(l.at("xqre[CHN]", 3)).as("not on China itself").isNaN();
    Lowered fast = load("{at: 2025Q2, export_control: {exporter: JPN, importers: [KOR], sectors: CHE, share: 0.5,"
        + " substitution: 2}}");
    assertThat(fast.at("xq[JPN,KOR,CHE]", 5)).isCloseTo(0.5 * 0.5, within(1e-12));
    assertThat(fast.at("xqre[KOR]", 3)).as("magnets only from China's minerals").isNaN();
  }

  @Test
  void regionLeversSetTheirSeries() throws IOException {
    Lowered l = load("{at: 2025Q2, monetary_stance: {region: [EUR, JPN], shift: -0.5}}",
        "{at: 2025Q2, household_transfer: {region: CHN, share: 0.02}}",
        "{at: 2025Q2, risk_preference: {holders: all, toward: USA, shift: -1}}",
        "{at: 2025Q2, reserve_policy: {region: CHN, action: sell, amount: 50}}",
        "{at: 2025Q2, capital_measure: {region: USA, kind: withholding_tax, on: interest, holders: foreign, rate: 0.3}}",
        "{at: 2025Q2, fiscal: {region: USA, spending: 0.01, tax: 0.02, tariff_revenue: transfers}}");
    assertThat(l.at("mstance[EUR]", 3)).isEqualTo(-0.5);
    assertThat(l.at("mstance[USA]", 3)).isNaN();
    assertThat(l.at("trh[CHN]", 3)).isEqualTo(0.02);
    assertThat(l.at("pref[CHN,USA]", 3)).isEqualTo(-1.0);
    assertThat(l.at("pref[USA,USA]", 3)).as("not the holders of the region itself").isNaN();
    assertThat(l.at("intv[CHN]", 3)).isEqualTo(-50.0);
    assertThat(l.at("wht[USA]", 3)).isEqualTo(0.3);
    double g = l.initial("g0[USA]");
    double gdp = l.initial("gdp0[USA]");
    assertThat((l.at("gmult[USA]", 3) - 1) * g / gdp).as("spending up 1% of GDP").isCloseTo(0.01, within(1e-12));
    assertThat(l.at("theta[USA]", 3) - l.initial("theta[USA]")).isCloseTo(0.02, within(1e-12));
    assertThat(l.at("ttran[USA]", 3)).isEqualTo(1.0);
    assertThat(l.at("tspend[USA]", 3)).isEqualTo(0.0);
  }

  @Test
  void aRelocationMovesTheAmountAndPhasesIn() throws IOException {
    Lowered l = load("{at: 2025Q2, phase_in: 4, relocation: {sector: ELE, destination: USA, from: CHN, to: IND,"
        + " amount: 20}}");
    double china = l.initial("x0[CHN,USA,ELE]");
    double india = l.initial("x0[IND,USA,ELE]");
    // full size from the fourth quarter: 5 bn a quarter moved, the destination's total unchanged
    assertThat(china * (1 - l.at("src[CHN,USA,ELE]", 6))).isCloseTo(5, within(1e-9));
    assertThat(india * (l.at("src[IND,USA,ELE]", 6) - 1)).isCloseTo(5, within(1e-9));
    assertThat(china * (1 - l.at("src[CHN,USA,ELE]", 3))).as("a quarter of it in the first quarter")
        .isCloseTo(1.25, within(1e-9));
    Lowered share = load("{at: 2025Q2, relocation: {sector: AUT, destination: USA, from: MEX, to: CAN, share: 0.1}}");
    assertThat(share.at("src[MEX,USA,AUT]", 3)).isCloseTo(0.9, within(1e-12));
  }

  @Test
  void aLaterEventOnTheSameElementsReplacesTheEarlierFromItsStart() throws IOException {
    Lowered l = load("{at: 2025Q2, tariff: {importer: USA, exporter: CHN, sectors: [ELE, MAC], rate: 1.25}}",
        "{at: 2025Q3, until: 2025Q4, tariff: {importer: USA, exporter: CHN, sectors: [ELE], rate: 0.3}}");
    assertThat(l.at("dtar[CHN,USA,ELE]", 3)).isEqualTo(1.25);
    assertThat(l.at("dtar[CHN,USA,ELE]", 4)).isEqualTo(0.3);
    assertThat(l.at("dtar[CHN,USA,ELE]", 6)).as("replaced from 2025Q3 on, and the later event ended").isNaN();
    assertThat(l.at("dtar[CHN,USA,MAC]", 6)).as("other elements keep the earlier event").isEqualTo(1.25);
    // file order decides within a quarter
    Lowered same = load("{at: 2025Q2, monetary_stance: {region: USA, shift: 1}}",
        "{at: 2025Q2, monetary_stance: {region: USA, shift: 2}}");
    assertThat(same.at("mstance[USA]", 3)).isEqualTo(2.0);
  }

  @Test
  void theSetLeverAndTheSetBlockStillWork() throws IOException {
    Lowered l = load("{at: 2025Q2, set: {\"gmult[JPN]\": 1.02}}");
    assertThat(l.at("gmult[JPN]", 3)).isEqualTo(1.02);
  }

  @Test
  void capitalMeasuresLowerToTheirWedges() throws IOException {
    Lowered l = load("{at: 2025Q2, capital_measure: {region: USA, kind: withholding_tax, holders: foreign_official,"
        + " rate: 0.3}}", "{at: 2025Q2, capital_measure: {region: CHN, kind: purchase_tax, assets: equities, rate: 0.05,"
        + " holding: 2}}", "{at: 2025Q2, capital_measure: {region: EUR, kind: purchase_tax, rate: 0.02}}",
        "{at: 2025Q2, capital_measure: {region: JPN, kind: ownership_cap, assets: equities, share: 0.2}}");
    assertThat(l.at("whto[USA]", 3)).isEqualTo(0.3);
    assertThat(l.at("wht[USA]", 3)).as("private holders untouched").isNaN();
    assertThat(l.at("eqtax[CHN]", 3)).as("5% spread over 2 years: 2.5 points a year").isCloseTo(2.5, within(1e-12));
    assertThat(l.at("cfm[CHN]", 3)).isNaN();
    assertThat(l.at("cfm[EUR]", 3)).as("2% over the default 5 years").isCloseTo(0.4, within(1e-12));
    assertThat(l.at("eqtax[EUR]", 3)).isCloseTo(0.4, within(1e-12));
    assertThat(l.at("ocap[JPN]", 3)).isEqualTo(0.2);
  }

  @Test
  void reservePoliciesHoldOrDiversify() throws IOException {
    Lowered l = load("{at: 2025Q2, reserve_policy: {region: [CHN], action: hold}}",
        "{at: 2025Q2, reserve_policy: {region: JPN, action: diversify, share: 0.25}}");
    assertThat(l.at("rhold[CHN]", 3)).isEqualTo(1.0);
    // the logit weight of the dollar goes from w to 0.75 w
    double w = l.initial("rw0[JPN,USA]");
    double lamr = l.initial("lamr");
    double shift = l.at("rpref[JPN,USA]", 3);
    double moved = w * Math.exp(lamr * shift / 100) / (w * Math.exp(lamr * shift / 100) + 1 - w);
    assertThat(moved).isCloseTo(0.75 * w, within(1e-12));
  }
}
