package io.ocppbridge.ws;

import java.util.concurrent.atomic.LongAdder;

/** Counts of what happened to the WebSockets of all chargers, for the operator's metrics. */
final class LinkStats {

  private final LongAdder reconnects = new LongAdder();
  private final LongAdder failedAttempts = new LongAdder();

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
