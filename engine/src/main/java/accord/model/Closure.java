package accord.model;

import accord.lang.Span;
import java.util.List;

/** Which slots swap roles: {@code exogenize} become known, {@code endogenize} become unknown. */
public record Closure(String name, String doc, List<Integer> exogenize, List<Integer> endogenize, Span span) {
}
