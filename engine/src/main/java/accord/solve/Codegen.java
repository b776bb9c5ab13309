package accord.solve;

import static org.objectweb.asm.Opcodes.*;

import accord.lang.Span;
import accord.model.Evaluator;
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
 * Turns a block's equations into straight-line JVM bytecode, one hidden class per block, so that
 * evaluating them costs no virtual call per expression node. The code performs the operations of
 * the {@link Node} tree on the same operands ({@code Evaluator}'s helpers for power, log and
 * square root), so its values are bit-identical: Java 17 arithmetic is strict. It reports no
 * errors: where the tree would throw (a zero divisor, an assigned value that is not finite, a
 * helper's domain error) it returns false, and the caller runs the tree, which throws.
 *
 * <p>HotSpot never compiles a method of more than 8000 bytes of bytecode (HugeMethodLimit), so
 * the equations are cut into chunk methods of about {@link #CHUNK_BYTES} each, called in turn.
 */
final class Codegen {

  static final int CHUNK_BYTES = 4000;

  private static final String NAME = "accord/solve/GeneratedBlock";
  /** BlockCode.eval and each chunk: (cur, rows, t, out) -> false to give up. */
  private static final String CHUNK = "([D[[DI[D)Z";
  private static final String EVALUATOR = Type.getInternalName(Evaluator.class);
  private static final String UNARY_HELPER = "(D" + Type.getDescriptor(Span.class) + ")D";
  private static final String BINARY_HELPER = "(DD" + Type.getDescriptor(Span.class) + ")D";
  // locals of a chunk method
  private static final int CUR = 0;
  private static final int ROWS = 1;
  private static final int T = 2;
  private static final int OUT = 3;
  /** NaN once an assigned value was not finite: the sum of value * 0 (two slots, a double). */
  private static final int NOT_FINITE = 4;
  private static final int FIRST_LAG_ROW = 6;

  /** Writes {@code value} into {@code array[index]}; {@code finite}: give up unless it is finite. */
  private record Store(Expr value, int array, int index, boolean finite) {
  }

  private Codegen() {
  }

  /** The code of {@code rhs[i]} into {@code cur[slots[i]]}, in order; null if too large for a class. */
  static BlockCode assignments(Expr[] rhs, int[] slots) {
    List<Store> stores = new ArrayList<>();
    for (int i = 0; i < rhs.length; i++) {
      stores.add(new Store(rhs[i], CUR, slots[i], true));
    }
    return generate(stores);
  }

  /** The code of {@code exprs[j]} into {@code out[j]}; null if too large for a class. */
  static BlockCode values(Expr[] exprs) {
    List<Store> stores = new ArrayList<>();
    for (int j = 0; j < exprs.length; j++) {
      stores.add(new Store(exprs[j], OUT, j, false));
    }
    return generate(stores);
  }

  private static BlockCode generate(List<Store> stores) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
    cw.visit(V17, ACC_FINAL | ACC_SUPER, NAME, null, "java/lang/Object",
        new String[] {Type.getInternalName(BlockCode.class)});
    MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
    init.visitCode();
    init.visitVarInsn(ALOAD, 0);
    init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitInsn(RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
    entry(cw, chunks(cw, stores));
    cw.visitEnd();
    byte[] bytes;
    try {
      bytes = cw.toByteArray();
    } catch (MethodTooLargeException | ClassTooLargeException e) {
      return null;
    }
    try {
      Class<?> c = MethodHandles.lookup().defineHiddenClass(bytes, true).lookupClass();
      return (BlockCode) c.getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the generated code of a block cannot be loaded", e);
    }
  }

  /** The interface method: calls the chunks in order; false as soon as one gives up. */
  private static void entry(ClassWriter cw, List<String> chunks) {
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "eval", CHUNK, null, null);
    mv.visitCode();
    Label fail = new Label();
    for (String c : chunks) {
      for (int local = 1; local <= 4; local++) {
        mv.visitVarInsn(local == 3 ? ILOAD : ALOAD, local);
      }
      mv.visitMethodInsn(INVOKESTATIC, NAME, c, CHUNK, false);
      mv.visitJumpInsn(IFEQ, fail);
    }
    mv.visitInsn(ICONST_1);
    mv.visitInsn(IRETURN);
    mv.visitLabel(fail);
    mv.visitInsn(ICONST_0);
    mv.visitInsn(IRETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /** Cuts the stores into chunk methods of at most CHUNK_BYTES (unless one store is larger). */
  private static List<String> chunks(ClassWriter cw, List<Store> stores) {
    int[] size = new int[stores.size()];
    List<Set<Integer>> lags = new ArrayList<>();
    for (int i = 0; i < size.length; i++) {
      Emitter dry = new Emitter(new MethodVisitor(ASM9) { });   // measures, writes nothing
      dry.store(stores.get(i));
      size[i] = dry.bytes;
      lags.add(dry.lagRows.keySet());
    }
    List<String> names = new ArrayList<>();
    for (int from = 0, to; from < size.length; from = to) {
      Set<Integer> used = new TreeSet<>(lags.get(from));
      int bytes = size[from];
      for (to = from + 1; to < size.length && bytes + size[to] <= CHUNK_BYTES; to++) {
        bytes += size[to];
        used.addAll(lags.get(to));
      }
      String name = "chunk" + names.size();
      names.add(name);
      MethodVisitor mv = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, name, CHUNK, null, null);
      mv.visitCode();
      Emitter e = new Emitter(mv);
      e.begin(used);
      for (Store s : stores.subList(from, to)) {
        e.store(s);
      }
      e.finish();
      mv.visitMaxs(0, 0);
      mv.visitEnd();
    }
    return names;
  }

  /** Emits the code of one chunk method and counts its bytes. */
  private static final class Emitter {

    private final MethodVisitor mv;
    /** lag -> the local holding rows[max(0, t - lag)]. */
    final Map<Integer, Integer> lagRows = new HashMap<>();
    /** Doubles on the operand stack -> a "return false" for that stack shape. */
    private final Map<Integer, Label> bails = new HashMap<>();
    /** Doubles on the operand stack above the array and index of the store being emitted. */
    private int doubles;
    int bytes;

    Emitter(MethodVisitor mv) {
      this.mv = mv;
    }

    void begin(Set<Integer> lags) {
      op(DCONST_0);
      var(DSTORE, NOT_FINITE);
      for (int lag : lags) {
        var(ALOAD, ROWS);
        var(ILOAD, T);
        intConst(lag);
        op(ISUB);
        op(ICONST_0);
        call("java/lang/Math", "max", "(II)I");
        op(AALOAD);
        var(ASTORE, lagRow(lag));
      }
    }

    void store(Store s) {
      var(ALOAD, s.array());
      intConst(s.index());
      doubles = 0;
      expr(s.value());
      if (s.finite()) {
        // no branch per value (a branch is a deoptimisation point to the JIT): v * 0 is NaN for
        // an infinite or NaN v, and the chunk gives up at its end, before the next one runs
        op(DUP2);
        op(DCONST_0);
        op(DMUL);
        var(DLOAD, NOT_FINITE);
        op(DADD);
        var(DSTORE, NOT_FINITE);
      }
      op(DASTORE);
    }

    void finish() {
      Label fail = new Label();
      var(DLOAD, NOT_FINITE);
      op(DCONST_0);
      op(DCMPL);
      jump(IFNE, fail);
      op(ICONST_1);
      op(IRETURN);
      mv.visitLabel(fail);
      op(ICONST_0);
      op(IRETURN);
      for (Label l : bails.values()) {
        mv.visitLabel(l);
        op(ICONST_0);
        op(IRETURN);
      }
    }

    /** Pushes the value of e: one more double on the stack. */
    private void expr(Expr e) {
      if (e instanceof Expr.Const c) {
        constant(c.value());
      } else if (e instanceof Expr.Ref r) {
        var(ALOAD, r.lag() == 0 ? CUR : lagRow(r.lag()));
        intConst(r.slot());
        op(DALOAD);
        doubles++;
      } else if (e instanceof Expr.Unary u) {
        expr(u.operand());
        if (u.op() == Expr.Op.NEG) {
          op(DNEG);
        } else {
          isZero();
          bool(IFNE, new Label(), null);
        }
      } else if (e instanceof Expr.Binary b) {
        binary(b);
      } else if (e instanceof Expr.Call c) {
        call(c);
      } else {
        Expr.Cond c = (Expr.Cond) e;
        Label otherwise = new Label();
        Label end = new Label();
        expr(c.condition());
        isZero();
        jump(IFEQ, otherwise);
        expr(c.then());
        jump(GOTO, end);
        mv.visitLabel(otherwise);
        doubles--;
        expr(c.otherwise());
        mv.visitLabel(end);
      }
    }

    private void binary(Expr.Binary b) {
      Expr.Op o = b.op();
      if (o == Expr.Op.AND || o == Expr.Op.OR) {
        // short-circuit, like the tree: the right side is not evaluated when the left decides
        Label no = new Label();
        Label yes = new Label();
        expr(b.left());
        isZero();
        jump(o == Expr.Op.AND ? IFEQ : IFNE, o == Expr.Op.AND ? no : yes);
        expr(b.right());
        isZero();
        bool(IFEQ, no, yes);
        return;
      }
      expr(b.left());
      expr(b.right());
      switch (o) {
        case ADD -> arithmetic(DADD);
        case SUB -> arithmetic(DSUB);
        case MUL -> arithmetic(DMUL);
        case DIV -> {
          op(DUP2);
          op(DCONST_0);
          op(DCMPL);
          jump(IFEQ, bail());
          arithmetic(DDIV);
        }
        case POW -> {
          op(ACONST_NULL);    // no span: an error sends the caller to the tree, which has it
          call(EVALUATOR, "pow", BINARY_HELPER);
          doubles--;
        }
        // x op y ? 1 : 0, jumping to 0 when false; NaN makes every comparison false but !=
        case EQ -> compare(DCMPL, IFNE);
        case NE -> compare(DCMPL, IFEQ);
        case LT -> compare(DCMPG, IFGE);
        case LE -> compare(DCMPG, IFGT);
        case GT -> compare(DCMPL, IFLE);
        case GE -> compare(DCMPL, IFLT);
        default -> throw new IllegalStateException(o.name());
      }
    }

    private void call(Expr.Call c) {
      List<Expr> args = c.args();
      expr(args.get(0));
      switch (c.fn()) {
        case EXP -> call("java/lang/Math", "exp", "(D)D");
        case ABS -> call("java/lang/Math", "abs", "(D)D");
        case LOG, SQRT -> {
          op(ACONST_NULL);
          call(EVALUATOR, c.fn() == Expr.Fn.LOG ? "log" : "sqrt", UNARY_HELPER);
        }
        default -> {
          // Evaluator folds m = min(m, a) from m = a[0] over every argument; min(a0, a0) is a0
          String name = c.fn() == Expr.Fn.MIN ? "min" : "max";
          for (Expr a : args.subList(1, args.size())) {
            expr(a);
            call("java/lang/Math", name, "(DD)D");
            doubles--;
          }
        }
      }
    }

    private void arithmetic(int opcode) {
      op(opcode);
      doubles--;
    }

    private void compare(int cmp, int jumpIfFalse) {
      op(cmp);
      doubles -= 2;
      bool(jumpIfFalse, new Label(), null);
    }

    /** Compares the double on top with 0, leaving an int (0 when equal; NaN is not equal). */
    private void isZero() {
      op(DCONST_0);
      op(DCMPL);
      doubles--;
    }

    /** Consumes an int: 1.0 unless {@code jumpIfFalse} jumps to {@code no}; {@code yes}, if given, lands on 1.0. */
    private void bool(int jumpIfFalse, Label no, Label yes) {
      Label end = new Label();
      jump(jumpIfFalse, no);
      if (yes != null) {
        mv.visitLabel(yes);
      }
      op(DCONST_1);
      jump(GOTO, end);
      mv.visitLabel(no);
      op(DCONST_0);
      mv.visitLabel(end);
      doubles++;
    }

    private void constant(double v) {
      if (Double.doubleToRawLongBits(v) == 0) {
        op(DCONST_0);
      } else if (v == 1) {
        op(DCONST_1);
      } else {
        mv.visitLdcInsn(v);
        bytes += 3;
      }
      doubles++;
    }

    private Label bail() {
      return bails.computeIfAbsent(doubles, d -> new Label());
    }

    private int lagRow(int lag) {
      return lagRows.computeIfAbsent(lag, l -> FIRST_LAG_ROW + lagRows.size());
    }

    private void op(int opcode) {
      mv.visitInsn(opcode);
      bytes++;
    }

    private void var(int opcode, int local) {
      mv.visitVarInsn(opcode, local);
      bytes += local < 4 ? 1 : local < 256 ? 2 : 4;
    }

    private void intConst(int v) {
      if (v >= -1 && v <= 5) {
        op(ICONST_0 + v);
      } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
        mv.visitIntInsn(BIPUSH, v);
        bytes += 2;
      } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
        mv.visitIntInsn(SIPUSH, v);
        bytes += 3;
      } else {
        mv.visitLdcInsn(v);
        bytes += 3;
      }
    }

    private void jump(int opcode, Label to) {
      mv.visitJumpInsn(opcode, to);
      bytes += 3;
    }

    private void call(String owner, String name, String descriptor) {
      mv.visitMethodInsn(INVOKESTATIC, owner, name, descriptor, false);
      bytes += 3;
    }
  }
}
