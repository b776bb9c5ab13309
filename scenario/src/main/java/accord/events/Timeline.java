package accord.events;

import accord.sim.Change;
import accord.sim.Trigger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lowers events to the engine's changes. A later event on the same lever and elements replaces
 * the earlier one from its {@code at} on: each element's path is written event by event in order
 * of {@code at} (file order among events of the same quarter), every event first clearing the
 * path from its {@code at} to the end.
 */
public final class Timeline {

  private Timeline() {
  }

  public static List<Change> changes(List<Event> events, int periods) {
    List<Event> ordered = new ArrayList<>(events.stream().filter(e -> e.when() == null).toList());
    ordered.sort(Comparator.comparingInt(Event::at));   // stable: file order within a quarter
    Map<Integer, Double[]> paths = new TreeMap<>();
    for (Event e : ordered) {
      for (Event.Target x : e.targets()) {
        Double[] path = paths.computeIfAbsent(x.slot(), s -> new Double[periods + 1]);
        for (int t = e.at(); t <= periods; t++) {
          path[t] = t <= e.until() ? x.at(e.profile(t)) : null;
        }
      }
    }
    List<Change> out = new ArrayList<>();
    paths.forEach((slot, path) -> {
      for (int t = 1; t <= periods; t++) {
        if (path[t] == null) {
          continue;
        }
        // runs of equal values become one change
        int end = t;
        while (end < periods && path[end + 1] != null && path[end + 1].equals(path[t])) {
          end++;
        }
        out.add(new Change(slot, t, end, path[t]));
        t = end;
      }
    });
    return out;
  }

  /**
   * The triggered events as the engine's triggers: each watches from its {@code at} and, once it
   * fires, sets its targets from the next quarter on with its phase-in and substitution counted
   * from there.
   */
  public static List<Trigger> triggers(List<Event> events, int periods) {
    List<Trigger> out = new ArrayList<>();
    for (Event e : events) {
      if (e.when() == null) {
        continue;
      }
      // watched from the quarter 'at' on (the engine tests the 1-based period it is given and later ones)
      Event relative = new Event(e.lever(), 0, periods, e.phaseIn(), e.halfLife(), e.targets(), null, null, e.span());
      List<Change> changes = new ArrayList<>();
      for (Event.Target x : e.targets()) {
        for (int k = 0; k < periods; k++) {
          changes.add(new Change(x.slot(), k, k, x.at(relative.profile(k))));
        }
      }
      Event.When w = e.when();
      String name = (out.size() + 1) + ": " + e.lever() + " when " + w.describe();
      out.add(new Trigger(name, e.at(), w::holds, changes));
    }
    return out;
  }
}
