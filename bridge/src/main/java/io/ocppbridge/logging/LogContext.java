package io.ocppbridge.logging;

import org.slf4j.MDC;

/**
 * The charger and message a thread is working on, in the logging MDC ({@code charger},
 * {@code messageId}) so that JSON logs and patterns can show them. Opened around each piece of
 * work, closed when it ends: the values the thread had before are put back.
 */
public final class LogContext implements AutoCloseable {

  /** MDC key of the charger's identity. */
  public static final String CHARGER = "charger";
  /** MDC key of the message's id: the SOAP MessageID or the OCPP-J unique id. */
  public static final String MESSAGE_ID = "messageId";

  private final String previousCharger;
  private final String previousMessageId;

  private LogContext(String charger, String messageId) {
    this.previousCharger = MDC.get(CHARGER);
    this.previousMessageId = MDC.get(MESSAGE_ID);
    put(CHARGER, charger);
    put(MESSAGE_ID, messageId);
  }

  /** Puts the charger (and message id, when not null) in the MDC until {@link #close()}. */
  public static LogContext open(String charger, String messageId) {
    return new LogContext(charger, messageId);
  }

  @Override
  public void close() {
    put(CHARGER, previousCharger);
    put(MESSAGE_ID, previousMessageId);
  }

  private static void put(String key, String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }
}
