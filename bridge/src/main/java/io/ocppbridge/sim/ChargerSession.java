package io.ocppbridge.sim;

import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppVersion;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one simulated charger knows between operations: the heartbeat interval the central system
 * gave at boot and the transaction in progress (its id from the StartTransaction answer, its
 * connector, id tag and energy register). Each operation writes one {@code >>} trace line with
 * the request's fields and one {@code <<} line with the answer's, or a {@code !!} line saying why
 * it did not succeed.
 */
public final class ChargerSession {

  /**
   * The outcome of one operation.
   *
   * @param answer the answer payload, or null when no real answer came (fault, no connection)
   * @param ok the answer came and, where it carries a status, that status is Accepted
   */
  public record Step(OcppAction action, PayloadXml answer, boolean ok) {}

  /** The transaction in progress. */
  public record Transaction(int id, int connectorId, String idTag, int registerWh) {
    Transaction withRegister(int wh) {
      return new Transaction(id, connectorId, idTag, wh);
    }
  }

  private static final String ACCEPTED = "Accepted";
  private static final List<String> NO_STATUS = List.of();
  private static final List<String> ID_TAG_STATUS = List.of("idTagInfo", "status");

  private final SoapChargerSimulator charger;
  private final ChargerPayloads payloads;
  private final Clock clock;
  private final PrintStream trace;
  private volatile Integer heartbeatIntervalSeconds;
  private volatile Transaction transaction;

  public ChargerSession(SoapChargerSimulator charger, OcppVersion version, Clock clock,
      PrintStream trace) {
    this.charger = charger;
    this.payloads = ChargerPayloads.of(version);
    this.clock = clock;
    this.trace = trace;
  }

  public OcppVersion version() {
    return payloads.version();
  }

  /** The status of a connector with a transaction ({@code Occupied}, 1.6 {@code Charging}). */
  public String inUseStatus() {
    return payloads.inUseStatus();
  }

  /** The heartbeat interval of the last accepted boot; empty before it or when none was given. */
  public Optional<Duration> heartbeatInterval() {
    Integer seconds = heartbeatIntervalSeconds;
    return seconds == null ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
  }

  public Optional<Transaction> transaction() {
    return Optional.ofNullable(transaction);
  }

  /** BootNotification; ok when the registration status is Accepted. */
  public Step boot() {
    Step step = exchange(OcppAction.BOOT_NOTIFICATION, payloads.bootNotification(
        "ocpp-soap-bridge", "simulate-charger", "SIM-0001"), List.of("status"));
    if (step.ok()) {
      heartbeatIntervalSeconds =
          step.answer().intValue(payloads.heartbeatIntervalElement()).orElse(null);
    }
    return step;
  }

  public Step heartbeat() {
    return exchange(OcppAction.HEARTBEAT, payloads.heartbeat(), NO_STATUS);
  }

  /**
   * StatusNotification with error code NoError.
   *
   * @throws IllegalArgumentException when the version knows no such status
   */
  public Step status(int connectorId, String status) {
    return exchange(OcppAction.STATUS_NOTIFICATION,
        payloads.statusNotification(connectorId, status, clock.instant()), NO_STATUS);
  }

  /** Authorize; ok when the id tag is Accepted. */
  public Step authorize(String idTag) {
    return exchange(OcppAction.AUTHORIZE, payloads.authorize(idTag), ID_TAG_STATUS);
  }

  /**
   * StartTransaction; ok when the id tag is Accepted and the answer names a transactionId, which
   * the later MeterValues and StopTransaction carry. Any numbered transaction is in progress
   * afterwards, even when its id tag was not accepted, so that a stop closes it.
   *
   * @throws IllegalStateException when a transaction is already in progress
   */
  public Step start(int connectorId, String idTag, int meterStartWh) {
    if (transaction != null) {
      throw new IllegalStateException("transaction " + transaction.id()
          + " is in progress; stop it first");
    }
    Step step = exchange(OcppAction.START_TRANSACTION,
        payloads.startTransaction(connectorId, idTag, meterStartWh, clock.instant()),
        ID_TAG_STATUS);
    if (step.answer() == null) {
      return step;
    }
    Optional<Integer> id = step.answer().intValue("transactionId");
    if (id.isEmpty()) {
      trace.println("!! StartTransaction: the answer carries no transactionId");
      return new Step(step.action(), step.answer(), false);
    }
    // numbered is opened, accepted or not: the central system holds the transaction until a
    // StopTransaction closes it, as a real charger does when its id tag is refused
    transaction = new Transaction(id.get(), connectorId, idTag, meterStartWh);
    return step;
  }

  /**
   * MeterValues with one energy register reading; it carries the transactionId when a
   * transaction runs on that connector (OCPP 1.5; 1.2 has no such field).
   */
  public Step meter(int connectorId, int registerWh) {
    Transaction running = transaction;
    boolean ofTransaction = running != null && running.connectorId() == connectorId;
    Step step = exchange(OcppAction.METER_VALUES, payloads.meterValues(connectorId,
        ofTransaction ? running.id() : null, registerWh, clock.instant()), NO_STATUS);
    if (ofTransaction) {
      transaction = running.withRegister(registerWh);
    }
    return step;
  }

  /**
   * StopTransaction of the transaction in progress, with its last register reading as meterStop.
   * OCPP 1.2 and 1.5 have no field for a reason; a given one is only shown in the trace (1.6
   * sends it).
   *
   * @throws IllegalStateException when no transaction is in progress
   */
  public Step stop(String reason) {
    Transaction running = transaction;
    if (running == null) {
      throw new IllegalStateException("no transaction is in progress; start one first");
    }
    if (reason != null && !payloads.hasStopReason()) {
      trace.println("   (reason " + reason + " is not sent: OCPP 1.2/1.5 StopTransaction has no"
          + " reason field)");
    }
    Step step = exchange(OcppAction.STOP_TRANSACTION, payloads.stopTransaction(running.id(),
        running.idTag(), running.registerWh(), clock.instant(), reason), NO_STATUS);
    if (step.answer() != null) {
      transaction = null;
    }
    return step;
  }

  /** Sends the built-in sample request of an operation. */
  public Step sendSample(OcppAction action) {
    return exchange(action, SoapChargerSimulator.sample(version(), action), NO_STATUS);
  }

  /**
   * Sends one request and traces it.
   *
   * @param statusPath where the answer's status is; empty when it has none to check
   */
  private Step exchange(OcppAction action, String requestXml, List<String> statusPath) {
    trace.println(line(">> " + action.wireName(), PayloadXml.parse(requestXml).summary()));
    SoapChargerSimulator.Exchange exchange = charger.send(action, requestXml);
    if (!exchange.ok()) {
      trace.println("!! " + action.wireName() + " got no real answer: " + exchange.text());
      return new Step(action, null, false);
    }
    PayloadXml answer = PayloadXml.parse(exchange.text());
    trace.println(line("<< " + upperFirst(answer.elementName()), answer.summary()));
    if (statusPath.isEmpty()) {
      return new Step(action, answer, true);
    }
    String status = answer.value(statusPath.toArray(String[]::new)).orElse("(none)");
    if (!ACCEPTED.equals(status)) {
      trace.println("!! " + action.wireName() + " was not accepted: status " + status);
      return new Step(action, answer, false);
    }
    return new Step(action, answer, true);
  }

  private static String line(String head, String fields) {
    return fields.isEmpty() ? head : head + " " + fields;
  }

  private static String upperFirst(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
