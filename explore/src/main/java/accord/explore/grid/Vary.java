package accord.explore.grid;

import accord.lang.Diagnostic;
import accord.lang.ModelException;
import accord.lang.Span;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code --vary} of a grid: an event field, {@code tariff.rate} or {@code tariff[2].rate} (the
 * second tariff event of the scenario), and its values from {@code from} to {@code to} by {@code
 * step}, both ends included. The values are decimal, so 0:1.5:0.1 gives 0.3, not
 * 0.30000000000000004, and reaches 1.5.
 *
 * @param index the event's place among the scenario's events of that lever, from 1; 0 when not given
 */
public record Vary(String text, String lever, int index, String field, List<BigDecimal> values) {

  private static final Pattern FORM = Pattern.compile(
      "\\s*([a-z_]+)(?:\\[(\\d+)\\])?\\.([a-z_]+)\\s*=\\s*([^:\\s]+)\\s*:\\s*([^:\\s]+)\\s*:\\s*([^:\\s]+)\\s*");

  public Vary {
    values = List.copyOf(values);
  }

  /** The event as the user addressed it: {@code tariff} or {@code tariff[2]}. */
  public String event() {
    return lever + (index > 0 ? "[" + index + "]" : "");
  }

  /** The field as the user addressed it: {@code tariff[2].rate}. */
  public String name() {
    return event() + "." + field;
  }

  /**
   * Reads {@code LEVER[.INDEX].FIELD=FROM:TO:STEP}; E650 if it is not that, E654 for a step of 0 or
   * one that leads away from {@code to}, E655 for more values than {@code limit}.
   */
  public static Vary parse(String text, int limit) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      throw error("E650", "--vary \"" + text + "\" is not LEVER.FIELD=FROM:TO:STEP",
          "write --vary \"tariff.rate=0:1.5:0.1\", or with the event's place among the scenario's events of that lever "
              + "--vary \"tariff[2].rate=0:1:0.25\"");
    }
    int index = m.group(2) == null ? 0 : parseIndex(m.group(2), text);
    BigDecimal from = decimal(m.group(4), "FROM", text);
    BigDecimal to = decimal(m.group(5), "TO", text);
    BigDecimal step = decimal(m.group(6), "STEP", text);
    if (step.signum() == 0) {
      throw error("E654", "--vary \"" + text + "\" has a step of 0", "give a step such as 0.1 (or -0.1 to count down)");
    }
    int direction = to.compareTo(from);
    if (direction != 0 && direction != step.signum()) {
      throw error("E654", "--vary \"" + text + "\": a step of " + step.toPlainString() + " leads away from " + to.toPlainString(),
          "from " + from.toPlainString() + " to " + to.toPlainString() + " the step must be "
              + (direction > 0 ? "positive" : "negative"));
    }
    BigDecimal count = to.subtract(from).divide(step, 0, java.math.RoundingMode.FLOOR).add(BigDecimal.ONE);
    if (count.compareTo(BigDecimal.valueOf(limit)) > 0) {
      throw error("E655", "--vary \"" + text + "\" gives " + count.toPlainString() + " values; a grid runs at most "
          + limit + " points", "take a larger step or a narrower range");
    }
    List<BigDecimal> values = new ArrayList<>();
    for (int k = 0; k < count.intValueExact(); k++) {
      values.add(from.add(step.multiply(BigDecimal.valueOf(k))).stripTrailingZeros());
    }
    return new Vary(text, m.group(1), index, m.group(3), values);
  }

  private static int parseIndex(String digits, String text) {
    try {
      int i = Integer.parseInt(digits);
      if (i >= 1) {
        return i;
      }
    } catch (NumberFormatException e) {
      // too many digits: refused below
    }
    throw error("E652", "--vary \"" + text + "\": events are counted from 1", "tariff[1] is the scenario's first "
        + "tariff event, tariff[2] its second");
  }

  private static BigDecimal decimal(String s, String what, String text) {
    try {
      BigDecimal d = new BigDecimal(s);
      if (d.abs().compareTo(BigDecimal.valueOf(1e12)) <= 0) {
        return d;
      }
    } catch (NumberFormatException e) {
      // not a number: refused below
    }
    throw error("E650", "--vary \"" + text + "\": " + what + " is '" + s + "', not a number",
        "write numbers such as 0, 1.5, 0.1 or 1e-3");
  }

  static ModelException error(String code, String message, String hint) {
    return new ModelException(Diagnostic.error(code, Span.NONE, message).withHint(hint));
  }
}
