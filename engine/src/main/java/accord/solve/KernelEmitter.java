package accord.solve;

import static org.objectweb.asm.Opcodes.*;

import accord.lang.Span;
import accord.model.EvalException;
import accord.model.Evaluator;
import accord.model.Expr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Emits one kernel method of {@link Codegen}'s generated code: the loop over a shape's instances,
 * the tree's operations inline. HotSpot does not compile a method of more than 8000 bytes of
 * bytecode; it stays interpreted. An equation can be that large: the world model's direct tariff
 * effect on prices is a sum over sectors of sums over origins, 1,321 slots an instance, and its
 * interpreted kernel took 58% of the large block's time. So a tree whose code would pass
 * {@link #METHOD_BYTES} has its largest subtrees moved to methods of their own ("parts"), called
 * with the instance's tables and where the subtree's slots and constants start in them. The
 * operations and their order are the tree's, so the values stay bit-identical.
 */
final class KernelEmitter {

  /** A kernel: (cur, rows, t, out, refs, consts, dests) of one group of instances. */
  static final String KERNEL = "([D[[DI[D[I[D[I)Z";
  /** A part: the kernel's parameters and the instance's first slot and constant in the tables. */
  private static final String PART = "([D[[DI[D[I[D[III)D";
  private static final String EVALUATOR = Type.getInternalName(Evaluator.class);
  private static final String EVAL_EXCEPTION = Type.getInternalName(EvalException.class);
  private static final String UNARY_HELPER = "(D" + Type.getDescriptor(Span.class) + ")D";
  private static final String BINARY_HELPER = "(DD" + Type.getDescriptor(Span.class) + ")D";
  // locals of a kernel method; a part's parameters are its first nine
  private static final int CUR = 0;
  private static final int ROWS = 1;
  private static final int T = 2;
  private static final int OUT = 3;
  private static final int REFS = 4;
  private static final int CONSTS = 5;
  private static final int DESTS = 6;
  private static final int REF_BASE = 7;
  private static final int CONST_BASE = 8;
  /** NaN once an assigned value was not finite: the sum of value * 0 (two slots, a double). */
  private static final int NOT_FINITE = 9;
  private static final int I = 11;
  private static final int COUNT = 12;
  private static final int FIRST_LAG_ROW = 13;
  /**
   * The bytecode a method's tree may take before its largest subtrees become parts: well under
   * HotSpot's 8000 (so that a kernel compiles at once), over a typical equation's few hundred.
   * C2's time grows faster than a method's size: at 2000 it spent 46 s compiling in a 1,500-draw
   * sweep of the world model on 2 cores (24.6 draws a second), at 800 18 s (33.1), at 1200 23 s;
   * C1's code is as fast either way (bench/README.md).
   */
  static final int METHOD_BYTES = 800;
  /** About the bytes of a part's call: nine arguments and the invocation. */
  private static final int CALL_BYTES = 30;

  private final MethodVisitor mv;
  private final Outlines outlines;
  /** The tree this method emits (a part's own root is emitted here, not called). */
  private final Expr root;
  /** lag -> the local holding rows[max(0, t - lag)]. */
  private final Map<Integer, Integer> lagRows = new HashMap<>();
  /** Doubles on the operand stack -> a "give up" for that stack shape. */
  private final Map<Integer, Label> bails = new HashMap<>();
  /** Doubles on the operand stack above the array and index of the store being emitted. */
  private int doubles;
  /** Slots and constants an instance takes from the tables, and how many the tree has read so far. */
  private final int refsEach;
  private final int constsEach;
  private int refsRead;
  private int constsRead;

  private KernelEmitter(MethodVisitor mv, Outlines outlines, Expr root, int refsEach, int constsEach) {
    this.mv = mv;
    this.outlines = outlines;
    this.root = root;
    this.refsEach = refsEach;
    this.constsEach = constsEach;
  }

  /**
   * The loop over one shape's instances: {@code target[dests[i]] = shape(slots refs[i*R..],
   * constants consts[i*C..])}, target being cur (assignments, given up on a value that is not
   * finite) or out; then the parts its tree calls.
   */
  static void kernel(ClassWriter cw, String className, int number, Expr example, Codegen.Instance shape,
      boolean assign) {
    String name = "kernel" + number;
    MethodVisitor mv = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, name, KERNEL, null, null);
    mv.visitCode();
    Outlines outlines = new Outlines(cw, className, name, example);
    KernelEmitter e = new KernelEmitter(mv, outlines, example, shape.refs().length, shape.consts().length);
    e.begin(shape.lags());
    e.loop(example, assign ? CUR : OUT, assign);
    e.finish();
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    outlines.emitParts();
  }

  private void begin(Set<Integer> lags) {
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

  /** for (i = 0; i < dests.length; i++) target[dests[i]] = the shape at instance i. */
  private void loop(Expr shape, int target, boolean finite) {
    var(ALOAD, DESTS);
    op(ARRAYLENGTH);
    var(ISTORE, COUNT);
    op(ICONST_0);
    var(ISTORE, I);
    Label test = new Label();
    Label body = new Label();
    jump(GOTO, test);
    mv.visitLabel(body);
    base(refsEach, REF_BASE);
    base(constsEach, CONST_BASE);
    var(ALOAD, target);
    var(ALOAD, DESTS);
    var(ILOAD, I);
    op(IALOAD);
    doubles = 0;
    refsRead = 0;
    constsRead = 0;
    expr(shape);
    if (finite) {
      // no branch per value (a branch is a deoptimisation point to the JIT): v * 0 is NaN for
      // an infinite or NaN v, and the kernel gives up at its end, before the next one runs
      op(DUP2);
      op(DCONST_0);
      op(DMUL);
      var(DLOAD, NOT_FINITE);
      op(DADD);
      var(DSTORE, NOT_FINITE);
    }
    op(DASTORE);
    mv.visitIincInsn(I, 1);
    mv.visitLabel(test);
    var(ILOAD, I);
    var(ILOAD, COUNT);
    jump(IF_ICMPLT, body);
  }

  /** local = i * each: where the instance's slots and constants start in the tables. */
  private void base(int each, int local) {
    var(ILOAD, I);
    intConst(each);
    op(IMUL);
    var(ISTORE, local);
  }

  private void finish() {
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

  /** A part's body: its lag rows, its tree, its value returned; a zero divisor gives up by throwing. */
  private void part(Set<Integer> lags) {
    begin(lags);
    expr(root);
    op(DRETURN);
    for (Label l : bails.values()) {
      // the kernel's callers treat a helper's EvalException as giving up (the trees then raise it)
      mv.visitLabel(l);
      mv.visitTypeInsn(NEW, EVAL_EXCEPTION);
      op(DUP);
      mv.visitLdcInsn("division by zero");
      op(ACONST_NULL);
      mv.visitMethodInsn(INVOKESPECIAL, EVAL_EXCEPTION, "<init>", "(Ljava/lang/String;" + Type.getDescriptor(Span.class)
          + ")V", false);
      op(ATHROW);
    }
  }

  /** Pushes the value of e: one more double on the stack. */
  private void expr(Expr e) {
    if (e != root && outlines.parts.containsKey(e)) {
      callPart(e);
    } else if (e instanceof Expr.Const) {
      // consts[constBase + k]: the instance's own value of the shape's k-th constant
      var(ALOAD, CONSTS);
      var(ILOAD, CONST_BASE);
      intConst(constsRead++);
      op(IADD);
      op(DALOAD);
      doubles++;
    } else if (e instanceof Expr.Ref r) {
      var(ALOAD, r.lag() == 0 ? CUR : lagRow(r.lag()));
      var(ALOAD, REFS);
      var(ILOAD, REF_BASE);
      intConst(refsRead++);
      op(IADD);
      op(IALOAD);
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

  /**
   * A call of the part that computes {@code e}, with this instance's tables from where e's slots
   * and constants start; the part reads as many as the tree there would have.
   */
  private void callPart(Expr e) {
    Part part = outlines.parts.get(e);
    for (int local = CUR; local <= DESTS; local++) {
      var(local == T ? ILOAD : ALOAD, local);
    }
    var(ILOAD, REF_BASE);
    intConst(refsRead);
    op(IADD);
    var(ILOAD, CONST_BASE);
    intConst(constsRead);
    op(IADD);
    call(outlines.className, part.name(), PART);
    refsRead += part.refs();
    constsRead += part.consts();
    doubles++;
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

  private Label bail() {
    return bails.computeIfAbsent(doubles, d -> new Label());
  }

  private int lagRow(int lag) {
    return lagRows.computeIfAbsent(lag, l -> FIRST_LAG_ROW + lagRows.size());
  }

  private void op(int opcode) {
    mv.visitInsn(opcode);
  }

  private void var(int opcode, int local) {
    mv.visitVarInsn(opcode, local);
  }

  private void intConst(int v) {
    pushInt(mv, v);
  }

  /** Pushes an int constant with the shortest instruction for it. */
  static void pushInt(MethodVisitor mv, int v) {
    if (v >= -1 && v <= 5) {
      mv.visitInsn(ICONST_0 + v);
    } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
      mv.visitIntInsn(BIPUSH, v);
    } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
      mv.visitIntInsn(SIPUSH, v);
    } else {
      mv.visitLdcInsn(v);
    }
  }

  private void jump(int opcode, Label to) {
    mv.visitJumpInsn(opcode, to);
  }

  private void call(String owner, String name, String descriptor) {
    mv.visitMethodInsn(INVOKESTATIC, owner, name, descriptor, false);
  }

  /** A subtree emitted as a method of its own: its name, the slots and constants it reads, its lags. */
  private record Part(String name, int refs, int consts, Set<Integer> lags) {
  }

  /** What a subtree's code takes where it is emitted: its bytes, and the slots, constants and lags it reads. */
  private record Size(int bytes, int refs, int consts, Set<Integer> lags) {
  }

  /** The subtrees of one kernel's tree that are parts (chosen once, up front), and their methods. */
  private static final class Outlines {
    private final ClassWriter cw;
    private final String className;
    private final String kernel;
    /** By identity: equal subtrees at two places of the tree are two parts. */
    private final Map<Expr, Part> parts = new IdentityHashMap<>();
    private final List<Expr> order = new ArrayList<>();

    Outlines(ClassWriter cw, String className, String kernel, Expr tree) {
      this.cw = cw;
      this.className = className;
      this.kernel = kernel;
      plan(tree);
    }

    /** Every part's method: each is called once, from the kernel or from the part that holds it. */
    void emitParts() {
      for (Expr e : order) {
        Part part = parts.get(e);
        MethodVisitor mv = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, part.name(), PART, null, null);
        mv.visitCode();
        new KernelEmitter(mv, this, e, 0, 0).part(part.lags());
        mv.visitMaxs(0, 0);
        mv.visitEnd();
      }
    }

    /**
     * The size of e's code where it is emitted, choosing its parts bottom-up: while a tree's code
     * passes the limit, its largest child (itself within the limit, its own parts chosen) becomes
     * a part. A long sum becomes a chain of parts, each within the limit.
     */
    private Size plan(Expr e) {
      List<Expr> children = children(e);
      int[] bytes = new int[children.size()];
      int total = ownBytes(e);
      int refs = e instanceof Expr.Ref ? 1 : 0;
      int consts = e instanceof Expr.Const ? 1 : 0;
      Set<Integer> lags = e instanceof Expr.Ref r && r.lag() > 0 ? Set.of(r.lag()) : Set.of();
      Size[] sizes = new Size[children.size()];
      for (int i = 0; i < bytes.length; i++) {
        sizes[i] = plan(children.get(i));
        bytes[i] = sizes[i].bytes();
        total += bytes[i];
        refs += sizes[i].refs();
        consts += sizes[i].consts();
        if (!sizes[i].lags().isEmpty()) {
          Set<Integer> union = new TreeSet<>(lags);
          union.addAll(sizes[i].lags());
          lags = union;
        }
      }
      while (total > METHOD_BYTES) {
        int largest = -1;
        for (int i = 0; i < bytes.length; i++) {
          if (bytes[i] > CALL_BYTES && (largest < 0 || bytes[i] > bytes[largest])) {
            largest = i;
          }
        }
        if (largest < 0) {
          break;   // many small children (a min of hundreds of values): left inline
        }
        Size child = sizes[largest];
        parts.put(children.get(largest), new Part(kernel + "part" + order.size(), child.refs(), child.consts(),
            child.lags()));
        order.add(children.get(largest));
        total += CALL_BYTES - bytes[largest];
        bytes[largest] = CALL_BYTES;
      }
      return new Size(total, refs, consts, lags);
    }

    private static List<Expr> children(Expr e) {
      if (e instanceof Expr.Unary u) {
        return List.of(u.operand());
      } else if (e instanceof Expr.Binary b) {
        return List.of(b.left(), b.right());
      } else if (e instanceof Expr.Call c) {
        return c.args();
      } else if (e instanceof Expr.Cond c) {
        return List.of(c.condition(), c.then(), c.otherwise());
      }
      return List.of();
    }

    /** About the bytes of e's own instructions, without its children's. */
    private static int ownBytes(Expr e) {
      if (e instanceof Expr.Ref) {
        return 9;
      } else if (e instanceof Expr.Const) {
        return 7;
      } else if (e instanceof Expr.Binary b) {
        return switch (b.op()) {
          case ADD, SUB, MUL -> 1;
          case DIV -> 9;
          case POW -> 4;
          default -> 16;
        };
      } else if (e instanceof Expr.Call c) {
        return 4 * c.args().size();
      }
      return 16;
    }
  }
}
