package accord.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code accord} command line: one class per subcommand. */
@Command(name = "accord", mixinStandardHelpOptions = true, version = "accord 0.1.0",
    description = {"Accord: a stock-flow consistent simulator of the global trade and capital-flow system.",
        "", "Models are text (.acc files), scenarios are YAML; see docs/model-language.md."},
    subcommands = {RunCommand.class, CheckCommand.class, CalibrateCommand.class, BacktestCommand.class, CompareCommand.class, ReportCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Examples:", "  accord run models/gl/sim.acc --periods 20",
        "  accord run models/gl/sim-gov.yaml --out sim-gov.csv", "  accord check models/gl/pc.acc",
        "  accord run world --out world.csv", "  accord calibrate", "  accord backtest",
        "", "Exit codes: 0 ok, 1 error in a model, scenario or option, 2 solver failure."})
public final class Accord implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Accord());
    cl.setExecutionExceptionHandler(new Errors());
    cl.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("error: " + ex.getMessage());
      ex.getCommandLine().getErr().println("  = help: see '" + ex.getCommandLine().getCommandName() + " --help'");
      return 1;
    });
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
