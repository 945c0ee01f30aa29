package io.ocppbridge.bench;

import io.ocppbridge.core.Initiator;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.sim.SoapChargerSimulator;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The SOAP 1.2 requests a benchmark charger sends (OCPP 1.5, WS-Addressing 2005/08 with Action,
 * MessageID, From, ReplyTo and To, {@code chargeBoxIdentity} header) and the check of their
 * answers. Bodies are the bridge's own samples; only identity and message id change per request.
 */
public final class SoapEnvelopes {

  /** The operations the load uses. */
  public enum Operation {
    HEARTBEAT("Heartbeat"),
    METER_VALUES("MeterValues"),
    STATUS_NOTIFICATION("StatusNotification"),
    BOOT_NOTIFICATION("BootNotification");

    final OcppAction action;
    final Pattern answer;

    Operation(String wireName) {
      this.action = OcppAction.of(wireName, OcppVersion.V1_5, Initiator.CHARGE_POINT)
          .orElseThrow();
      String element = Character.toLowerCase(wireName.charAt(0)) + wireName.substring(1)
          + "Response";
      // the response element itself, with or without a prefix (not the /XxxResponse action)
      this.answer = Pattern.compile("<(\\w+:)?" + element + "[\\s/>]");
    }

    public String wireName() {
      return action.wireName();
    }
  }

  /** The content type of a SOAP 1.2 request, with the action parameter. */
  public static String contentType(Operation op) {
    return "application/soap+xml; charset=utf-8; action=\"" + op.action.soapAction() + "\"";
  }

  private static final String NS = OcppVersion.V1_5.centralSystemNamespace();
  private static final String ANONYMOUS = "http://www.w3.org/2005/08/addressing/anonymous";

  private final Map<Operation, String> bodies = new EnumMap<>(Operation.class);
  private final String to;
  private final AtomicLong messageIds = new AtomicLong();

  /** @param to the URL posted to, written as {@code wsa:To} */
  public SoapEnvelopes(String to) {
    this.to = to;
    for (Operation op : Operation.values()) {
      bodies.put(op, SoapChargerSimulator.sample(OcppVersion.V1_5, op.action));
    }
  }

  /**
   * One request.
   *
   * @param from the charger's own SOAP server, named in {@code wsa:From}
   */
  public String request(String identity, Operation op, String from) {
    StringBuilder b = new StringBuilder(1024);
    b.append("<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"")
        .append(" xmlns:wsa=\"http://www.w3.org/2005/08/addressing\" xmlns:cs=\"").append(NS)
        .append("\"><soap:Header><cs:chargeBoxIdentity>").append(identity)
        .append("</cs:chargeBoxIdentity><wsa:Action>").append(op.action.soapAction())
        .append("</wsa:Action><wsa:MessageID>urn:uuid:bench-").append(identity).append('-')
        .append(messageIds.incrementAndGet()).append("</wsa:MessageID><wsa:From><wsa:Address>")
        .append(from).append("</wsa:Address></wsa:From><wsa:ReplyTo><wsa:Address>")
        .append(ANONYMOUS).append("</wsa:Address></wsa:ReplyTo><wsa:To>").append(to)
        .append("</wsa:To></soap:Header><soap:Body>").append(bodies.get(op))
        .append("</soap:Body></soap:Envelope>");
    return b.toString();
  }

  /** True when the answer is a SOAP envelope whose body holds the operation's response. */
  public static boolean isAnswer(Operation op, String body) {
    return body != null && body.contains("Envelope") && !body.contains(":Fault>")
        && op.answer.matcher(body).find();
  }
}
