package accord.explore;

/**
 * Where a sweep's results go, one draw at a time and in draw order (0, 1, 2, ... whatever the
 * engine's threads or machines did first), so that a sink that summarises (the fans' quantile
 * sketches) gives the same bits on any engine. A run store is a sink that writes each result down.
 */
public interface ResultSink {

  void accept(DrawResult result);

  /** Every sink in turn. */
  static ResultSink all(ResultSink... sinks) {
    return r -> {
      for (ResultSink s : sinks) {
        s.accept(r);
      }
    };
  }
}
