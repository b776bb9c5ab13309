package accord.model;

import accord.lang.Span;

/** One scalar series of the model: {@code Y} or {@code Y[N]}; its column in the results. */
public record Slot(int index, String label, String series, Kind kind, String doc, Span span) {
}
