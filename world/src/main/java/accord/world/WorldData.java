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
 */
public record WorldData(Map<String, Figure> macro, Map<String, Double> goods, Map<String, Double> services,
    Map<String, Double> tariffs, Map<String, double[]> treasuries, Map<String, Double> reserves, Map<String, Double> io) {

  public static final List<String> REGIONS = List.of("USA", "CHN", "EUR", "JPN", "KOR", "TWN", "IND", "MEX", "CAN", "ROW");
  public static final List<String> SECTORS = List.of("AGR", "ENE", "CRM", "MET", "CHE", "MAC", "ELE", "AUT", "CON", "SER");

  /** One figure of macro.csv with its provenance. */
  public record Figure(double value, String unit, String source, String series, String vintage, String status) {
  }

  public static WorldData read(Path dir) {
    Map<String, Figure> macro = new HashMap<>();
    Csv.Table m = table(dir.resolve("macro.csv"));
    for (List<String> r : m.rows()) {
      macro.put(r.get(0) + "." + r.get(1), new Figure(Double.parseDouble(r.get(2)), r.get(3), r.get(4), r.get(5),
          r.get(6), r.get(7)));
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
    for (List<String> r : table(dir.resolve("io_coefficients.csv")).rows()) {
      io.put(r.get(1) + "." + r.get(0), Double.parseDouble(r.get(2)));
    }
    return new WorldData(macro, goods, services, tariffs, treasuries, reserves, io);
  }

  static Csv.Table table(Path file) {
    try {
      return Csv.parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** A macro figure, e.g. value("USA", "gdp"); throws if the data lack it. */
  public double value(String region, String variable) {
    Figure f = macro.get(region + "." + variable);
    if (f == null) {
      throw new IllegalStateException("models/world/data/macro.csv has no " + variable + " for " + region);
    }
    return f.value();
  }

  public Figure figure(String region, String variable) {
    return macro.get(region + "." + variable);
  }

  /** Goods exports of o to d in sector s, USD bn 2024 (0 when absent). */
  public double goods(String o, String d, String s) {
    return goods.getOrDefault(o + "." + d + "." + s, 0.0);
  }

  /** Applied tariff of importer d on exporter o in sector s (services: 0). */
  public double tariff(String d, String o, String s) {
    return tariffs.getOrDefault(d + "." + o + "." + s, 0.0);
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

  /** Input of sector k per unit of gross output of sector s. */
  public double io(String k, String s) {
    return io.getOrDefault(k + "." + s, 0.0);
  }
}
