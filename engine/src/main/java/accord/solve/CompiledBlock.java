package accord.solve;

import accord.model.Equation;
import accord.model.EvalException;
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
  /** The chain rule from the partials to the Jacobian (null without tears). */
  final Tangents tangents;
  /** For Codegen: the assignments' right sides; each tear's lhs, rhs and magnitude; every partial (assignments' then tears'). */
  final Expr[] assignExpr;
  final Expr[] tearExpr;
  final Expr[] partialExpr;

  /** The slots the assignments write, in order. */
  private final int[] assigned;
  /**
   * The assignments get bytecode ({@link Codegen}) once the block has evaluated this many
   * equations through the trees, and has been evaluated a thousandth as many times (see
   * {@link Program#CODEGEN_AFTER}); the tear residuals and the partials at their first use after
   * that. Negative: never.
   */
  private final int codegenAfter;
  /** Evaluations of the block so far; racy on purpose: it only decides when to generate. */
  private int calls;
  private volatile BlockCode assignCode;
  private volatile BlockCode tearCode;
  private volatile BlockCode partialCode;
  /** Stands for code not made because the block is too large for a class file. */
  private static final BlockCode NONE = new BlockCode() {
    @Override
    public boolean eval(double[] cur, double[][] rows, int t, double[] out) {
      return false;
    }
  };

  /** The derivatives as expressions, per assignment and per tear: what {@link Partials} keeps. */
  final Expr[][] assignPartialExpr;
  final Expr[][] tearPartialExpr;

  /** {@code given}: this block's derivatives from an earlier compile of the same equations, or null to derive them. */
  CompiledBlock(Block block, List<Equation> equations, int codegenAfter, Partials.Block given) {
    this.block = block;
    this.codegenAfter = codegenAfter;
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
    assignExpr = new Expr[order.length];
    assignPartialExpr = new Expr[order.length][];
    List<Expr> partialExprs = new ArrayList<>();
    for (int i = 0; i < order.length; i++) {
      Expr rhs = equations.get(order[i]).rhs();
      assignExpr[i] = rhs;
      assignRhs[i] = Node.compile(rhs);
      if (k > 0 && given != null) {
        reuse(given.assignDeps()[i], given.assign()[i], i, assignDeps, assignPartials, assignPartialExpr, partialExprs);
      } else if (k > 0) {
        partials(rhs, local, i, assignDeps, assignPartials, assignPartialExpr, partialExprs);
      }
    }
    tearEq = block.tearEquations().clone();
    tearLhs = new Node[k];
    tearRhs = new Node[k];
    tearMagnitude = new Node[k];
    tearAssignable = new boolean[k];
    tearDeps = new int[k][];
    tearPartials = new Node[k][];
    tearPartialExpr = new Expr[k][];
    tearExpr = new Expr[3 * k];
    for (int i = 0; i < k; i++) {
      Equation e = equations.get(tearEq[i]);
      tearExpr[3 * i] = e.lhs();
      tearExpr[3 * i + 1] = e.rhs();
      tearExpr[3 * i + 2] = Expr.magnitude(new Expr.Binary(Expr.Op.SUB, e.lhs(), e.rhs(), e.span()));
      tearLhs[i] = Node.compile(tearExpr[3 * i]);
      tearRhs[i] = Node.compile(tearExpr[3 * i + 1]);
      tearMagnitude[i] = Node.compile(tearExpr[3 * i + 2]);
      tearAssignable[i] = e.definedSlot() == slot[i] && !Incidence.currentSlots(e.rhs()).contains(slot[i]);
      if (given != null) {
        reuse(given.tearDeps()[i], given.tear()[i], i, tearDeps, tearPartials, tearPartialExpr, partialExprs);
      } else {
        Expr residual = new Expr.Binary(Expr.Op.SUB, e.lhs(), e.rhs(), e.span());
        partials(residual, local, i, tearDeps, tearPartials, tearPartialExpr, partialExprs);
      }
    }
    partialExpr = partialExprs.toArray(Expr[]::new);
    tangents = k > 0 ? new Tangents(k, assignDeps) : null;
    assigned = java.util.Arrays.copyOfRange(slot, k, n);
  }

  /**
   * Runs the assignments through their bytecode; false if there is none yet or it gave up: the
   * caller then runs the trees, which report the error.
   */
  boolean assignByCode(double[] cur, double[][] rows, int t) {
    BlockCode c = assignCode;
    if (c == null) {
      calls++;
      if (codegenAfter < 0 || calls < codegenAfter / 1000 || (long) calls * n < codegenAfter) {
        return false;
      }
      c = orNone(Codegen.assignments(assignExpr, assigned));
      assignCode = c;
    }
    return run(c, cur, rows, t, null);
  }

  /** Makes the assignments' bytecode now, whatever the count (the tears' and partials' follow at first use). */
  void generate() {
    if (assignCode == null && codegenAfter >= 0) {
      assignCode = orNone(Codegen.assignments(assignExpr, assigned));
    }
  }

  /** Each tear's lhs, rhs and magnitude into {@code out[3i..3i+2]} through bytecode; false as above. */
  boolean tearsByCode(double[] cur, double[][] rows, int t, double[] out) {
    if (tearCode == null && assignCode != null) {
      tearCode = orNone(Codegen.values(tearExpr));
    }
    return tearCode != null && run(tearCode, cur, rows, t, out);
  }

  /** Every partial into {@code out} (in {@link #partialExpr} order) through bytecode; false as above. */
  boolean partialsByCode(double[] cur, double[][] rows, int t, double[] out) {
    if (partialCode == null && assignCode != null) {
      partialCode = orNone(Codegen.values(partialExpr));
    }
    return partialCode != null && run(partialCode, cur, rows, t, out);
  }

  private static BlockCode orNone(BlockCode c) {
    return c != null ? c : NONE;
  }

  private static boolean run(BlockCode c, double[] cur, double[][] rows, int t, double[] out) {
    try {
      return c.eval(cur, rows, t, out);
    } catch (EvalException e) {
      return false;   // a shared helper's domain error: the trees report it
    }
  }

  /** This block's derivatives, to be given back to a later compile. */
  Partials.Block partials() {
    return new Partials.Block(assignDeps, assignPartialExpr, tearDeps, tearPartialExpr);
  }

  /** Whether {@code p} has the shape of this block's derivatives: as many assignments and tears. */
  static boolean fits(Block block, Partials.Block p) {
    int k = block.tearVariables().length;
    int a = block.assignments().length;
    return p.tearDeps().length == k && p.tear().length == k && p.assignDeps().length == a && p.assign().length == a;
  }

  private static void reuse(int[] d, Expr[] de, int i, int[][] deps, Node[][] out, Expr[][] outExpr, List<Expr> exprs) {
    deps[i] = d;
    outExpr[i] = de;
    Node[] p = new Node[de.length];
    for (int j = 0; j < de.length; j++) {
      p[j] = Node.compile(de[j]);
      exprs.add(de[j]);
    }
    out[i] = p;
  }

  private static void partials(Expr e, Map<Integer, Integer> local, int i, int[][] deps, Node[][] out,
      Expr[][] outExpr, List<Expr> exprs) {
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
        exprs.add(de);
      }
    }
    deps[i] = d.stream().mapToInt(Integer::intValue).toArray();
    out[i] = p.toArray(Node[]::new);
    outExpr[i] = exprs.subList(exprs.size() - p.size(), exprs.size()).toArray(Expr[]::new);
  }
}
