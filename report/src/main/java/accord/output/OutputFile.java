package accord.output;

import accord.lang.Diagnostic;
import accord.lang.ModelException;
import accord.lang.Span;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes an output file so that a user never finds half a file, nor a file of ours they did not
 * ask for: the content goes to {@code .accord-<pid>-<n>.tmp} in the target's folder, which is
 * moved over the target once complete and deleted on any failure. A run killed while writing
 * leaves its temporary file behind; the next write into that folder deletes it, since its
 * process is gone. A path that cannot be written is a user error (exit 1) naming the path.
 */
public final class OutputFile {

  /** Our temporary files: the writing process's id, then a unique number. */
  static final Pattern TEMPORARY = Pattern.compile("\\.accord-(\\d+)-\\d+\\.tmp");
  /** Temporary files of versions before 0.1.1 ({@code .accord-123.csv}), which carry no process id. */
  private static final Pattern OLD_TEMPORARY = Pattern.compile("\\.accord-\\d+\\.(csv|html|png|svg)");
  /** Older than this, a temporary file is stale whoever wrote it (a process id may be reused). */
  private static final Duration STALE = Duration.ofHours(24);
  /** Old-style temporary files carry no process id: stale once no write could still be going on. */
  private static final Duration OLD_STALE = Duration.ofHours(1);

  private OutputFile() {
  }

  /** What fills the file. */
  @FunctionalInterface
  public interface Body {
    void write(OutputStream out) throws IOException;
  }

  /** What fills a text file (UTF-8). */
  @FunctionalInterface
  public interface TextBody {
    void write(Writer out) throws IOException;
  }

  /** Writes UTF-8 text to {@code target}; {@code option} (e.g. "--out") names where the path came from. */
  public static void writeText(Path target, String option, TextBody body) {
    write(target, option, out -> {
      Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      body.write(w);
      w.flush();
    });
  }

  /** Writes {@code target} through a temporary file in its folder; the target is untouched on any failure. */
  public static void write(Path target, String option, Body body) {
    if (Files.isDirectory(target)) {
      throw error("E400", option + " " + target + " is a folder, not a file",
          "name a file in it, e.g. " + option + " " + target.resolve(example(target, option)));
    }
    Path folder = folder(target.toAbsolutePath().getParent(), option, target);
    cleanStale(folder);
    Path tmp;
    try {
      tmp = temporary(folder);
    } catch (IOException e) {
      throw cannotWrite(target, option, folder, e);
    }
    boolean moved = false;
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        body.write(out);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
    } catch (IOException e) {
      throw cannotWrite(target, option, folder, e);
    } finally {
      if (!moved) {
        deleteQuietly(tmp);
      }
    }
  }

  /**
   * A new, empty {@code .accord-<pid>-<n>.tmp} in {@code folder}, with the permissions any new file
   * gets there (a temporary file's owner-only ones would pass to the output).
   */
  private static Path temporary(Path folder) throws IOException {
    long pid = ProcessHandle.current().pid();
    while (true) {
      Path p = folder.resolve(".accord-" + pid + "-" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE) + ".tmp");
      try {
        return Files.createFile(p);
      } catch (FileAlreadyExistsException e) {
        // taken: draw another number
      }
    }
  }

  /**
   * Checks, before a long run, that {@code target} can be written: not a folder, no file among its
   * folders, the nearest existing folder writable. Creates nothing.
   */
  public static void check(Path target, String option) {
    if (Files.isDirectory(target)) {
      throw error("E400", option + " " + target + " is a folder, not a file",
          "name a file in it, e.g. " + option + " " + target.resolve(example(target, option)));
    }
    Path dir = target.toAbsolutePath().getParent();
    Path file = firstFileOnTheWay(dir);
    if (file != null) {
      throw error("E401", "cannot write " + option + " " + target + ": " + file + " is a file, not a folder",
          "choose a path whose folders are folders, e.g. " + option + " " + example(target, option));
    }
    Path existing = dir;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing != null && !Files.isWritable(existing)) {
      throw cannotWrite(target, option, existing, new AccessDeniedException(existing.toString()));
    }
  }

  /**
   * The folder {@code dir} for writing, created if missing: a user error if a part of the path is a
   * file or the folder cannot be made.
   */
  public static Path folder(Path dir, String option, Path asked) {
    Path file = firstFileOnTheWay(dir);
    if (file != null) {
      throw error("E401", "cannot write " + option + " " + asked + ": " + file + " is a file, not a folder",
          "choose a path whose folders are folders, e.g. " + option + " " + example(asked, option));
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw cannotWrite(asked, option, dir, e);
    }
    return dir;
  }

  /** Deletes temporary files of ours in {@code folder} whose process is gone (or that are a day old). */
  public static int cleanStale(Path folder) {
    int deleted = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, ".accord-*")) {
      Instant now = Instant.now();
      for (Path p : files) {
        if (isStale(p, now) && deleteQuietly(p)) {
          deleted++;
        }
      }
    } catch (IOException | RuntimeException e) {
      // cleaning is a courtesy: a folder we cannot list is reported when we write into it
    }
    return deleted;
  }

  private static boolean isStale(Path p, Instant now) {
    String name = p.getFileName().toString();
    Matcher m = TEMPORARY.matcher(name);
    try {
      Instant modified = Files.getLastModifiedTime(p).toInstant();
      if (m.matches()) {
        long pid = Long.parseLong(m.group(1));
        boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        return !alive || modified.isBefore(now.minus(STALE));
      }
      return OLD_TEMPORARY.matcher(name).matches() && modified.isBefore(now.minus(OLD_STALE));
    } catch (IOException | NumberFormatException e) {
      return false;
    }
  }

  private static Path firstFileOnTheWay(Path dir) {
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.exists(p)) {
        return Files.isDirectory(p) ? null : p;
      }
    }
    return null;
  }

  private static ModelException cannotWrite(Path target, String option, Path folder, IOException e) {
    if (e instanceof AccessDeniedException) {
      return error("E402", "cannot write " + option + " " + target + ": permission denied in " + folder,
          "choose a folder you can write to (e.g. " + option + " " + example(target, option)
              + " in the current folder), or change the folder's permissions");
    }
    if (e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException) {
      return error("E401", "cannot write " + option + " " + target + ": " + ((FileSystemException) e).getFile()
          + " is a file, not a folder", "choose a path whose folders are folders");
    }
    String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
        : e instanceof FileSystemException ? e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2")
            .toLowerCase() : e.getMessage();
    return error("E403", "cannot write " + option + " " + target + " in " + folder + ": " + reason,
        "check that the disk has room and the path can be written; nothing was changed at " + target);
  }

  /** A name to suggest: the one asked for if it has an extension, else one for the option. */
  private static String example(Path asked, String option) {
    String name = asked.getFileName() == null ? "" : asked.getFileName().toString();
    if (name.contains(".") && !name.startsWith(".")) {
      return name;
    }
    return option.equals("--charts") ? "charts" : "results.csv";
  }

  private static boolean deleteQuietly(Path p) {
    try {
      return Files.deleteIfExists(p);
    } catch (IOException e) {
      return false;
    }
  }

  private static ModelException error(String code, String message, String hint) {
    return new ModelException(Diagnostic.error(code, Span.NONE, message).withHint(hint));
  }
}
