package accord.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ranges of the levers' numeric fields, as the events' reader checks them ({@link Levers}
 * reads its bounds from here, so the web lab's sliders and the reader cannot disagree). A field
 * whose meaning depends on another field has the variant in its key: {@code
 * capital_measure.purchase_tax.rate}, {@code reserve_policy.diversify.share}. The model's own
 * declared ranges ({@link Ranges}) are checked after these, on the values the events lower to.
 */
public final class LeverFields {

  /**
   * A numeric field: its key ({@code lever[.variant].field}), its range, whether it is a whole
   * number, and what it means. {@code max} is NaN for a bound the 2024 calibration sets
   * (a relocation's amount: at most the whole flow it moves).
   */
  public record Bound(String key, double min, double max, boolean whole, String meaning) {

    public String field() {
      return key.substring(key.lastIndexOf('.') + 1);
    }
  }

  /** Tariffs above 1,000% are refused: no such rate was ever applied. */
  static final double MAX_RATE = 10;

  private static final Map<String, Bound> ALL = new LinkedHashMap<>();

  static {
    add("tariff.rate", -1, MAX_RATE, "ad-valorem rate: 0.10 is 10%; with mode add, points over the 2024 rate");
    add("tariff.retaliation", -1, MAX_RATE, "the answering rate (ad valorem)");
    add("non_tariff_barrier.rate", -0.5, MAX_RATE, "ad-valorem equivalent: 0.05 is 5%");
    add("export_control.share", 0, 1, "share of the flow withheld: 1 is a ban");
    add("export_control.substitution", 0.5, 400, "quarters for other suppliers to take over half of the withheld flow");
    add("monetary_stance.shift", -10, 10, "points added to the policy rule's intercept (0.5 = 50 bp tighter)");
    add("household_transfer.share", -0.2, 0.2, "transfer to households, share of GDP (0.01 = 1% of GDP a year)");
    add("risk_preference.shift", -10, 10, "return points holders add to the claims of 'toward'");
    whole("relocation.over", 1, 400, "quarters over which the move is made");
    add("relocation.amount", 0, Double.NaN, "USD bn a year of the destination's 2024 imports moved (at most the flow)");
    add("relocation.share", 0, 1, "share of the origin's flow that moves");
    add("fiscal.spending", -0.1, 0.1, "change in government spending, share of GDP");
    add("fiscal.tax", -0.2, 0.2, "change in the tax rate on household income (0.01 = 1 point)");
    add("reserve_policy.diversify.share", 0, 0.99, "share of the dollar reserves moved to other issuers");
    add("reserve_policy.amount", 0, 2000, "USD bn a quarter of reserves bought or sold");
    add("reserve_policy.share", 0, 1, "share of the region's 2024 reserves bought or sold each quarter");
    add("capital_measure.withholding_tax.rate", 0, 1, "share of the income withheld: 0.3 is 30%");
    add("capital_measure.purchase_tax.rate", 0, 1, "tax on foreigners' purchases: 0.02 is 2% of what they buy");
    add("capital_measure.purchase_tax.holding", 0.25, 50, "years foreign holders keep what they buy");
    add("capital_measure.ownership_cap.share", 0, 1, "the highest share foreigners may hold");
    add("currency_accord.appreciation", -0.5, 1, "0.20 makes each member's currency 20% stronger against the dollar");
    whole("currency_accord.over", 1, 400, "quarters to reach the full appreciation");
    whole("event.phase_in", 1, 400, "quarters to full size; 1 is at once");
  }

  private LeverFields() {
  }

  private static void add(String key, double min, double max, String meaning) {
    ALL.put(key, new Bound(key, min, max, false, meaning));
  }

  private static void whole(String key, int min, int max, String meaning) {
    ALL.put(key, new Bound(key, min, max, true, meaning));
  }

  /** Every numeric field of the vocabulary, in the order docs/scenarios.md gives the levers. */
  public static List<Bound> all() {
    return List.copyOf(ALL.values());
  }

  /** The bound of {@code key}; an IllegalArgumentException for a key the vocabulary lacks (a bug). */
  public static Bound bound(String key) {
    Bound b = ALL.get(key);
    if (b == null) {
      throw new IllegalArgumentException("no lever field " + key);
    }
    return b;
  }

  /**
   * The bound of a lever's field in an event whose variant field ({@code kind} of a
   * capital_measure, {@code action} of a reserve_policy) has the given value (may be null): the
   * variant's own bound when it has one, else the lever's; null if the field is not numeric.
   */
  public static Bound of(String lever, String variant, String field) {
    Bound specific = variant == null ? null : ALL.get(lever + "." + variant + "." + field);
    return specific != null ? specific : ALL.get(lever + "." + field);
  }
}
