package io.ocppbridge.ws;

import java.util.concurrent.atomic.LongAdder;

/** Counts of what happened to the WebSockets of all chargers, for the operator's metrics. */
final class LinkStats {

  private final LongAdder reconnects = new LongAdder();
  private final LongAdder failedAttempts = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private final LongAdder unproven = new LongAdder();
  private final LongAdder rejectedBoots = new LongAdder();

  /** A BootNotification the central system answered {@code Rejected}. */
  void bootRejected() {
    rejectedBoots.increment();
  }

  long rejectedBoots() {
    return rejectedBoots.sum();
  }

  /** A handshake the central system refused (HTTP status, subprotocol, credentials, TLS). */
  void refused() {
    refused.increment();
  }

  /** A connection closed before it proved itself (open too briefly, no answer). */
  void unproven() {
    unproven.increment();
  }

  long refusedHandshakes() {
    return refused.sum();
  }

  long unprovenConnections() {
    return unproven.sum();
  }

  void reconnected() {
    reconnects.increment();
  }

  void attemptFailed() {
    failedAttempts.increment();
  }

  long reconnects() {
    return reconnects.sum();
  }

  long failedAttempts() {
    return failedAttempts.sum();
  }
}
