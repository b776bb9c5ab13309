package accord.explore.channels;

import accord.lang.Diagnostic;
import accord.lang.ModelException;
import accord.lang.Span;
import accord.model.Kind;
import accord.model.Model;
import accord.model.Series;
import accord.sim.Change;
import accord.sim.Results;
import java.util.ArrayList;
import java.util.List;

/**
 * A transmission channel of a model: a parameter {@code ch_NAME} in [0, 1] whose value 1 (the
 * default) lets the behaviour it names respond to the run and 0 makes it respond to the
 * baseline's path instead (models/world/blocks/channels.acc). Its name is the parameter's doc
 * string up to the first colon.
 */
public record Channel(String id, String name, String doc, int slot) {

  /** The prefix that marks a channel switch among a model's parameters. */
  public static final String PREFIX = "ch_";
  /** The suffix of a series that holds the baseline's path of the series it names. */
  public static final String BASE = "_base";

  /** The model's channels, in the order they are declared; E640 if it has none. */
  public static List<Channel> of(Model model) {
    List<Channel> out = new ArrayList<>();
    for (Series s : model.series().values()) {
      if (s.kind() == Kind.PARAM && s.name().startsWith(PREFIX) && s.dims().isEmpty()) {
        int colon = s.doc().indexOf(':');
        out.add(new Channel(s.name(), colon > 0 ? s.doc().substring(0, colon) : s.doc(), s.doc(), s.firstSlot()));
      }
    }
    out.sort(java.util.Comparator.comparingInt(Channel::slot));
    if (out.isEmpty()) {
      throw new ModelException(Diagnostic.error("E640", Span.NONE, "model " + model.name() + " has no channel switches")
          .withHint("a channel is a parameter ch_NAME = 1 in [0, 1] whose 0 makes the behaviour it names respond to "
              + "the baseline's path (X_base); the world model declares six in models/world/blocks/channels.acc"));
    }
    if (out.size() > 12) {
      throw new ModelException(Diagnostic.error("E640", Span.NONE, "model " + model.name() + " has " + out.size()
          + " channel switches; a decomposition runs 2^n combinations and takes at most 12")
          .withHint("merge channels, so that each switch holds a group of terms"));
    }
    return List.copyOf(out);
  }

  /**
   * The changes that give every {@code X_base} series of the model the path of {@code X} in
   * {@code baseline}, element by element and period by period.
   */
  public static List<Change> basePaths(Model model, Results baseline) {
    List<Change> out = new ArrayList<>();
    for (Series b : model.series().values()) {
      if (!b.name().endsWith(BASE) || b.kind() == Kind.ENDOGENOUS) {
        continue;
      }
      Series x = model.series().get(b.name().substring(0, b.name().length() - BASE.length()));
      if (x == null || !x.dims().equals(b.dims())) {
        throw new ModelException(Diagnostic.error("E640", b.span(), "series " + b.name() + " holds a baseline path, "
            + "but the model has no series " + b.name().replace(BASE, "") + " with the same index sets")
            .withHint("name a baseline path after the series it copies: X_base for X, with X's index sets"));
      }
      for (int k = 0; k < b.size(); k++) {
        for (int t = 1; t <= baseline.periods(); t++) {
          out.add(new Change(b.firstSlot() + k, t, t, baseline.rows()[t - 1][x.firstSlot() + k]));
        }
      }
    }
    return out;
  }
}
