package accord.structure;

import accord.model.Model;
import java.util.List;

/**
 * The solve order of a model under one closure: the unknowns, the variable each equation
 * determines, and the blocks dependencies first.
 */
public record BlockStructure(Model model, String closure, int[] unknowns, int[] variableOf, List<Block> blocks) {

  public int simultaneousCount() {
    return (int) blocks.stream().filter(Block::simultaneous).count();
  }

  public Block largest() {
    Block best = blocks.get(0);
    for (Block b : blocks) {
      if (b.size() > best.size()) {
        best = b;
      }
    }
    return best;
  }
}
