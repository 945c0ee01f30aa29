package io.ocppbridge.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.ocppbridge.sim.CsmsSimulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The input of {@code simulate-csms}: each line {@code <chargerId> <Action> [<json payload>]}
 * sends that CALL to a connected charger and prints the CALLRESULT or CALLERROR; {@code list}
 * names the connected chargers. To see how a bridge copes with a central system in trouble,
 * {@code drop} cuts every charger's connection without a close frame (a crash seen from the
 * network), {@code freeze} stops reading from them while they stay open (a hung central system),
 * and {@code refuse <status>} answers every new WebSocket handshake with that HTTP status until
 * {@code accept}. A wrong line gets a one-line hint.
 */
final class CsmsConsole {

  static final String HELP = String.join(System.lineSeparator(),
      "commands:",
      "  <chargerId> <Action> [<json payload>]   send a CALL, e.g. CB1 Reset {\"type\":\"Soft\"}",
      "                                          (payload default {})",
      "  list                                    the connected chargers",
      "  drop                                    cut every connection without a close frame",
      "  freeze                                  stop reading from every open connection",
      "  refuse <status>                         answer new handshakes with an HTTP status",
      "  accept                                  accept handshakes again",
      "  help, quit");

  private final CsmsSimulator csms;
  private final BufferedReader in;
  private final PrintStream out;
  private final Duration callTimeout;
  private final ObjectMapper json = new ObjectMapper();

  CsmsConsole(CsmsSimulator csms, InputStream in, PrintStream out, Duration callTimeout) {
    this.csms = csms;
    this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    this.out = out;
    this.callTimeout = callTimeout;
  }

  /**
   * Reads and runs lines until {@code quit} or the end of the input.
   *
   * @return true when the user typed {@code quit}, false at the end of the input
   */
  boolean run() throws IOException, InterruptedException {
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] words = line.trim().split("\\s+", 3);
      switch (words[0]) {
        case "" -> { }
        case "quit" -> {
          return true;
        }
        case "help" -> out.println(HELP);
        case "list" -> out.println("connected: " + csms.connectedChargers());
        case "drop" -> {
          csms.dropConnections();
          out.println("dropped every connection");
        }
        case "freeze" -> {
          csms.freezeConnections();
          out.println("frozen: open connections are no longer read");
        }
        case "accept" -> {
          csms.refuseHandshakes(null);
          out.println("accepting handshakes");
        }
        case "refuse" -> refuse(words);
        default -> {
          if (words.length < 2) {
            out.println("?? expected <chargerId> <Action> [<json payload>]; type 'help'");
          } else {
            send(words[0], words[1], words.length == 3 ? words[2] : "{}");
          }
        }
      }
    }
    return false;
  }

  private void refuse(String[] words) {
    int status;
    try {
      status = words.length == 2 ? Integer.parseInt(words[1]) : -1;
    } catch (NumberFormatException e) {
      status = -1;
    }
    if (status < 400 || status > 599) {
      out.println("?? expected refuse <status>, a 4xx or 5xx HTTP status, e.g. refuse 503");
      return;
    }
    csms.refuseHandshakes(HttpResponseStatus.valueOf(status));
    out.println("refusing new handshakes with " + status);
  }

  private void send(String chargerId, String action, String payloadText)
      throws InterruptedException {
    JsonNode payload;
    try {
      payload = json.readTree(payloadText);
    } catch (JsonProcessingException e) {
      out.println("?? the payload is not JSON: " + e.getOriginalMessage());
      return;
    }
    if (!payload.isObject()) {
      out.println("?? the payload must be a JSON object, e.g. {\"type\":\"Soft\"}");
      return;
    }
    out.println(">> " + chargerId + " " + action + " " + payload);
    try {
      // the call fails itself after callTimeout; the margin only guards against a lost answer
      JsonNode frame = csms.sendCall(chargerId, action, payload, callTimeout)
          .get(callTimeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
      out.println("<< " + chargerId + " " + action + " " + describe(frame));
    } catch (ExecutionException e) {
      out.println("!! " + chargerId + " " + action + ": " + e.getCause().getMessage());
    } catch (TimeoutException e) {
      out.println("!! " + chargerId + " " + action + ": no answer");
    }
  }

  /** {@code CALLRESULT {...}} or {@code CALLERROR <code> "<description>" {...}}. */
  private static String describe(JsonNode frame) {
    if (frame.get(0).asInt() == 3) {
      return "CALLRESULT " + frame.get(2);
    }
    return "CALLERROR " + frame.path(2).asText() + " " + frame.path(3) + " " + frame.path(4);
  }
}
