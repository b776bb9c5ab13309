package accord.explore;

import accord.compare.Indicator;
import accord.model.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * What a draw measures: the difference of the scenario from its baseline in one output, in
 * the output's difference unit. The world model's headline outputs are the comparison's
 * ({@link Indicator#HEADLINE}, per region); any series of any model can be one (its level
 * difference).
 */
public interface Output {

  /** The indicator or series, such as "real GDP" or "TB[USA]". */
  String name();

  /** The region, or "" for a series named whole. */
  String region();

  /** The unit of the difference, such as "% from baseline". */
  String unit();

  double difference(Indicator.Values scenario, Indicator.Values baseline, int period);

  /** A headline indicator of the world model in one region. */
  record Headline(Indicator indicator, String region) implements Output {
    @Override
    public String name() {
      return indicator.name();
    }

    @Override
    public String unit() {
      return indicator.difference();
    }

    @Override
    public double difference(Indicator.Values scenario, Indicator.Values baseline, int period) {
      return indicator.change(indicator.series().value(scenario, region, period),
          indicator.series().value(baseline, region, period));
    }
  }

  /** A series of the model by its label ({@code TB[USA]}): scenario less baseline, in its own unit. */
  record Series(String label) implements Output {
    @Override
    public String name() {
      return label;
    }

    @Override
    public String region() {
      return "";
    }

    @Override
    public String unit() {
      return "difference";
    }

    @Override
    public double difference(Indicator.Values scenario, Indicator.Values baseline, int period) {
      return scenario.value(label, period) - baseline.value(label, period);
    }
  }

  /** Every headline indicator in every region of the world model, in the comparison's order. */
  static List<Output> headline(Model model) {
    List<Output> out = new ArrayList<>();
    for (Indicator x : Indicator.HEADLINE) {
      for (String g : model.sets().get("Region").elements()) {
        out.add(new Headline(x, g));
      }
    }
    return out;
  }
}
