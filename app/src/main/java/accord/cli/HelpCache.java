package accord.cli;

import accord.cache.ModelCache;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.Set;

/**
 * The help texts accord printed, kept beside the model cache per build: a help is a constant of
 * the build and the command line (picocli's width is fixed at 80 columns), but building it reads
 * every command's annotations by reflection, most of a cold {@code accord --help}'s time. The
 * first help of each kind is made by picocli and kept; the next is printed from the file. Colour
 * (picocli's ANSI on a terminal) is part of the key.
 */
final class HelpCache {

  private static final Set<String> FLAGS = Set.of("--help", "-h");

  private HelpCache() {
  }

  /** {@code accord}, {@code accord --help}, {@code accord CMD --help}, {@code accord help [CMD]}. */
  static boolean isHelp(String[] args) {
    return args.length == 0
        || args.length == 1 && (FLAGS.contains(args[0]) || args[0].equals("help"))
        || args.length == 2 && !args[0].startsWith("-") && (FLAGS.contains(args[1]) || args[0].equals("help")
            && !args[1].startsWith("-"));
  }

  /** The kept help for {@code args}, printed, with exit code 0; null when there is none (or no cache). */
  static Integer answer(String[] args, PrintStream out) {
    Path file = file(args);
    if (file == null || !Files.isRegularFile(file)) {
      return null;
    }
    try {
      out.write(Files.readAllBytes(file));
      out.flush();
      return 0;
    } catch (IOException e) {
      return null;
    }
  }

  /** Runs a help command through picocli, prints it and keeps it when it succeeded and said nothing on stderr. */
  static int make(String[] args, PrintStream out, PrintStream err) {
    StringWriter text = new StringWriter();
    StringWriter problems = new StringWriter();
    int code = Accord.commandLine().setOut(new PrintWriter(text)).setErr(new PrintWriter(problems)).execute(args);
    out.print(text);
    out.flush();
    err.print(problems);
    err.flush();
    Path file = file(args);
    if (code == 0 && problems.getBuffer().length() == 0 && file != null) {
      try {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), ".accord-", ".tmp");
        Files.writeString(tmp, text.toString());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException | RuntimeException unwritable) {
        // the help was printed; keeping it is only a saving
      }
    }
    return code;
  }

  private static Path file(String[] args) {
    Path folder = ModelCache.folder();
    if (folder == null) {
      return null;
    }
    String key = ModelCache.build() + "\n" + picocli.CommandLine.Help.Ansi.AUTO.enabled() + "\n" + String.join("\n", args);
    return folder.resolve("help").resolve(HexFormat.of().formatHex(
        accord.lang.TextFile.sha256(key.getBytes(StandardCharsets.UTF_8)), 0, 16) + ".txt");
  }
}
