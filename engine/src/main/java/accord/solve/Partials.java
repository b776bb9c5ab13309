package accord.solve;

import accord.model.Expr;
import java.util.List;

/**
 * The symbolic partial derivatives a {@link Program} was compiled with, block by block: for each
 * assignment and each tear residual, the block variables it reads (local numbers) and its
 * derivative with respect to each. Deriving them is most of what compiling a large model costs,
 * and they depend only on the equations and the blocks: the model cache keeps them, and
 * {@link Program#compile(accord.structure.BlockStructure, Partials)} takes them back.
 */
public record Partials(List<Block> blocks) {

  public Partials {
    blocks = List.copyOf(blocks);
  }

  /** One compiled block's derivatives: per assignment and per tear, the variables and the derivatives. */
  public record Block(int[][] assignDeps, Expr[][] assign, int[][] tearDeps, Expr[][] tear) {
  }
}
