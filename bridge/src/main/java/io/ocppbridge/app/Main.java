package io.ocppbridge.app;

import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ocpp-soap-bridge} command. Exit codes: 0 ok, 1 failure, 2 bad configuration. */
@Command(name = "ocpp-soap-bridge", mixinStandardHelpOptions = true,
    version = "ocpp-soap-bridge 0.1.0",
    description = "Relays OCPP 1.2/1.5/1.6 SOAP charge points to an OCPP-J central system.",
    subcommands = {RunCommand.class, DemoCommand.class, CheckConfigCommand.class,
        SimulateCsmsCommand.class, SimulateChargerCommand.class})
public final class Main implements Runnable {

  public static final int EXIT_OK = 0;
  public static final int EXIT_FAILURE = 1;
  public static final int EXIT_CONFIG = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    // Fault reasons and validator messages are protocol text read by chargers, central systems
    // and operators everywhere: English whatever the host's locale (a German JVM put German
    // validator text and xml:lang="de-DE" into SOAP faults).
    Locale.setDefault(Locale.ENGLISH);
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return commandLine(Terminal.system());
  }

  /** The command line whose interactive commands read and write this terminal. */
  static CommandLine commandLine(Terminal terminal) {
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    return new CommandLine(new Main(), new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        if (type == SimulateChargerCommand.class) {
          return type.cast(new SimulateChargerCommand(terminal));
        }
        if (type == SimulateCsmsCommand.class) {
          return type.cast(new SimulateCsmsCommand(terminal));
        }
        return defaults.create(type);
      }
    });
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
