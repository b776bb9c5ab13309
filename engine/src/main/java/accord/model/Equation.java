package accord.model;

import accord.lang.Span;

/**
 * One flat equation {@code lhs = rhs}. {@code definedSlot} is the variable written alone on the
 * left (the one it is expected to determine), or -1 for an implicit equation.
 */
public record Equation(int index, String label, Expr lhs, Expr rhs, int definedSlot, Span span) {
}
