package accord.fuzz;

import accord.model.Model;
import java.util.Map;
import java.util.Optional;

/**
 * The valid range of each world lever (an exogenous series of models/world/blocks/levers.acc or
 * a parameter an event moves), element by element. Until the model language declares ranges on
 * the series themselves, {@link #FROM_EVENTS} derives them from the bounds the events layer
 * checks (the {@code Fields.number} calls of accord.events.Levers) mapped onto the series; a
 * source that reads the declared ranges from the model's slots replaces it without changing the
 * generator.
 */
interface LeverRanges {

  /** A closed interval. */
  record Range(double lo, double hi) {
    public Range {
      if (!(lo <= hi)) {
        throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]");
      }
    }
  }

  /** The range of the lever series {@code series} at {@code slot}; empty if the series is not a lever. */
  Optional<Range> of(Model model, String series, int slot);

  /** The series a range source knows, by name. */
  Iterable<String> series();

  /** The bounds of accord.events.Levers, as ranges of the series each event sets. */
  LeverRanges FROM_EVENTS = new LeverRanges() {

    /** Series whose range is the same for every element: {lo, hi}, with the Levers call it comes from. */
    private final Map<String, double[]> fixed = Map.ofEntries(
        Map.entry("ntb", new double[] {-0.5, 10}),      // non_tariff_barrier rate
        Map.entry("xq", new double[] {0, 1}),           // export_control share
        Map.entry("xqre", new double[] {0, 1}),         // export_control share (CHN's minerals)
        Map.entry("mstance", new double[] {-10, 10}),   // monetary_stance shift
        Map.entry("trh", new double[] {-0.2, 0.2}),     // household_transfer share
        Map.entry("pref", new double[] {-10, 10}),      // risk_preference shift
        Map.entry("wht", new double[] {0, 1}),          // capital_measure withholding_tax rate
        Map.entry("whto", new double[] {0, 1}),
        Map.entry("whd", new double[] {0, 1}),
        Map.entry("cfm", new double[] {0, 400}),        // purchase_tax: 100 x rate [0, 1] / holding [0.25, 50]
        Map.entry("eqtax", new double[] {0, 400}),
        Map.entry("ocap", new double[] {1e-6, 1}),      // ownership_cap share
        Map.entry("ocapd", new double[] {0, 1}),
        Map.entry("rhold", new double[] {0, 1}),        // reserve_policy hold
        Map.entry("tspend", new double[] {0, 1}),       // fiscal tariff_revenue
        Map.entry("ttran", new double[] {0, 1}));

    @Override
    public Optional<Range> of(Model model, String series, int slot) {
      double[] initial = model.initialRow();
      String label = model.slots().get(slot).label();
      String inside = label.substring(label.indexOf('[') + 1, label.length() - 1);
      String[] idx = inside.split(",");
      if (fixed.containsKey(series)) {
        return Optional.of(new Range(fixed.get(series)[0], fixed.get(series)[1]));
      }
      return switch (series) {
        // reserve_policy amount, USD bn a quarter; the USA holds no reserves to buy or sell
        case "intv" -> Optional.of(idx[0].equals("USA") ? new Range(0, 0) : new Range(-2000, 2000));
        // tariff rate [-1, 10], and the total over 2024's rate at least zero
        case "dtar" -> Optional.of(new Range(-value(model, "tar0[" + inside + "]"), 10));
        // fiscal spending [-0.1, 0.1] of GDP as a multiple of trend spending
        case "gmult" -> {
          double ratio = value(model, "gdp0[" + idx[0] + "]") / value(model, "g0[" + idx[0] + "]");
          yield Optional.of(new Range(1 - 0.1 * ratio, 1 + 0.1 * ratio));
        }
        // fiscal tax [-0.2, 0.2] added to the 2024 rate
        case "theta" -> Optional.of(new Range(initial[slot] - 0.2, initial[slot] + 0.2));
        default -> Optional.empty();
      };
    }

    @Override
    public Iterable<String> series() {
      java.util.List<String> all = new java.util.ArrayList<>(fixed.keySet());
      all.addAll(java.util.List.of("dtar", "gmult", "theta", "intv"));
      return all.stream().sorted().toList();
    }

    private double value(Model model, String label) {
      int s = model.slotOf(label);
      if (s < 0) {
        throw new IllegalStateException("the world model has no " + label);
      }
      return model.initialRow()[s];
    }
  };

  /**
   * The events' bounds cut to the range the model declares on each series (levers.acc): every
   * value drawn is one the model accepts, where an event's bound alone (a tax cut of 0.2 on a
   * rate of 0.1) could leave it. An open bound is kept a millionth inside.
   */
  LeverRanges DECLARED = new LeverRanges() {

    @Override
    public Optional<Range> of(Model model, String series, int slot) {
      accord.lang.Range d = model.slots().get(slot).range();
      return FROM_EVENTS.of(model, series, slot).flatMap(r -> {
        double lo = Math.max(r.lo(), inside(d.low(), d.lowOpen(), 1));
        double hi = Math.min(r.hi(), inside(d.high(), d.highOpen(), -1));
        return lo <= hi ? Optional.of(new Range(lo, hi)) : Optional.empty();
      });
    }

    /** A bound moved a millionth inward where it is open (an infinite one stays). */
    private double inside(double bound, boolean open, int inward) {
      return open && Double.isFinite(bound) ? bound + inward * 1e-6 * Math.max(1, Math.abs(bound)) : bound;
    }

    @Override
    public Iterable<String> series() {
      return FROM_EVENTS.series();
    }
  };
}
