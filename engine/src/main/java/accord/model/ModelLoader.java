package accord.model;

import accord.lang.Ast;
import accord.lang.Diagnostic;
import accord.lang.ModelException;
import accord.lang.Parser;
import accord.lang.SourceFile;
import accord.lang.Span;
import accord.lang.TextFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads a model file and its includes, parses them and resolves the model. */
public final class ModelLoader {

  /** A statement with the folder its file lives in (for relative data paths). */
  record Located(Ast.Stmt stmt, Path dir) {
  }

  private ModelLoader() {
  }

  /** Loads and resolves {@code file}; throws {@link ModelException} listing every error. */
  public static Model load(Path file) {
    List<Diagnostic> errors = new ArrayList<>();
    List<Located> stmts = new ArrayList<>();
    SourceFile main = read(file, Span.NONE, new HashSet<>(), stmts, errors);
    if (!errors.isEmpty()) {
      throw new ModelException(errors);
    }
    requireEquations(stmts, main);
    return new Resolver(stmts, defaultName(file)).resolve();
  }

  /** Parses and resolves model text; relative paths are taken from {@code dir}. */
  public static Model fromText(String name, String text, Path dir) {
    List<Diagnostic> errors = new ArrayList<>();
    List<Located> stmts = new ArrayList<>();
    SourceFile main = new SourceFile(name, text);
    collect(main, dir, new HashSet<>(), stmts, errors);
    if (!errors.isEmpty()) {
      throw new ModelException(errors);
    }
    requireEquations(stmts, main);
    return new Resolver(stmts, defaultName(Path.of(name))).resolve();
  }

  /** Reads {@code file} and its includes into {@code out}; its source, or null if it could not be read. */
  private static SourceFile read(Path file, Span from, Set<Path> open, List<Located> out, List<Diagnostic> errors) {
    Path norm = file.toAbsolutePath().normalize();
    if (!open.add(norm)) {
      errors.add(Diagnostic.error("E147", from, "include cycle: " + file + " includes itself"));
      return null;
    }
    String text;
    try {
      text = TextFile.read(norm);
    } catch (TextFile.Unreadable e) {
      errors.add(!e.notText()
          ? Diagnostic.error("E118", from, "cannot read model file " + file).withHint(e.hint())
          : e.diagnostic("model file", file.toString(), from));
      open.remove(norm);
      return null;
    }
    SourceFile src = new SourceFile(file.toString(), text);
    collect(src, norm.getParent(), open, out, errors);
    open.remove(norm);
    return src;
  }

  private static void collect(SourceFile src, Path dir, Set<Path> open, List<Located> out,
      List<Diagnostic> errors) {
    for (Ast.Stmt s : Parser.parse(src, errors)) {
      if (s instanceof Ast.Include inc) {
        read(dir.resolve(inc.path()), inc.span(), open, out, errors);
      } else {
        out.add(new Located(s, dir));
      }
    }
  }

  /**
   * E127 for a model without a single equation (an empty file, or only comments and
   * declarations): it has nothing to solve, and running it would print only its inputs.
   */
  private static void requireEquations(List<Located> stmts, SourceFile main) {
    if (stmts.stream().anyMatch(l -> l.stmt() instanceof Ast.Equation)) {
      return;
    }
    String what = stmts.isEmpty() ? "is empty: it has no statements" : "has no equations";
    throw new ModelException(Diagnostic.error("E127", new Span(main, 1, 1, 1), "model file " + main.name() + " " + what)
        .withHint("a model needs at least one equation, such as Y = C + G; declarations alone have nothing to solve"));
  }

  private static String defaultName(Path file) {
    String n = file.getFileName() == null ? "model" : file.getFileName().toString();
    return n.endsWith(".acc") ? n.substring(0, n.length() - 4) : n;
  }
}
