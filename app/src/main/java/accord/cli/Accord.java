package accord.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code accord} command line: one class per subcommand. */
@Command(name = "accord", mixinStandardHelpOptions = true, version = Accord.VERSION,
    description = {"Accord: a stock-flow consistent simulator of the global trade and capital-flow system.",
        "", "Models are text (.acc files), scenarios are YAML; see docs/model-language.md."},
    subcommands = {RunCommand.class, CheckCommand.class, CalibrateCommand.class, BacktestCommand.class, CompareCommand.class, ReportCommand.class, SweepCommand.class,
        SensitivityCommand.class, ExplainCommand.class, GridCommand.class, RunsCommand.class, ServeCommand.class, CodesCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Examples:", "  accord run models/gl/sim.acc --periods 20",
        "  accord run models/gl/sim-gov.yaml --out sim-gov.csv", "  accord check models/gl/pc.acc",
        "  accord run world --out world.csv --vars GDP,TBG[USA,*]", "  accord check models/gl/sim-gov.yaml",
        "  accord calibrate", "  accord backtest", "  accord serve",
        "  accord sweep models/world/scenarios/us-china-tariffs.yaml --draws 1000 --out fans.csv",
        "  accord sensitivity models/world/scenarios/us-china-tariffs.yaml --output TB[USA] --at 2026Q4",
        "  accord explain models/world/scenarios/tariffs-2025.yaml --output 'TB[USA]' --at 2027Q4",
        "", Accord.EXIT_CODES})
public final class Accord implements Runnable {

  static final String VERSION = "accord 0.1.0";

  /** The exit codes, for every --help (README.md says the same). */
  static final String EXIT_CODES = "Exit codes:%n"
      + "  0  ok (warnings, if any, go to standard error)%n"
      + "  1  a user error: in a model, scenario, option or output path (printed as%n"
      + "     file:line:col: error[CODE] with a hint), an accounting identity broken%n"
      + "     in a run, or calibration targets missed%n"
      + "  2  a solver failure: a period whose equations did not converge (the report%n"
      + "     names the period, block, variables and largest residual)%n"
      + "  3  an internal error: a bug in accord (please report it; --debug shows the%n"
      + "     stack trace)%n"
      + "Every problem carries a code; 'accord codes CODE' explains it (docs/errors.md).";

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    Integer quick = quickAnswer(args, System.out);
    if (quick == null) {
      useModelCache();
    }
    if (quick == null && HelpCache.isHelp(args)) {
      quick = HelpCache.answer(args, System.out);
      if (quick == null) {
        quick = HelpCache.make(args, System.out, System.err);
      }
    }
    System.exit(quick != null ? quick : commandLine(args).execute(args));
  }

  /**
   * The command line for {@code args}: when they start with a command's name, a root with that one
   * command only, so that picocli reads the annotations of the command that runs and not of all
   * fifteen (about a tenth of a second cold); else the whole tree. The same options, messages and
   * exit codes either way: the command's own spec is built as in the tree.
   */
  static CommandLine commandLine(String[] args) {
    if (args.length > 0 && !args[0].startsWith("-")) {
      for (Class<?> c : Accord.class.getAnnotation(Command.class).subcommands()) {
        Command command = c.getAnnotation(Command.class);
        if (command != null && command.name().equals(args[0]) && c != CommandLine.HelpCommand.class) {
          try {
            java.lang.reflect.Constructor<?> make = c.getDeclaredConstructor();
            make.setAccessible(true);
            CommandLine root = handlers(new CommandLine(CommandLine.Model.CommandSpec.wrapWithoutInspection(new Accord())
                .name("accord")));
            root.addSubcommand(command.name(), handlers(new CommandLine(make.newInstance())));
            return root;
          } catch (ReflectiveOperationException e) {
            break;   // a command that cannot be made alone: the whole tree makes it as usual
          }
        }
      }
    }
    return commandLine();
  }

  /**
   * Turns the model cache on for the command line ({@link accord.cache.ModelCache}): the folder
   * -Daccord.cache or ACCORD_CACHE names (off: none), else app/target/model-cache beside the jar
   * when ./accord runs it (made again with each build), else ~/.cache/accord/models.
   */
  static void useModelCache() {
    if (System.getProperty("accord.cache") != null) {
      return;
    }
    String env = System.getenv("ACCORD_CACHE");
    String home = System.getProperty("accord.home");
    String xdg = System.getenv("XDG_CACHE_HOME");
    java.nio.file.Path folder = env != null ? java.nio.file.Path.of(env)
        : home != null ? java.nio.file.Path.of(home, "app", "target", "model-cache")
        : xdg != null && !xdg.isBlank() ? java.nio.file.Path.of(xdg, "accord", "models")
        : java.nio.file.Path.of(System.getProperty("user.home"), ".cache", "accord", "models");
    System.setProperty("accord.cache", env != null && (env.isBlank() || env.equals("off")) ? "off" : folder.toString());
  }

  /**
   * The answer to {@code accord --version} without building the command line: picocli reads every
   * subcommand's annotations by reflection first, most of that command's 0.3 s, for one constant
   * line. Null for every other command line, which picocli parses as usual.
   */
  static Integer quickAnswer(String[] args, java.io.PrintStream out) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      out.println(VERSION);
      out.flush();
      return 0;
    }
    return null;
  }

  public static CommandLine commandLine() {
    return handlers(new CommandLine(new Accord()));
  }

  /** Errors and bad options handled as the command line does (exit codes 1-3, diagnostics). */
  private static CommandLine handlers(CommandLine cl) {
    cl.setExecutionExceptionHandler(new Errors());
    cl.setParameterExceptionHandler((ex, a) -> {
      java.io.PrintWriter err = ex.getCommandLine().getErr();
      err.print(accord.lang.Diagnostic.error("E410", accord.lang.Span.NONE, ex.getMessage())
          .withHint("see '" + ex.getCommandLine().getCommandName() + " --help'").render());
      // print does not flush picocli's buffered writer, and main ends in System.exit
      err.flush();
      return 1;
    });
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
