package accord.cli;

import accord.lang.Codes;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code accord codes [CODE]}: the catalogue of problem codes, one entry or all of them. */
@Command(name = "codes", mixinStandardHelpOptions = true,
    description = {"Explains a problem code (as in error[E104]), or lists every code with its severity.",
        "docs/errors.md is this list as a page (--markdown writes it)."})
final class CodesCommand implements Callable<Integer> {

  @CommandLine.Parameters(arity = "0..1", paramLabel = "CODE", description = "a code such as E104 or W406")
  String code;

  @CommandLine.Option(names = "--markdown", description = "print the whole catalogue as docs/errors.md")
  boolean markdown;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (markdown) {
      out.print(Codes.markdown());
    } else if (code == null) {
      Codes.all().forEach(e -> out.printf("%s  %-7s  %s%n", e.code(), e.severity().name().toLowerCase(), e.title()));
    } else {
      Codes.Entry e = Codes.find(code.toUpperCase(java.util.Locale.ROOT)).orElseThrow(() -> new Errors.UserError("E410",
          "no problem code '" + code + "'", "'accord codes' lists them all"));
      out.print(Codes.describe(e));
    }
    out.flush();
    return 0;
  }
}
