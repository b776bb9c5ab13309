package accord.model;

/**
 * A condition a model declares with {@code check}: it should hold in every solved period (a
 * value within its valid range, such as reserves that cannot go negative). A run that breaks it
 * is reported, not stopped. {@code condition.lhs()} is the condition; {@code doc} says why it
 * matters.
 */
public record Check(Equation condition, String doc) {
}
