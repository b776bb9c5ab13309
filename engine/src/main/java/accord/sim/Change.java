package accord.sim;

/** A scenario change: {@code slot} takes {@code value} from period {@code from} to {@code until} (inclusive, 1-based). */
public record Change(int slot, int from, int until, double value) {
}
