package io.ocppbridge.app;

import io.ocppbridge.core.Initiator;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.sim.ChargerScript;
import io.ocppbridge.sim.ChargerSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code simulate-charger --interactive}: one command per input line, each sent at once through
 * the charger's session, its answer printed. A wrong line gets a one-line hint and the console
 * goes on; {@code quit} or the end of the input ends it.
 */
final class ChargerConsole {

  static final String HELP = String.join(System.lineSeparator(),
      "commands:",
      "  boot                         BootNotification",
      "  heartbeat                    Heartbeat",
      "  status <connector> <status>  StatusNotification, e.g. status 1 Occupied",
      "  authorize <idTag>            Authorize",
      "  start <connector> <idTag> [meterStartWh]",
      "                               StartTransaction; remembers the transactionId",
      "  meter <connector> <Wh>       MeterValues (with the transactionId on its connector)",
      "  stop [reason]                StopTransaction of the transaction in progress",
      "  send <Action>                the built-in sample of any charger operation",
      "  help, quit");

  private final ChargerSession session;
  private final BufferedReader in;
  private final PrintStream out;
  private int failures;

  ChargerConsole(ChargerSession session, InputStream in, PrintStream out) {
    this.session = session;
    this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    this.out = out;
  }

  /**
   * Reads and runs commands until {@code quit} or the end of the input; a transaction still in
   * progress then is stopped, so that nothing stays open at the central system.
   *
   * @return how many operations got no real answer or were not accepted
   */
  int run() throws IOException {
    out.println("interactive charger: type 'help' for the commands, 'quit' to stop");
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      List<String> words = Arrays.stream(line.trim().split("\\s+"))
          .filter(w -> !w.isEmpty()).toList();
      if (words.isEmpty()) {
        continue;
      }
      if (words.get(0).equals("quit")) {
        break;
      }
      try {
        execute(words);
      } catch (IllegalArgumentException | IllegalStateException e) {
        out.println("?? " + e.getMessage());
      }
    }
    session.transaction().ifPresent(open -> {
      out.println("== transaction " + open.id() + " is still in progress: stopping it");
      count(session.stop(null));
    });
    return failures;
  }

  private void execute(List<String> words) {
    String command = words.get(0);
    List<String> args = words.subList(1, words.size());
    switch (command) {
      case "help" -> out.println(HELP);
      case "boot" -> count(expect(args, 0, 0, "boot").boot());
      case "heartbeat" -> count(expect(args, 0, 0, "heartbeat").heartbeat());
      case "status" -> count(expect(args, 2, 2, "status <connector> <status>")
          .status(number(args.get(0)), args.get(1)));
      case "authorize" -> count(expect(args, 1, 1, "authorize <idTag>").authorize(args.get(0)));
      case "start" -> count(expect(args, 2, 3, "start <connector> <idTag> [meterStartWh]")
          .start(number(args.get(0)), args.get(1),
              args.size() == 3 ? number(args.get(2)) : ChargerScript.METER_START_WH));
      case "meter" -> count(expect(args, 2, 2, "meter <connector> <Wh>")
          .meter(number(args.get(0)), number(args.get(1))));
      case "stop" -> count(session.stop(args.isEmpty() ? null : String.join(" ", args)));
      case "send" -> count(expect(args, 1, 1, "send <Action>").sendSample(action(args.get(0))));
      default -> out.println("?? unknown command '" + command + "'; type 'help' for the list");
    }
  }

  private ChargerSession expect(List<String> args, int min, int max, String usage) {
    if (args.size() < min || args.size() > max) {
      throw new IllegalArgumentException("usage: " + usage);
    }
    return session;
  }

  private void count(ChargerSession.Step step) {
    failures += step.ok() ? 0 : 1;
  }

  private static int number(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a whole number: " + text);
    }
  }

  private OcppAction action(String name) {
    Optional<OcppAction> action = OcppAction.of(name, session.version(), Initiator.CHARGE_POINT);
    return action.orElseThrow(() -> new IllegalArgumentException("no charger operation '" + name
        + "' in " + session.version() + "; one of " + OcppAction.all(session.version(),
            Initiator.CHARGE_POINT).stream().map(OcppAction::wireName).toList()));
  }
}
