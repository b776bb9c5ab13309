package accord.web;

import accord.explore.channels.Channel;
import accord.explore.channels.ChannelDecomposition;
import accord.explore.channels.Effect;
import accord.explore.channels.Outputs;
import accord.scenario.ScenarioFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Channel decompositions ({@code accord explain}) answered by the server: each is 2^6 runs of the
 * world model, so one runs at a time (on the lab's threads) and a request that comes while one runs
 * is refused with 503 (E720) rather than queued behind it. The latest answers are kept, so the lab
 * that asks again for the same scenario, levers, output and quarter is answered at once.
 */
final class Explanations {

  /** Answers kept, by their request. */
  static final int KEPT = 16;

  private final Semaphore running = new Semaphore(1);
  private final Map<String, Map<String, Object>> recent = java.util.Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Object>> eldest) {
          return size() > KEPT;
        }
      });
  private final int threads;

  Explanations(int threads) {
    this.threads = threads;
  }

  /**
   * The effect of the scenario {@code text} (a library scenario with {@code overrides} written in)
   * on {@code output} in quarter {@code at} (null: the run's last), split into the model's
   * channels: a row per channel, the rest with every channel off, the interactions and the total.
   */
  Map<String, Object> explain(Library.Entry entry, Map<String, Double> overrides, String text, String output,
      String at) {
    ScenarioFile file = ScenarioFile.read(entry.file(), text, null);
    Effect effect = Outputs.named(file.model(), output, "output");
    int period = Outputs.period(file, at, "at");
    String key = entry.name() + "\n" + text + "\n" + effect.label() + "\n" + period;
    Map<String, Object> kept = recent.get(key);
    if (kept != null) {
      return kept;
    }
    if (!running.tryAcquire()) {
      throw new ApiError(503, "E720", "a channel decomposition is running already (64 runs of the model); the server "
          + "runs one at a time", "ask again when it is done, in a few seconds");
    }
    try {
      ChannelDecomposition.Explanation e = ChannelDecomposition.explain(file, List.of(effect), period, threads);
      Map<String, Object> out = view(entry, overrides, file, e);
      recent.put(key, out);
      return out;
    } finally {
      running.release();
    }
  }

  private static Map<String, Object> view(Library.Entry entry, Map<String, Double> overrides, ScenarioFile file,
      ChannelDecomposition.Explanation e) {
    ChannelDecomposition d = e.decompositions().get(0);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("scenario", entry.name());
    out.put("title", file.name());
    out.put("overrides", Map.copyOf(overrides));
    out.put("output", d.effect().label());
    out.put("unit", d.effect().unit() + (d.effect().unit().startsWith("USD") ? " (annual rate)" : ""));
    out.put("quarter", d.quarter());
    List<Object> rows = new ArrayList<>();
    for (int i = 0; i < d.channels().size(); i++) {
      Channel c = d.channels().get(i);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("switch", c.id());
      row.put("name", c.name());
      row.put("doc", c.doc());
      row.put("contribution", Json.finite(d.shapley()[i]));
      row.put("switchedOffAlone", Json.finite(d.leaveOneOut()[i]));
      rows.add(row);
    }
    out.put("channels", rows);
    out.put("rest", Json.finite(d.rest()));
    out.put("interactions", Json.finite(d.interactions()));
    out.put("total", Json.finite(d.total()));
    out.put("runs", e.runs());
    out.put("seconds", Math.round(e.nanos() / 1e7) / 100.0);
    return out;
  }
}
