package accord.model;

import accord.lang.Range;
import accord.lang.Span;

/**
 * One scalar series of the model: {@code Y} or {@code Y[N]}; its column in the results, and the
 * range its values must stay in ({@link Range#ANY} unless the model declares one).
 */
public record Slot(int index, String label, String series, Kind kind, String doc, Span span, Range range) {

  /** A slot without a declared range. */
  public Slot(int index, String label, String series, Kind kind, String doc, Span span) {
    this(index, label, series, kind, doc, span, Range.ANY);
  }
}
