package accord.structure;

/**
 * A set of equations solved together, in solve order. {@code assignments} are equations that
 * give their variable explicitly, evaluated in this order; {@code tearEquations} are solved by
 * Newton for {@code tearVariables} (empty for an explicit block). Variables are slot indices.
 */
public record Block(int index, int[] equations, int[] variables, int[] assignments,
    int[] tearEquations, int[] tearVariables) {

  public boolean simultaneous() {
    return tearVariables.length > 0;
  }

  public int size() {
    return equations.length;
  }
}
