package accord.solve;

import accord.model.Equation;
import accord.model.Expr;
import accord.structure.Block;
import accord.structure.Incidence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One block ready to solve. Local variable numbering: the k tear variables first, then the
 * assigned variables in evaluation order. For Newton, each equation carries the exact partial
 * derivatives of its right side (assignments) or residual (tears) with respect to the block
 * variables it reads.
 */
final class CompiledBlock {

  final Block block;
  final int k;
  final int n;
  final int[] slot;
  final int[] assignEq;
  final Node[] assignRhs;
  final int[][] assignDeps;
  final Node[][] assignPartials;
  final int[] tearEq;
  final Node[] tearLhs;
  final Node[] tearRhs;
  /** Per tear equation: the sum of the absolute values of its additive terms (its natural scale). */
  final Node[] tearMagnitude;
  final boolean[] tearAssignable;
  final int[][] tearDeps;
  final Node[][] tearPartials;

  CompiledBlock(Block block, List<Equation> equations) {
    this.block = block;
    this.k = block.tearVariables().length;
    this.n = block.variables().length;
    this.slot = new int[n];
    Map<Integer, Integer> local = new HashMap<>();
    for (int i = 0; i < k; i++) {
      slot[i] = block.tearVariables()[i];
      local.put(slot[i], i);
    }
    int[] order = block.assignments();
    for (int i = 0; i < order.length; i++) {
      slot[k + i] = equations.get(order[i]).definedSlot();
      local.put(slot[k + i], k + i);
    }
    assignEq = order.clone();
    assignRhs = new Node[order.length];
    assignDeps = new int[order.length][];
    assignPartials = new Node[order.length][];
    for (int i = 0; i < order.length; i++) {
      Expr rhs = equations.get(order[i]).rhs();
      assignRhs[i] = Node.compile(rhs);
      if (k > 0) {
        partials(rhs, local, i, assignDeps, assignPartials);
      }
    }
    tearEq = block.tearEquations().clone();
    tearLhs = new Node[k];
    tearRhs = new Node[k];
    tearMagnitude = new Node[k];
    tearAssignable = new boolean[k];
    tearDeps = new int[k][];
    tearPartials = new Node[k][];
    for (int i = 0; i < k; i++) {
      Equation e = equations.get(tearEq[i]);
      tearLhs[i] = Node.compile(e.lhs());
      tearRhs[i] = Node.compile(e.rhs());
      tearMagnitude[i] = Node.compile(Expr.magnitude(new Expr.Binary(Expr.Op.SUB, e.lhs(), e.rhs(), e.span())));
      tearAssignable[i] = e.definedSlot() == slot[i] && !Incidence.currentSlots(e.rhs()).contains(slot[i]);
      Expr residual = new Expr.Binary(Expr.Op.SUB, e.lhs(), e.rhs(), e.span());
      partials(residual, local, i, tearDeps, tearPartials);
    }
  }

  /** Partial derivatives of {@code e} with respect to the block variables it reads. */
  private static void partials(Expr e, Map<Integer, Integer> local, int i, int[][] deps, Node[][] out) {
    List<Integer> d = new ArrayList<>();
    List<Node> p = new ArrayList<>();
    for (int s : Incidence.currentSlots(e)) {
      Integer v = local.get(s);
      if (v == null) {
        continue;
      }
      Expr de = Derivative.of(e, s);
      if (!Derivative.isZero(de)) {
        d.add(v);
        p.add(Node.compile(de));
      }
    }
    deps[i] = d.stream().mapToInt(Integer::intValue).toArray();
    out[i] = p.toArray(Node[]::new);
  }
}
