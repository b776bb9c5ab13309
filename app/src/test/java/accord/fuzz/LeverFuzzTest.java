package accord.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import accord.accounts.AccountingCheck;
import accord.accounts.ConditionCheck;
import accord.accounts.Violation;
import accord.events.Event;
import accord.events.EventReader;
import accord.events.Timeline;
import accord.lang.Diagnostic;
import accord.lang.SourceFile;
import accord.model.Model;
import accord.model.ModelLoader;
import accord.model.Series;
import accord.sim.Change;
import accord.sim.Results;
import accord.sim.Scenario;
import accord.sim.Simulator;
import accord.solve.EvalFailure;
import accord.solve.Program;
import accord.solve.SolveFailure;
import accord.solve.SolverSettings;
import accord.structure.StructuralAnalysis;
import accord.yaml.YamlTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random lever settings inside their valid ranges on the world model, compiled once: each run of
 * eight quarters holds every identity or ends in the documented solver failure (or breaks a
 * {@code check} condition, which is reported, not an error), and never puts a non-finite number
 * in any series. Two generators: events of the scenario vocabulary with every field drawn inside
 * the bounds the events layer checks (read and lowered by accord.events as a scenario file's
 * are), and the lever series themselves set inside {@link LeverRanges}.
 *
 * <p>Replay: {@code -Daccord.fuzz.seed=S -Daccord.fuzz.case=events-0042}; more runs:
 * {@code -Daccord.fuzz.scale=10}.
 */
class LeverFuzzTest {

  static final long SEED = Long.getLong("accord.fuzz.seed", 20_250_901L);
  static final String ONLY = System.getProperty("accord.fuzz.case");
  static final double SCALE = Double.parseDouble(System.getProperty("accord.fuzz.scale", "1"));
  /** 2024Q4 (the starting state) and eight quarters, to 2026Q4. */
  static final int PERIODS = 9;
  static final int EVENT_RUNS = 150;
  static final int SERIES_RUNS = 100;
  static final long TIMEOUT_MILLIS = 60_000;

  static final List<String> REGIONS = List.of("USA", "CHN", "EUR", "JPN", "KOR", "TWN", "IND", "MEX", "CAN", "ROW");
  static final List<String> SECTORS = List.of("AGR", "ENE", "CRM", "MET", "CHE", "MAC", "ELE", "AUT", "CON", "SER");


  static Model model;
  static Program program;
  static ExecutorService runner;

  @BeforeAll
  static void compile() {
    model = ModelLoader.load(Path.of("..", "models", "world", "world.acc"));
    program = Program.compile(StructuralAnalysis.analyze(model, null));
    runner = newRunner();
  }

  @AfterAll
  static void stop() {
    runner.shutdownNow();
  }

  private static ExecutorService newRunner() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "accord-lever-fuzz");
      t.setDaemon(true);
      return t;
    });
  }

  /** One generated setting: what it is (for the failure message) and what the engine runs. */
  record Setting(String id, String text, List<Change> changes, List<accord.sim.Trigger> triggers) {
  }

  @Test
  void randomEventsInsideTheirBoundsHoldEveryIdentity() {
    List<Setting> settings = new ArrayList<>();
    int refused = 0;
    for (int i = 0; i < Math.round(EVENT_RUNS * SCALE); i++) {
      String id = String.format("events-%04d", i);
      if (ONLY == null || ONLY.equals(id)) {
        Setting setting = events(id, new Random(MalformedFileFuzzTest.mix(SEED, 10, i)));
        if (setting != null) {
          settings.add(setting);
        } else {
          refused++;
        }
      }
    }
    System.out.printf("lever fuzz events: %d settings refused with E129 (their fields together leave a declared range)%n",
        refused);
    assertThat(refused).as("refusals are the exception").isLessThan(settings.size() / 4 + 1);
    runAll("events", settings);
  }

  @Test
  void randomLeverSeriesInsideTheirDeclaredRangesHoldEveryIdentity() {
    List<Setting> settings = new ArrayList<>();
    for (int i = 0; i < Math.round(SERIES_RUNS * SCALE); i++) {
      String id = String.format("series-%04d", i);
      if (ONLY == null || ONLY.equals(id)) {
        settings.add(series(id, new Random(MalformedFileFuzzTest.mix(SEED, 11, i)), LeverRanges.DECLARED));
      }
    }
    runAll("series", settings);
  }

  /** The generators stay inside the ranges: a drawn value outside one would make the suite test nothing. */
  @Test
  void everyDrawnSeriesValueIsInsideItsRange() {
    Random r = new Random(SEED);
    int checked = 0;
    for (int i = 0; i < 200; i++) {
      for (Change c : series("check", r, LeverRanges.DECLARED).changes()) {
        String label = model.slots().get(c.slot()).label();
        LeverRanges.Range range = LeverRanges.DECLARED.of(model, label.substring(0, label.indexOf('[')), c.slot())
            .orElseThrow();
        assertThat(c.value()).as(label).isBetween(range.lo(), range.hi());
        assertThat(model.slots().get(c.slot()).range().contains(c.value())).as("%s = %s inside the range levers.acc "
            + "declares", label, c.value()).isTrue();
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(200);
  }

  // ---- running ------------------------------------------------------------------------------

  private void runAll(String what, List<Setting> settings) {
    long start = System.nanoTime();
    Map<String, Integer> outcomes = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    for (Setting s : settings) {
      String outcome = run(s, failures);
      outcomes.merge(outcome, 1, Integer::sum);
    }
    System.out.printf("lever fuzz %s: %d runs of %d quarters in %.1f s (seed %d): %s%n", what, settings.size(),
        PERIODS - 1, (System.nanoTime() - start) / 1e9, SEED, outcomes);
    assertThat(failures).as(() -> failures.size() + " runs broke the contract:\n" + String.join("\n\n",
        failures.subList(0, Math.min(10, failures.size())))).isEmpty();
  }

  /** Runs one setting; the name of its outcome, and a failure added where it breaks the contract. */
  private static String run(Setting s, List<String> failures) {
    Scenario scenario = new Scenario(s.id(), PERIODS, null, s.changes(), null, s.triggers());
    Future<Results> f = runner.submit(() -> Simulator.run(program, scenario, SolverSettings.DEFAULT));
    Results r;
    try {
      r = f.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      runner.shutdownNow();
      runner = newRunner();
      failures.add(describe(s, "no answer within " + TIMEOUT_MILLIS + " ms"));
      return "timeout";
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SolveFailure) {
        return "solver failure";
      }
      if (cause instanceof EvalFailure ev) {
        String message = ev.diagnostic().render();
        failures.add(describe(s, "an equation cannot be evaluated: " + message));
        return "evaluation failure";
      }
      java.io.StringWriter w = new java.io.StringWriter();
      cause.printStackTrace(new java.io.PrintWriter(w));
      failures.add(describe(s, "threw " + w.toString().lines().limit(12).reduce((a, b) -> a + "\n" + b).orElse("")));
      return "exception";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    for (int t = 0; t < r.periods(); t++) {
      double[] row = r.rows()[t];
      for (int j = 0; j < row.length; j++) {
        if (!Double.isFinite(row[j])) {
          failures.add(describe(s, row[j] + " in " + model.slots().get(j).label() + " in " + model.periodLabel(t + 1)));
          return "non-finite";
        }
      }
    }
    List<Violation> broken = AccountingCheck.check(r);
    if (!broken.isEmpty()) {
      failures.add(describe(s, broken.size() + " broken identities, first " + broken.get(0).describe()));
      return "broken identity";
    }
    return ConditionCheck.check(r).isEmpty() ? "ok" : "ok, a check condition fails";
  }

  private static String describe(Setting s, String problem) {
    return "case " + s.id() + " (replay: -Daccord.fuzz.seed=" + SEED + " -Daccord.fuzz.case=" + s.id() + "): " + problem
        + "\n  " + s.text().replace("\n", "\n  ");
  }

  // ---- events of the vocabulary -------------------------------------------------------------

  /** One to three events, each with every field inside the bounds accord.events.Levers checks. */
  static Setting events(String id, Random r) {
    StringBuilder yaml = new StringBuilder();
    int n = 1 + r.nextInt(3);
    for (int k = 0; k < n; k++) {
      int at = 2 + r.nextInt(6);
      String timing = "at: " + model.periodLabel(at);
      String lever = LEVERS.get(r.nextInt(LEVERS.size()));
      String body = body(lever, r);
      boolean over = body.contains("over: ");
      if (r.nextInt(4) == 0) {
        timing += ", until: " + model.periodLabel(at + r.nextInt(PERIODS - at + 1));
      } else if (r.nextInt(6) == 0) {
        String[] series = {"GDP[USA]", "Y10[USA]", "EQ[USA]", "FX[CHN]", "CPI[EUR]"};
        timing += ", when: {series: \"" + series[r.nextInt(series.length)] + "\", "
            + (r.nextBoolean() ? "below_peak: " + num(r.nextDouble() * 0.2) : (r.nextBoolean() ? "above: " : "below: ")
            + num(r.nextDouble() * 100)) + "}";
      }
      if (!over && r.nextInt(4) == 0) {
        timing += ", phase_in: " + (1 + r.nextInt(8));
      }
      yaml.append("- {").append(timing).append(", ").append(lever).append(": ").append(body).append("}\n");
    }
    String text = yaml.toString();
    List<Diagnostic> errors = new ArrayList<>();
    List<Event> events = EventReader.read(YamlTree.parse(new SourceFile(id + ".yaml", text)), model, PERIODS, errors);
    // every field is inside its documented bounds, so the one refusal allowed is E129: fields that
    // together take a series outside the model's declared range (a tax cut below a region's rate)
    if (!errors.isEmpty() && errors.stream().allMatch(d -> d.code().equals("E129") && d.span().line() > 0)) {
      return null;
    }
    if (!errors.isEmpty()) {
      throw new AssertionError("case " + id + ": events inside their bounds refused:\n"
          + errors.stream().map(Diagnostic::render).reduce("", String::concat) + text);
    }
    return new Setting(id, text, Timeline.changes(events, PERIODS), Timeline.triggers(events, PERIODS));
  }

  static final List<String> LEVERS = List.of("tariff", "non_tariff_barrier", "export_control", "monetary_stance",
      "household_transfer", "risk_preference", "relocation", "fiscal", "reserve_policy", "capital_measure");

  private static String body(String lever, Random r) {
    String region = pick(REGIONS, r);
    return switch (lever) {
      case "tariff" -> {
        String exporter = other(region, r);
        String mode = r.nextBoolean() ? "add" : "set";
        String retaliation = switch (r.nextInt(4)) {
          case 0 -> ", retaliation: mirror";
          case 1 -> ", retaliation: " + num(draw(r, 0, 10));
          default -> "";
        };
        yield "{importer: " + region + ", exporter: " + regions(r, exporter, region) + ", sectors: " + sectors(r)
            + ", rate: " + num(draw(r, 0, 10)) + ", mode: " + mode + retaliation + "}";
      }
      case "non_tariff_barrier" -> "{importer: " + region + ", exporter: " + regions(r, other(region, r), region)
          + ", sectors: " + sectors(r) + ", rate: " + num(draw(r, -0.5, 10)) + "}";
      case "export_control" -> "{exporter: " + region + ", importers: " + regions(r, other(region, r), region)
          + ", sectors: " + sectors(r) + ", share: " + num(draw(r, 0, 1))
          + (r.nextBoolean() ? ", substitution: " + num(draw(r, 0.5, 400)) : "") + "}";
      case "monetary_stance" -> "{region: " + regions(r, region, null) + ", shift: " + num(draw(r, -10, 10)) + "}";
      case "household_transfer" -> "{region: " + regions(r, region, null) + ", share: " + num(draw(r, -0.2, 0.2)) + "}";
      case "risk_preference" -> "{holders: " + regions(r, other(region, r), region) + ", toward: " + region
          + ", shift: " + num(draw(r, -10, 10)) + "}";
      case "relocation" -> relocation(r);
      case "fiscal" -> "{region: " + regions(r, region, null) + (r.nextBoolean() ? ", spending: "
          + num(draw(r, -0.1, 0.1)) : "") + (r.nextBoolean() ? ", tax: " + num(draw(r, -0.2, 0.2)) : "")
          + (r.nextBoolean() ? ", tariff_revenue: " + pick(List.of("debt", "spending", "transfers"), r) : "") + "}";
      case "reserve_policy" -> switch (r.nextInt(4)) {
        case 0 -> "{region: " + regions(r, region, null) + ", action: hold}";
        case 1 -> "{region: " + regions(r, region, null) + ", action: diversify, share: " + num(draw(r, 0, 0.99)) + "}";
        // the USA holds no reserves to buy or sell (E337)
        default -> "{region: " + regions(r, other("USA", r), "USA") + ", action: " + (r.nextBoolean() ? "accumulate"
            : "sell")
            + (r.nextBoolean() ? ", amount: " + num(draw(r, 0, 2000)) : ", share: " + num(draw(r, 0, 1))) + "}";
      };
      default -> switch (r.nextInt(3)) {
        case 0 -> {
          boolean dividends = r.nextBoolean();
          List<String> holders = dividends ? List.of("foreign", "foreign_private")
              : List.of("foreign", "foreign_official", "foreign_private");
          yield "{region: " + region + ", kind: withholding_tax, on: " + (dividends ? "dividends" : "interest")
              + ", holders: " + pick(holders, r) + ", rate: " + num(draw(r, 0, 1)) + "}";
        }
        case 1 -> "{region: " + region + ", kind: purchase_tax, assets: " + pick(List.of("bonds", "equities", "all"), r)
            + ", rate: " + num(draw(r, 0, 1)) + ", holding: " + num(draw(r, 0.25, 50)) + "}";
        default -> "{region: " + region + ", kind: ownership_cap, assets: " + pick(List.of("bonds", "equities", "all"), r)
            + ", share: " + num(draw(r, 0, 1)) + "}";
      };
    };
  }

  /** A relocation between two suppliers of the destination (from, to and destination differ). */
  private static String relocation(Random r) {
    String s = pick(SECTORS, r);
    String d = pick(REGIONS, r);
    String from = other(d, r);
    String to = other(d, r);
    while (to.equals(from)) {
      to = other(d, r);
    }
    double flowFrom = 4 * model.initialRow()[model.slotOf("x0[" + from + "," + d + "," + s + "]")];
    double flowTo = model.initialRow()[model.slotOf("x0[" + to + "," + d + "," + s + "]")];
    if (flowTo <= 0 || flowFrom <= 0) {
      // the reader refuses a flow grown from nothing or moved from nothing (documented); the 2024 flows decide
      return relocation(r);
    }
    String size = r.nextBoolean() ? "amount: " + num(draw(r, 0, flowFrom)) : "share: " + num(draw(r, 0, 1));
    return "{sector: " + s + ", destination: " + d + ", from: " + from + ", to: " + to + ", " + size
        + (r.nextBoolean() ? ", over: " + (1 + r.nextInt(8)) : "") + "}";
  }

  /** One region, a list of them, or all: never {@code except}. */
  private static String regions(Random r, String one, String except) {
    return switch (r.nextInt(3)) {
      case 0 -> one;
      case 1 -> "[" + String.join(", ", REGIONS.stream().filter(x -> !x.equals(except) && r.nextInt(3) == 0)
          .findFirst().map(x -> List.of(one, x).stream().distinct().toList()).orElse(List.of(one))) + "]";
      default -> "all";
    };
  }

  private static String sectors(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> "all";
      case 1 -> "goods";
      case 2 -> pick(SECTORS, r);
      default -> "[" + pick(SECTORS, r) + ", " + pick(SECTORS, r) + "]";
    };
  }

  private static String other(String region, Random r) {
    String o = pick(REGIONS, r);
    return o.equals(region) ? other(region, r) : o;
  }

  // ---- the lever series themselves ----------------------------------------------------------

  /** One to four lever series set inside their ranges, one element or all, for some quarters. */
  static Setting series(String id, Random r, LeverRanges ranges) {
    List<String> levers = new ArrayList<>();
    ranges.series().forEach(levers::add);
    List<Change> changes = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int n = 1 + r.nextInt(4);
    for (int k = 0; k < n; k++) {
      String name = pick(levers, r);
      Series series = model.series().get(name);
      int at = 2 + r.nextInt(PERIODS - 1);
      int until = at + r.nextInt(PERIODS - at + 1);
      // a region's levers on itself (a tariff on its own goods) are not levers: the vocabulary refuses them
      List<Integer> all = IntStream.range(series.firstSlot(), series.firstSlot() + series.size()).boxed()
          .filter(slot -> !onItself(model.slots().get(slot).label())).toList();
      List<Integer> slots = r.nextBoolean() ? List.of(pick(all, r)) : all;
      // the same point of each element's range (its low end, its high end, or a share of the way)
      int edge = r.nextInt(4);
      double share = r.nextDouble();
      for (int slot : slots) {
        LeverRanges.Range range = ranges.of(model, name, slot).orElseThrow();
        double v = switch (edge) {
          case 0 -> range.lo();
          case 1 -> range.hi();
          default -> range.lo() + share * (range.hi() - range.lo());
        };
        changes.add(new Change(slot, at, until, Math.min(range.hi(), Math.max(range.lo(), v))));
      }
      text.append(String.format("%s (%s) = %s from %s to %s%n", name, slots.size() == 1
          ? model.slots().get(slots.get(0)).label() : "every element", edge == 0 ? "low end" : edge == 1 ? "high end"
          : num(share) + " of the range", model.periodLabel(at), model.periodLabel(until)));
    }
    return new Setting(id, text.toString(), changes, List.of());
  }

  /** {@code dtar[CHN,CHN,ELE]}: the first two indices the same region. */
  static boolean onItself(String label) {
    String[] idx = label.substring(label.indexOf('[') + 1, label.length() - 1).split(",");
    return idx.length >= 2 && idx[0].equals(idx[1]);
  }

  // ---- draws --------------------------------------------------------------------------------

  /** A value in [lo, hi]: an end a third of the time (where faults live), else uniform. */
  static double draw(Random r, double lo, double hi) {
    return switch (r.nextInt(6)) {
      case 0 -> lo;
      case 1 -> hi;
      default -> lo + r.nextDouble() * (hi - lo);
    };
  }

  /** A number as YAML reads it back exactly enough: plain decimals, never 1.0E-6 forms. */
  static String num(double v) {
    return new java.math.BigDecimal(v).round(new java.math.MathContext(6, java.math.RoundingMode.DOWN))
        .stripTrailingZeros().toPlainString();
  }

  private static <T> T pick(List<T> xs, Random r) {
    return xs.get(r.nextInt(xs.size()));
  }
}
