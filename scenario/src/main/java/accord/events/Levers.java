package accord.events;

import accord.lang.Diagnostic;
import accord.lang.Span;
import accord.model.Model;
import accord.yaml.YamlTree.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The vocabulary's levers, each lowered to the world model's series at full size
 * (docs/scenarios.md has the table). Values the model's 2024 calibration fixes (tariffs applied
 * in 2024, trade flows, GDP) are read from the model's initial row.
 */
final class Levers {

  /** What a lever sets at full size, and how fast other suppliers replace a withheld flow. */
  record Lowered(List<Event.Target> targets, double halfLife, Event.Accord accord, int over) {

    Lowered(List<Event.Target> targets, double halfLife) {
      this(targets, halfLife, null, 1);
    }

    Lowered(List<Event.Target> targets, double halfLife, Event.Accord accord) {
      this(targets, halfLife, accord, 1);
    }
  }

  /**
   * Quarters for other suppliers to take over half of a withheld flow, by default: critical
   * minerals 12 (Japan's reliance on Chinese rare earths fell from about 90% in 2010 to about 60%
   * over the following decade: an estimate, not read), everything else 4 (assumption: a year).
   */
  static final double SUBSTITUTION_CRM = 12;
  static final double SUBSTITUTION_OTHER = 4;

  private final Model model;
  private final List<Diagnostic> errors;
  private final List<String> regions;
  private final List<String> sectors;
  private final List<String> goods;
  private final double[] initial;

  Levers(Model model, List<Diagnostic> errors) {
    this.model = model;
    this.errors = errors;
    this.regions = model.sets().get("Region").elements();
    this.sectors = model.sets().get("Sector").elements();
    this.goods = model.sets().get("Goods").elements();
    this.initial = model.initialRow();
  }

  Lowered lower(String lever, Node body, int periods) {
    if (!body.isMap()) {
      errors.add(Diagnostic.error("E320", body.span(), "'" + lever + "' must be a map of its fields")
          .withHint("write " + lever + ": {...}; docs/scenarios.md lists each lever's fields"));
      return null;
    }
    int before = errors.size();
    Lowered out = switch (lever) {
      case "tariff" -> tariff(body, "tariff", "dtar");
      case "non_tariff_barrier" -> tariff(body, "non_tariff_barrier", "ntb");
      case "export_control" -> exportControl(body);
      case "monetary_stance" -> perRegion(body, "monetary_stance", "shift", "mstance",
          "points added to the policy rule's intercept (0.5 = 50 bp tighter)");
      case "household_transfer" -> perRegion(body, "household_transfer", "share", "trh",
          "transfer to households, share of GDP (0.01 = 1% of GDP a year)");
      case "risk_preference" -> riskPreference(body);
      case "relocation" -> relocation(body);
      case "fiscal" -> fiscal(body);
      case "reserve_policy" -> reservePolicy(body);
      case "capital_measure" -> capitalMeasure(body);
      case "currency_accord" -> currencyAccord(body);
      case "set" -> set(body);
      default -> throw new IllegalStateException("no lever " + lever);
    };
    return errors.size() > before ? null : out;
  }

  private Map<String, List<String>> regionWords(String except) {
    return Map.of("all", regions.stream().filter(r -> !r.equals(except)).toList());
  }

  private Map<String, List<String>> sectorWords() {
    Map<String, List<String>> words = new java.util.LinkedHashMap<>();   // in this order in messages
    words.put("all", sectors);
    words.put("goods", goods);
    return words;
  }

  /** tariff and non_tariff_barrier: importer, exporter(s), sectors, rate, mode; tariffs also retaliation. */
  private Lowered tariff(Node body, String what, String series) {
    boolean isTariff = series.equals("dtar");
    Set<String> keys = isTariff ? Set.of("importer", "exporter", "sectors", "rate", "mode", "retaliation")
        : Set.of("importer", "exporter", "sectors", "rate", "mode");
    Fields f = new Fields("a " + what, body, keys, errors);
    String importer = f.code("importer", regions);
    List<String> exporters = f.codes("exporter", regions, regionWords(importer));
    List<String> secs = f.codes("sectors", sectors, sectorWords());
    double rate = f.number("rate", LeverFields.bound(what + ".rate"), isTariff
        ? "an ad-valorem rate: 0.10 is 10%; with mode add, points over the 2024 rate" : "ad-valorem equivalent: 0.05 is 5%");
    String mode = f.choice("mode", List.of("add", "set"), "add");
    String retaliation = "none";
    double counter = rate;
    if (isTariff && f.has("retaliation")) {
      Node r = f.node("retaliation");
      if (r.value() instanceof Number) {
        counter = f.number("retaliation", LeverFields.bound("tariff.retaliation"), "a retaliation rate, or none or mirror");
        retaliation = "rate";
      } else {
        retaliation = f.choice("retaliation", List.of("none", "mirror"), "none");
      }
    }
    if (importer == null || mode == null || retaliation == null || Double.isNaN(rate) || Double.isNaN(counter)) {
      return null;
    }
    List<Event.Target> out = new ArrayList<>();
    if (exporters.contains(importer)) {
      f.error("exporter", "a region does not levy a " + what + " on itself (" + importer + ")",
          "list the exporters other than the importer, or write exporter: all");
      return null;
    }
    add(out, f, series, exporters, List.of(importer), secs, rate, mode, "rate");
    if (!retaliation.equals("none")) {
      add(out, f, series, List.of(importer), exporters, secs, counter, mode, "retaliation");
    }
    return new Lowered(out, 0);
  }

  /** Sets series[o, d, s] so that the total over 2024 (mode set) or the increase (add) is {@code rate}. */
  private void add(List<Event.Target> out, Fields f, String series, List<String> origins, List<String> destinations,
      List<String> secs, double rate, String mode, String field) {
    for (String o : origins) {
      for (String d : destinations) {
        if (o.equals(d)) {
          continue;
        }
        for (String s : secs) {
          double base = series.equals("dtar") ? value("tar0[" + o + "," + d + "," + s + "]") : 0;
          double increase = mode.equals("set") ? rate - base : rate;
          // 2024's non-tariff barriers are in the calibration: ntb is relative to them and may be negative
          if (series.equals("dtar") && base + increase < 0) {
            f.error(field, "the total tariff of " + d + " on " + s
                + " from " + o + " would be " + String.format("%.4f", base + increase) + ", below zero", "the 2024 rate is "
                + String.format("%.4f", base) + "; with mode add the rate is added to it");
            return;
          }
          out.add(target(series + "[" + o + "," + d + "," + s + "]", increase, f.where(field)));
        }
      }
    }
  }

  private Lowered exportControl(Node body) {
    Fields f = new Fields("an export_control", body, Set.of("exporter", "importers", "sectors", "share", "substitution"),
        errors);
    String exporter = f.code("exporter", regions);
    List<String> importers = f.codes("importers", regions, regionWords(exporter));
    List<String> secs = f.codes("sectors", sectors, sectorWords());
    double share = f.number("share", LeverFields.bound("export_control.share"), "share of the flow withheld: 1 is a ban");
    boolean minerals = secs.contains("CRM");
    double half = f.number("substitution", LeverFields.bound("export_control.substitution"),
        "quarters for other suppliers to take over half of the withheld flow", minerals ? SUBSTITUTION_CRM
            : SUBSTITUTION_OTHER);
    if (exporter == null || Double.isNaN(share) || Double.isNaN(half)) {
      return null;
    }
    List<Event.Target> out = new ArrayList<>();
    for (String d : importers) {
      if (d.equals(exporter)) {
        f.error("importers", "an export control applies to other regions, not to " + exporter + " itself",
            "write importers: all for every other region");
        return null;
      }
      for (String s : secs) {
        out.add(target("xq[" + exporter + "," + d + "," + s + "]", share, f.where("share")));
      }
      // China's rare-earth processing and magnets are the minerals' choke point (production.acc)
      if (minerals && exporter.equals("CHN")) {
        out.add(target("xqre[" + d + "]", share, f.where("share")));
      }
    }
    return new Lowered(out, half);
  }

  private Lowered perRegion(Node body, String what, String field, String series, String meaning) {
    Fields f = new Fields("a " + what, body, Set.of("region", field), errors);
    List<String> rs = f.codes("region", regions, Map.of("all", regions));
    double v = f.number(field, LeverFields.bound(what + "." + field), meaning);
    if (Double.isNaN(v)) {
      return null;
    }
    return new Lowered(rs.stream().map(r -> target(series + "[" + r + "]", v, f.where(field))).toList(), 0);
  }

  /** Holders in k want j's claims more (shift > 0) or less: return points on j's claims for them. */
  private Lowered riskPreference(Node body) {
    Fields f = new Fields("a risk_preference", body, Set.of("holders", "toward", "shift"), errors);
    String toward = f.code("toward", regions);
    List<String> holders = f.codes("holders", regions, regionWords(toward));
    double shift = f.number("shift", LeverFields.bound("risk_preference.shift"),
        "return points holders add to the claims of 'toward' (negative: 'sell America' when toward is USA)");
    if (toward == null || Double.isNaN(shift)) {
      return null;
    }
    return new Lowered(holders.stream().filter(k -> !k.equals(toward))
        .map(k -> target("pref[" + k + "," + toward + "]", shift, f.where("shift"))).toList(), 0);
  }

  /**
   * Moves part of a destination's imports of a sector from one origin to another: the sourcing
   * weights that move {@code amount} (USD bn a year of 2024 landed imports, or {@code share} of
   * the origin's flow) holding the destination's total at 2024 prices.
   */
  private Lowered relocation(Node body) {
    Fields f = new Fields("a relocation", body, Set.of("sector", "destination", "from", "to", "amount", "share", "over"),
        errors);
    int over = f.integer("over", LeverFields.bound("relocation.over"), "quarters over which the move is made (a linear phase-in)", 1);
    String s = f.code("sector", sectors);
    String d = f.code("destination", regions);
    String from = f.code("from", regions);
    String to = f.code("to", regions);
    if (s == null || d == null || from == null || to == null) {
      return null;
    }
    if (from.equals(to) || from.equals(d) || to.equals(d)) {
      f.error("to", "a relocation moves " + d + "'s imports between two other regions (from " + from + " to " + to + ")",
          "from, to and destination must differ");
      return null;
    }
    double flowFrom = value("x0[" + from + "," + d + "," + s + "]");
    double flowTo = value("x0[" + to + "," + d + "," + s + "]");
    if (flowFrom <= 0) {
      // the weight of 'from' would be (0 - 0) / 0: not a number in every quarter of the run
      f.error("from", from + " sold " + d + " no " + s + " in 2024: there is no flow to move",
          "pick an origin that supplies " + d + " with " + s);
      return null;
    }
    double moved;
    if (f.has("amount") == f.has("share")) {
      f.error("amount", "a relocation gives either 'amount' (USD bn a year) or 'share' (of the flow from " + from + ")",
          "write amount: 25 or share: 0.2");
      return null;
    } else if (f.has("amount")) {
      moved = f.number("amount", 0, 4 * flowFrom, "USD bn a year of " + d + "'s 2024 imports of " + s + " from " + from
          + " (at most the whole flow, " + String.format("%.1f", 4 * flowFrom) + ")") / 4;
    } else {
      moved = f.number("share", LeverFields.bound("relocation.share"), "share of " + d + "'s imports of " + s + " from " + from + " that moves") * flowFrom;
    }
    if (Double.isNaN(moved)) {
      return null;
    }
    if (flowTo <= 0) {
      f.error("to", to + " sold " + d + " no " + s + " in 2024: the model cannot grow a flow from nothing",
          "pick an origin that already supplies " + d);
      return null;
    }
    Span size = f.where(f.has("amount") ? "amount" : "share");
    return new Lowered(List.of(target("src[" + from + "," + d + "," + s + "]", (flowFrom - moved) / flowFrom, size),
        target("src[" + to + "," + d + "," + s + "]", (flowTo + moved) / flowTo, size)), 0, null, over);
  }

  private Lowered fiscal(Node body) {
    Fields f = new Fields("a fiscal event", body, Set.of("region", "spending", "tax", "tariff_revenue"), errors);
    List<String> rs = f.codes("region", regions, Map.of("all", regions));
    double spending = f.number("spending", LeverFields.bound("fiscal.spending"), "change in government spending, share of GDP", 0);
    double tax = f.number("tax", LeverFields.bound("fiscal.tax"), "change in the tax rate on household income (0.01 = 1 point)", 0);
    String use = f.choice("tariff_revenue", List.of("debt", "spending", "transfers"), "debt");
    if (Double.isNaN(spending) || Double.isNaN(tax) || use == null) {
      return null;
    }
    List<Event.Target> out = new ArrayList<>();
    for (String r : rs) {
      if (spending != 0) {
        out.add(target("gmult[" + r + "]", 1 + spending * value("gdp0[" + r + "]") / value("g0[" + r + "]"),
            f.where("spending")));
      }
      if (tax != 0) {
        out.add(target("theta[" + r + "]", value("theta[" + r + "]") + tax, f.where("tax")));
      }
      if (f.has("tariff_revenue")) {
        out.add(target("tspend[" + r + "]", use.equals("spending") ? 1 : 0, f.where("tariff_revenue")));
        out.add(target("ttran[" + r + "]", use.equals("transfers") ? 1 : 0, f.where("tariff_revenue")));
      }
    }
    return new Lowered(out, 0);
  }

  private Lowered reservePolicy(Node body) {
    Fields f = new Fields("a reserve_policy", body, Set.of("region", "action", "amount", "share"), errors);
    String action = f.choice("action", List.of("accumulate", "sell", "hold", "diversify"), null);
    // the dollar is the reserve currency: the model's United States holds no official reserves
    // (res0 is 0), so it has none to buy or sell, and 'all' buyers or sellers are the other regions
    boolean trades = "accumulate".equals(action) || "sell".equals(action);
    List<String> rs = f.codes("region", regions, trades ? regionWords("USA") : Map.of("all", regions));
    if (action == null && !f.has("action")) {
      f.missing("action");
    }
    if (action == null) {
      return null;
    }
    if (trades && rs.contains("USA")) {
      errors.add(Diagnostic.error("E337", f.where("region"), "the United States holds no official reserves in the "
          + "model (the dollar is the reserve currency), so it cannot " + (action.equals("sell") ? "sell" : "buy") + " any")
          .withHint("name the regions whose central banks act, or write region: all for every region but the USA"));
      return null;
    }
    List<Event.Target> out = new ArrayList<>();
    switch (action) {
      case "hold" -> rs.forEach(r -> out.add(target("rhold[" + r + "]", 1, f.where("action"))));
      case "diversify" -> {
        // the preference against dollar claims that moves the 2024 dollar weight w to w (1 - share) in the logit
        double share = f.number("share", LeverFields.bound("reserve_policy.diversify.share"), "share of the dollar reserves moved to other issuers");
        if (Double.isNaN(share)) {
          return null;
        }
        double lamr = value("lamr");
        for (String r : rs) {
          double w = value("rw0[" + r + ",USA]");
          if (r.equals("USA") || w <= 0) {
            continue;
          }
          double v = w * (1 - share);
          out.add(target("rpref[" + r + ",USA]", 100 / lamr * Math.log(v * (1 - w) / (w * (1 - v))), f.where("share")));
        }
      }
      default -> {
        if (f.has("amount") == f.has("share")) {
          f.error("amount", "a reserve purchase or sale gives either 'amount' (USD bn a quarter) or 'share' (of the "
              + "region's 2024 reserves, a quarter)", "write amount: 100 or share: 0.02");
          return null;
        }
        double sign = action.equals("sell") ? -1 : 1;
        if (f.has("amount")) {
          double amount = f.number("amount", LeverFields.bound("reserve_policy.amount"), "USD bn a quarter of reserves bought (accumulate) or sold (sell)");
          if (Double.isNaN(amount)) {
            return null;
          }
          rs.forEach(r -> out.add(target("intv[" + r + "]", sign * amount, f.where("amount"))));
        } else {
          double share = f.number("share", LeverFields.bound("reserve_policy.share"), "share of the region's 2024 reserves bought or sold each quarter");
          if (Double.isNaN(share)) {
            return null;
          }
          rs.forEach(r -> out.add(target("intv[" + r + "]", sign * share * value("res0[" + r + "]"), f.where("share"))));
        }
      }
    }
    return new Lowered(out, 0);
  }

  /**
   * A holding period turns a tax on purchases into a return wedge a year: 100 x rate / years
   * (assumption: foreign holders keep US bonds and equities about five years by default).
   */
  static final double HOLDING_YEARS = 5;

  private Lowered capitalMeasure(Node body) {
    Fields f = new Fields("a capital_measure", body, Set.of("region", "kind", "on", "holders", "rate", "assets", "share",
        "holding"), errors);
    String region = f.code("region", regions);
    String kind = f.choice("kind", List.of("withholding_tax", "purchase_tax", "ownership_cap"), null);
    if (kind == null && !f.has("kind")) {
      f.missing("kind");
    }
    if (region == null || kind == null) {
      return null;
    }
    List<Event.Target> out = new ArrayList<>();
    switch (kind) {
      case "withholding_tax" -> {
        String on = f.choice("on", List.of("interest", "dividends"), "interest");
        String holders = f.choice("holders", List.of("foreign", "foreign_official", "foreign_private"), "foreign");
        double rate = f.number("rate", LeverFields.bound("capital_measure.withholding_tax.rate"), "share of the " + (on == null ? "income" : on) + " withheld: 0.3 is 30%");
        if (on == null || holders == null || Double.isNaN(rate)) {
          return null;
        }
        if (on.equals("dividends")) {
          // foreign portfolio holders of equity are households and funds: reserve managers hold debt only
          if (holders.equals("foreign_official")) {
            f.error("holders", "reserve managers hold no equity in the model, so a tax on dividends paid to foreign "
                + "official holders collects nothing", "write holders: foreign (or foreign_private)");
            return null;
          }
          out.add(target("whd[" + region + "]", rate, f.where("rate")));
          return new Lowered(out, 0);
        }
        if (!holders.equals("foreign_official")) {
          out.add(target("wht[" + region + "]", rate, f.where("rate")));
        }
        if (!holders.equals("foreign_private")) {
          out.add(target("whto[" + region + "]", rate, f.where("rate")));
        }
      }
      case "purchase_tax" -> {
        String assets = f.choice("assets", List.of("bonds", "equities", "all"), "all");
        double rate = f.number("rate", LeverFields.bound("capital_measure.purchase_tax.rate"), "tax on foreigners' purchases: 0.02 is 2% of what they buy");
        double years = f.number("holding", LeverFields.bound("capital_measure.purchase_tax.holding"), "years foreign holders keep what they buy (the tax spread over "
            + "them)", HOLDING_YEARS);
        if (assets == null || Double.isNaN(rate) || Double.isNaN(years)) {
          return null;
        }
        double wedge = 100 * rate / years;
        if (!assets.equals("equities")) {
          out.add(target("cfm[" + region + "]", wedge, f.where("rate")));
        }
        if (!assets.equals("bonds")) {
          out.add(target("eqtax[" + region + "]", wedge, f.where("rate")));
        }
      }
      default -> {
        String assets = f.choice("assets", List.of("bonds", "equities", "all"), "all");
        double share = f.number("share", LeverFields.bound("capital_measure.ownership_cap.share"), "the highest share of the region's government bonds (at market value) "
            + "or portfolio equity foreigners may hold");
        if (assets == null || Double.isNaN(share)) {
          return null;
        }
        if (!assets.equals("bonds")) {
          out.add(target("ocap[" + region + "]", Math.max(share, 1e-6), f.where("share")));
        }
        if (!assets.equals("equities")) {
          out.add(target("ocapd[" + region + "]", share, f.where("share")));
        }
      }
    }
    return new Lowered(out, 0);
  }

  /**
   * Members' currencies stronger against the dollar by {@code appreciation} over {@code over}
   * quarters, held by reserve sales (intervention) or by the policy rate (the rule's intercept).
   */
  private Lowered currencyAccord(Node body) {
    Fields f = new Fields("a currency_accord", body, Set.of("members", "appreciation", "over", "means", "relative_to"),
        errors);
    List<String> members = f.codes("members", regions.stream().filter(r -> !r.equals("USA")).toList(),
        Map.of("all", regions.stream().filter(r -> !r.equals("USA")).toList()));
    double appreciation = f.number("appreciation", LeverFields.bound("currency_accord.appreciation"), "0.20 makes each member's currency 20% stronger against "
        + "the dollar (local currency per dollar divided by 1.2); 0 holds it where it would have been");
    int over = f.integer("over", LeverFields.bound("currency_accord.over"), "quarters to reach the full appreciation", 1);
    String means = f.choice("means", List.of("intervention", "rates", "both"), "intervention");
    String reference = f.choice("relative_to", List.of("baseline", "scenario"), "baseline");
    if (Double.isNaN(appreciation) || means == null || reference == null || members.isEmpty()) {
      return null;
    }
    List<Integer> rates = members.stream().map(m -> slot("e[" + m + "]")).toList();
    List<Integer> reserves = members.stream().map(m -> slot("intv[" + m + "]")).toList();
    List<Integer> stances = members.stream().map(m -> slot("mstance[" + m + "]")).toList();
    return new Lowered(List.of(), 0, new Event.Accord(rates, reserves, stances, means, appreciation, over,
        reference.equals("baseline")));
  }

  private Lowered set(Node body) {
    List<Event.Target> out = new ArrayList<>();
    body.map().forEach((label, field) -> {
      Node v = field.value();
      if (!(v.value() instanceof Number x) || !Double.isFinite(x.doubleValue())) {
        errors.add(Diagnostic.error("E324", v.span(), "the value of '" + label + "' must be a finite number"));
        return;
      }
      for (int slot : Keys.slots(model, label, field.keySpan(), errors)) {
        out.add(new Event.Target(slot, x.doubleValue(), initial[slot], v.span()));
      }
    });
    return new Lowered(out, 0);
  }

  private double value(String label) {
    int slot = model.slotOf(label);
    if (slot < 0) {
      throw new IllegalStateException("the world model has no " + label + " (levers need the world model)");
    }
    return initial[slot];
  }

  /** The target {@code label = v}, from the field at {@code at} (where a value outside its range is reported). */
  private Event.Target target(String label, double v, Span at) {
    int slot = slot(label);
    return new Event.Target(slot, v, initial[slot], at);
  }

  private int slot(String label) {
    int slot = model.slotOf(label);
    if (slot < 0) {
      throw new IllegalStateException("the world model has no " + label + " (levers need the world model)");
    }
    return slot;
  }
}
