package accord.model;

import accord.lang.Ast;
import accord.lang.Diagnostic;
import accord.lang.ModelException;
import accord.lang.Parser;
import accord.lang.SourceFile;
import accord.lang.Span;
import java.io.IOException;
import java.nio.file.Files;
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
    read(file, Span.NONE, new HashSet<>(), stmts, errors);
    if (!errors.isEmpty()) {
      throw new ModelException(errors);
    }
    return new Resolver(stmts, defaultName(file)).resolve();
  }

  /** Parses and resolves model text; relative paths are taken from {@code dir}. */
  public static Model fromText(String name, String text, Path dir) {
    List<Diagnostic> errors = new ArrayList<>();
    List<Located> stmts = new ArrayList<>();
    collect(new SourceFile(name, text), dir, new HashSet<>(), stmts, errors);
    if (!errors.isEmpty()) {
      throw new ModelException(errors);
    }
    return new Resolver(stmts, defaultName(Path.of(name))).resolve();
  }

  private static void read(Path file, Span from, Set<Path> open, List<Located> out, List<Diagnostic> errors) {
    Path norm = file.toAbsolutePath().normalize();
    if (!open.add(norm)) {
      errors.add(Diagnostic.error("E118", from, "include cycle: " + file + " includes itself"));
      return;
    }
    String text;
    try {
      text = Files.readString(norm);
    } catch (IOException e) {
      errors.add(Diagnostic.error("E118", from, "cannot read model file " + file)
          .withHint(Files.exists(norm) ? "check the file's permissions" : "no such file: " + norm));
      open.remove(norm);
      return;
    }
    collect(new SourceFile(file.toString(), text), norm.getParent(), open, out, errors);
    open.remove(norm);
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

  private static String defaultName(Path file) {
    String n = file.getFileName() == null ? "model" : file.getFileName().toString();
    return n.endsWith(".acc") ? n.substring(0, n.length() - 4) : n;
  }
}
