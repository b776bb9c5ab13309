package accord.solve;

import static org.objectweb.asm.Opcodes.*;

import accord.model.Expr;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Turns a block's equations into JVM bytecode, one hidden class per block, so that evaluating
 * them costs no virtual call per expression node. The code performs the operations of the
 * {@link Node} tree on the same operands ({@code Evaluator}'s helpers for power, log and square
 * root), so its values are bit-identical: Java 17 arithmetic is strict ({@link KernelEmitter} emits
 * a kernel, and splits one too large for the JIT into parts). It reports no errors:
 * where the tree would throw (a zero divisor, an assigned value that is not finite, a helper's
 * domain error) it returns false, and the caller runs the tree, which throws.
 *
 * <p>Equations come in families: the world model's 25,672 are instances of 239 shapes (the same
 * tree with other slots and constants). Each shape gets one kernel method, a loop over its
 * instances that reads their slots and constants from tables; so the code is a few hundred small
 * methods that stay in the instruction cache and that the JIT compiles at once, not megabytes of
 * straight-line code. Assignments run level by level (an equation after every one whose value
 * it reads), and within a level shape by shape: each equation still reads exactly the values it
 * read in the given order, so the order changes no result.
 */
final class Codegen {

  private static final String NAME = "accord/solve/GeneratedBlock";
  /** BlockCode.eval: (cur, rows, t, out) -> false to give up. */
  private static final String EVAL = "([D[[DI[D)Z";
  /** A segment of the entry: (cur, rows, t, out, refs, consts, dests). */
  private static final String SEGMENT = "([D[[DI[D[[I[[D[[I)Z";
  /** Group calls per entry segment: 25 bytes or fewer each, under HotSpot's 8000-byte limit for compiling. */
  static final int SEGMENT_CALLS = 250;

  /** An expression's shape (its tree without slots and constants), with its own slots, lags and constants. */
  record Instance(String shape, int[] refs, double[] consts, Set<Integer> lags) {

    static Instance of(Expr e) {
      StringBuilder key = new StringBuilder();
      List<Integer> refs = new ArrayList<>();
      List<Double> consts = new ArrayList<>();
      Set<Integer> lags = new TreeSet<>();
      walk(e, key, refs, consts, lags);
      return new Instance(key.toString(), refs.stream().mapToInt(Integer::intValue).toArray(),
          consts.stream().mapToDouble(Double::doubleValue).toArray(), lags);
    }

    /** In the order the emitter visits the tree: each Ref and Const is the next entry of its table. */
    private static void walk(Expr e, StringBuilder key, List<Integer> refs, List<Double> consts, Set<Integer> lags) {
      if (e instanceof Expr.Const c) {
        key.append('c');
        consts.add(c.value());
      } else if (e instanceof Expr.Ref r) {
        key.append('r').append(r.lag()).append(';');
        refs.add(r.slot());
        if (r.lag() > 0) {
          lags.add(r.lag());
        }
      } else if (e instanceof Expr.Unary u) {
        key.append('(').append(u.op());
        walk(u.operand(), key, refs, consts, lags);
        key.append(')');
      } else if (e instanceof Expr.Binary b) {
        key.append('(').append(b.op());
        walk(b.left(), key, refs, consts, lags);
        walk(b.right(), key, refs, consts, lags);
        key.append(')');
      } else if (e instanceof Expr.Call c) {
        key.append('(').append(c.fn());
        for (Expr a : c.args()) {
          walk(a, key, refs, consts, lags);
        }
        key.append(')');
      } else {
        Expr.Cond c = (Expr.Cond) e;
        key.append("(?");
        walk(c.condition(), key, refs, consts, lags);
        walk(c.then(), key, refs, consts, lags);
        walk(c.otherwise(), key, refs, consts, lags);
        key.append(')');
      }
    }
  }

  private Codegen() {
  }

  /** The code of {@code rhs[i]} into {@code cur[slots[i]]}, each after what it reads; null if too large for a class. */
  static BlockCode assignments(Expr[] rhs, int[] slots) {
    return generate(rhs, slots, levels(rhs, slots), true);
  }

  /** The code of {@code exprs[j]} into {@code out[j]}; null if too large for a class. */
  static BlockCode values(Expr[] exprs) {
    int[] dest = new int[exprs.length];
    for (int j = 0; j < dest.length; j++) {
      dest[j] = j;
    }
    return generate(exprs, dest, new int[exprs.length], false);
  }

  /**
   * Each assignment's level: one more than the highest of the assignments whose values it reads
   * in this row (0 for one that reads none). Where an assignment reads a slot assigned after it,
   * or two assign one slot, the given order is kept as it is (each its own level).
   */
  private static int[] levels(Expr[] rhs, int[] slots) {
    int n = rhs.length;
    Map<Integer, Integer> writer = new HashMap<>();
    int[] level = new int[n];
    for (int j = 0; j < n; j++) {
      level[j] = j;
      if (writer.put(slots[j], j) != null) {
        return level;
      }
    }
    for (int j = 0; j < n; j++) {
      int max = 0;
      for (int s : accord.structure.Incidence.currentSlots(rhs[j])) {
        Integer p = writer.get(s);
        if (p != null && p >= j) {
          for (int i = 0; i < n; i++) {
            level[i] = i;
          }
          return level;
        }
        if (p != null) {
          max = Math.max(max, level[p] + 1);
        }
      }
      level[j] = max;
    }
    return level;
  }

  /** A run of instances of one shape in one level: a call of its kernel with their tables. */
  private record Group(int kernel, int[] refs, double[] consts, int[] dests) {
  }

  private static BlockCode generate(Expr[] exprs, int[] dests, int[] level, boolean assign) {
    int n = exprs.length;
    Instance[] inst = new Instance[n];
    Map<String, Integer> kernelOf = new HashMap<>();
    List<Integer> kernels = new ArrayList<>();   // each kernel's first instance
    for (int j = 0; j < n; j++) {
      inst[j] = Instance.of(exprs[j]);
      if (kernelOf.putIfAbsent(inst[j].shape(), kernels.size()) == null) {
        kernels.add(j);
      }
    }
    // by level, then by kernel (first seen first), keeping the given order within a group
    Integer[] order = new Integer[n];
    for (int j = 0; j < n; j++) {
      order[j] = j;
    }
    java.util.Arrays.sort(order, java.util.Comparator.<Integer>comparingInt(j -> level[j])
        .thenComparingInt(j -> kernelOf.get(inst[j].shape())));
    List<Group> groups = new ArrayList<>();
    for (int from = 0, to; from < n; from = to) {
      int k = kernelOf.get(inst[order[from]].shape());
      for (to = from + 1; to < n && level[order[to]] == level[order[from]]
          && kernelOf.get(inst[order[to]].shape()) == k; to++) {
        // the run of one kernel in one level
      }
      Instance shape = inst[kernels.get(k)];
      int m = to - from;
      int[] refs = new int[m * shape.refs().length];
      double[] consts = new double[m * shape.consts().length];
      int[] d = new int[m];
      for (int i = 0; i < m; i++) {
        Instance x = inst[order[from + i]];
        System.arraycopy(x.refs(), 0, refs, i * x.refs().length, x.refs().length);
        System.arraycopy(x.consts(), 0, consts, i * x.consts().length, x.consts().length);
        d[i] = dests[order[from + i]];
      }
      groups.add(new Group(k, refs, consts, d));
    }
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
    cw.visit(V17, ACC_FINAL | ACC_SUPER, NAME, null, "java/lang/Object",
        new String[] {Type.getInternalName(BlockCode.class)});
    for (String f : List.of("refs", "consts", "dests")) {
      cw.visitField(ACC_PRIVATE | ACC_FINAL, f, f.equals("consts") ? "[[D" : "[[I", null, null).visitEnd();
    }
    constructor(cw);
    for (int k = 0; k < kernels.size(); k++) {
      KernelEmitter.kernel(cw, NAME, k, exprs[kernels.get(k)], inst[kernels.get(k)], assign);
    }
    List<String> segments = new ArrayList<>();
    for (int from = 0; from < groups.size(); from += SEGMENT_CALLS) {
      segments.add(segment(cw, segments.size(), from, Math.min(groups.size(), from + SEGMENT_CALLS), groups));
    }
    entry(cw, segments);
    cw.visitEnd();
    byte[] bytes;
    try {
      bytes = cw.toByteArray();
    } catch (MethodTooLargeException | ClassTooLargeException e) {
      return null;
    }
    try {
      Class<?> c = MethodHandles.lookup().defineHiddenClass(bytes, true).lookupClass();
      return (BlockCode) c.getConstructor(int[][].class, double[][].class, int[][].class).newInstance(
          groups.stream().map(Group::refs).toArray(int[][]::new),
          groups.stream().map(Group::consts).toArray(double[][]::new),
          groups.stream().map(Group::dests).toArray(int[][]::new));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the generated code of a block cannot be loaded", e);
    }
  }

  /** {@code (refs, consts, dests)} into the fields. */
  private static void constructor(ClassWriter cw) {
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "<init>", "([[I[[D[[I)V", null, null);
    mv.visitCode();
    mv.visitVarInsn(ALOAD, 0);
    mv.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    String[] names = {"refs", "consts", "dests"};
    for (int f = 0; f < 3; f++) {
      mv.visitVarInsn(ALOAD, 0);
      mv.visitVarInsn(ALOAD, f + 1);
      mv.visitFieldInsn(PUTFIELD, NAME, names[f], f == 1 ? "[[D" : "[[I");
    }
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /** The interface method: the segments in order; false as soon as one gives up. */
  private static void entry(ClassWriter cw, List<String> segments) {
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "eval", EVAL, null, null);
    mv.visitCode();
    Label fail = new Label();
    String[] names = {"refs", "consts", "dests"};
    for (String s : segments) {
      for (int local = 1; local <= 4; local++) {
        mv.visitVarInsn(local == 3 ? ILOAD : ALOAD, local);
      }
      for (int f = 0; f < 3; f++) {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, NAME, names[f], f == 1 ? "[[D" : "[[I");
      }
      mv.visitMethodInsn(INVOKESTATIC, NAME, s, SEGMENT, false);
      mv.visitJumpInsn(IFEQ, fail);
    }
    endCalls(mv, fail);
  }

  /** The end of a method of calls: true when all ran, false from {@code fail}, where one gave up. */
  private static void endCalls(MethodVisitor mv, Label fail) {
    mv.visitInsn(ICONST_1);
    mv.visitInsn(IRETURN);
    mv.visitLabel(fail);
    mv.visitInsn(ICONST_0);
    mv.visitInsn(IRETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /** Groups {@code from} to {@code to - 1}: each a call of its kernel with its tables. */
  private static String segment(ClassWriter cw, int number, int from, int to, List<Group> groups) {
    String name = "segment" + number;
    MethodVisitor mv = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, name, SEGMENT, null, null);
    mv.visitCode();
    Label fail = new Label();
    for (int g = from; g < to; g++) {
      for (int local = 0; local <= 3; local++) {
        mv.visitVarInsn(local == 2 ? ILOAD : ALOAD, local);
      }
      for (int table = 4; table <= 6; table++) {
        mv.visitVarInsn(ALOAD, table);
        KernelEmitter.pushInt(mv, g);
        mv.visitInsn(AALOAD);
      }
      mv.visitMethodInsn(INVOKESTATIC, NAME, "kernel" + groups.get(g).kernel(), KernelEmitter.KERNEL, false);
      mv.visitJumpInsn(IFEQ, fail);
    }
    endCalls(mv, fail);
    return name;
  }
}
