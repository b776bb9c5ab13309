package accord.world;

import accord.model.Csv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sourced 2024 data of models/world/data, as read: every figure keeps its source, series
 * and vintage so that the calibration report can cite it.
 *
 * @param facts     one figure per region and variable, from the files of that shape: macro.csv,
 *                  projections.csv, fiscal_equity.csv and debt_structure.csv
 * @param positions the IIP by instrument (positions.csv, the model_* rows), key region.instrument.side
 */
public record WorldData(Map<String, Figure> facts, Map<String, Double> goods, Map<String, Double> services,
    Map<String, Double> tariffs, Map<String, double[]> treasuries, Map<String, Double> reserves, Map<String, Double> io,
    Map<String, Figure> positions, Map<String, Double> invoicing, Map<String, Double> finalShares,
    Map<String, Figure> collected, Map<String, Figure> minerals) {

  public static final List<String> REGIONS = List.of("USA", "CHN", "EUR", "JPN", "KOR", "TWN", "IND", "MEX", "CAN", "ROW");
  public static final List<String> SECTORS = List.of("AGR", "ENE", "CRM", "MET", "CHE", "MAC", "ELE", "AUT", "CON", "SER");
  /** The files of shape region,variable,value,unit,source,series,vintage,status,note. */
  static final List<String> FACT_FILES = List.of("macro.csv", "projections.csv", "fiscal_equity.csv", "debt_structure.csv",
      "sector_balances.csv");

  /** One sourced figure with its provenance. */
  public record Figure(double value, String unit, String source, String series, String vintage, String status) {
  }

  public static WorldData read(Path dir) {
    Map<String, Figure> facts = new HashMap<>();
    for (String file : FACT_FILES) {
      for (List<String> r : table(dir.resolve(file)).rows()) {
        facts.put(r.get(0) + "." + r.get(1), new Figure(Double.parseDouble(r.get(2)), r.get(3), r.get(4), r.get(5),
            r.get(6), r.get(7)));
      }
    }
    Map<String, Double> goods = new HashMap<>();
    for (List<String> r : table(dir.resolve("trade_goods.csv")).rows()) {
      if (!r.get(2).equals("ALL")) {
        goods.put(r.get(0) + "." + r.get(1) + "." + r.get(2), Double.parseDouble(r.get(3)));
      }
    }
    Map<String, Double> services = new HashMap<>();
    for (List<String> r : table(dir.resolve("trade_services.csv")).rows()) {
      services.put(r.get(0) + "." + r.get(1), Double.parseDouble(r.get(2)));
    }
    Map<String, Double> tariffs = new HashMap<>();
    for (List<String> r : table(dir.resolve("tariffs.csv")).rows()) {
      tariffs.put(r.get(0) + "." + r.get(1) + "." + r.get(2), Double.parseDouble(r.get(3)));
    }
    Map<String, double[]> treasuries = new HashMap<>();
    for (List<String> r : table(dir.resolve("treasury_holdings.csv")).rows()) {
      treasuries.put(r.get(0), new double[] {Double.parseDouble(r.get(1)), Double.parseDouble(r.get(2))});
    }
    Map<String, Double> reserves = new HashMap<>();
    for (List<String> r : table(dir.resolve("reserve_currencies.csv")).rows()) {
      reserves.merge(r.get(1), Double.parseDouble(r.get(2)), Double::sum);
    }
    Map<String, Double> io = new HashMap<>();
    for (List<String> r : table(dir.resolve("io_by_region.csv")).rows()) {
      io.put(r.get(0) + "." + r.get(2) + "." + r.get(1), Double.parseDouble(r.get(3)));
    }
    Map<String, Figure> positions = new HashMap<>();
    for (List<String> r : table(dir.resolve("positions.csv")).rows()) {
      if (r.get(1).startsWith("model_")) {
        positions.put(r.get(0) + "." + r.get(1).substring(6) + "." + r.get(2), new Figure(Double.parseDouble(r.get(3)),
            "USD bn", r.get(4), r.get(5), r.get(6), r.get(7)));
      }
    }
    Map<String, Double> invoicing = new HashMap<>();
    for (List<String> r : table(dir.resolve("invoicing.csv")).rows()) {
      invoicing.put(r.get(0) + "." + r.get(1) + "." + r.get(2), Double.parseDouble(r.get(3)));
    }
    Map<String, Double> finalShares = new HashMap<>();
    Csv.Table fd = table(dir.resolve("final_demand_shares.csv"));
    for (List<String> r : fd.rows()) {
      for (String use : List.of("household", "government", "investment")) {
        finalShares.put(r.get(0) + "." + r.get(1) + "." + use, Double.parseDouble(r.get(fd.header().indexOf(use))));
      }
    }
    Map<String, Figure> collected = new HashMap<>();
    for (List<String> r : table(dir.resolve("tariffs_collected.csv")).rows()) {
      collected.put(r.get(0) + "." + r.get(1) + "." + r.get(2), new Figure(Double.parseDouble(r.get(3)), r.get(4), r.get(5),
          r.get(6), r.get(7), r.get(8)));
    }
    Map<String, Figure> minerals = new HashMap<>();
    for (List<String> r : table(dir.resolve("critical_minerals.csv")).rows()) {
      minerals.put(r.get(0) + "." + r.get(1), new Figure(Double.parseDouble(r.get(2)), r.get(3), r.get(4), r.get(5), r.get(6),
          r.get(7)));
    }
    return new WorldData(facts, goods, services, tariffs, treasuries, reserves, io, positions, invoicing, finalShares,
        collected, minerals);
  }

  static Csv.Table table(Path file) {
    try {
      return Csv.parse(accord.lang.TextFile.read(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** A figure, e.g. value("USA", "gdp"); throws if the data lack it. */
  public double value(String region, String variable) {
    Figure f = facts.get(region + "." + variable);
    if (f == null) {
      throw new IllegalStateException("models/world/data has no " + variable + " for " + region + " (in "
          + String.join(", ", FACT_FILES) + ")");
    }
    return f.value();
  }

  /** A figure, or {@code fallback} where the data have none. */
  public double value(String region, String variable, double fallback) {
    Figure f = facts.get(region + "." + variable);
    return f == null ? fallback : f.value();
  }

  public Figure figure(String region, String variable) {
    return facts.get(region + "." + variable);
  }

  /** A position of the IIP, end-2024, USD bn: instrument direct_investment, portfolio_equity, debt, debt_long, reserve_assets, derivatives_net. */
  public double position(String region, String instrument, String side) {
    return positionFigure(region, instrument, side).value();
  }

  /** The same position with its source. */
  public Figure positionFigure(String region, String instrument, String side) {
    Figure f = positions.get(region + "." + instrument + "." + side);
    if (f == null) {
      throw new IllegalStateException("models/world/data/positions.csv has no model_" + instrument + " " + side + " for " + region);
    }
    return f;
  }

  /** A figure of critical_minerals.csv (item, region). */
  public double mineral(String item, String region) {
    Figure f = minerals.get(item + "." + region);
    if (f == null) {
      throw new IllegalStateException("models/world/data/critical_minerals.csv has no " + item + " for " + region);
    }
    return f.value();
  }

  /** Goods exports of o to d in sector s, USD bn 2024 (0 when absent). */
  public double goods(String o, String d, String s) {
    return goods.getOrDefault(o + "." + d + "." + s, 0.0);
  }

  /** Statutory (estimated) tariff of importer d on exporter o in sector s (services: 0). */
  public double tariff(String d, String o, String s) {
    return tariffs.getOrDefault(d + "." + o + "." + s, 0.0);
  }

  /** A collected-tariff figure of tariffs_collected.csv (importer, exporter or WLD, item), or null. */
  public Figure collected(String importer, String exporter, String item) {
    return collected.get(importer + "." + exporter + "." + item);
  }

  /** Official (foreign central bank) holdings of US Treasuries by holder region, USD bn, end-2024 (TIC). */
  public double officialTreasuries(String holder) {
    double[] h = treasuries.get(holder);
    if (h == null) {
      throw new IllegalStateException("models/world/data/treasury_holdings.csv has no row for " + holder);
    }
    return h[0];
  }

  /** Share (percent) of the world's allocated reserves held in this issuer's currencies (IMF COFER); 0 if none. */
  public double reserveShare(String issuer) {
    return reserves.getOrDefault(issuer, 0.0);
  }

  /** Input of sector u per unit of gross output of sector s in region r (WIOD 2014, aggregated). */
  public double io(String r, String u, String s) {
    return io.getOrDefault(r + "." + u + "." + s, 0.0);
  }

  /** Share (percent) of a region's imports or exports invoiced in a currency (USD, EUR, own code, HOME), or NaN. */
  public double invoicing(String region, String flow, String currency) {
    return invoicing.getOrDefault(region + "." + flow + "." + currency, Double.NaN);
  }

  /** Share of a final-demand category (household, government, investment) spent on a sector (WIOD 2014). */
  public double finalShare(String region, String sector, String use) {
    return finalShares.getOrDefault(region + "." + sector + "." + use, 0.0);
  }
}
