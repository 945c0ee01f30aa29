package io.ocppbridge.admin;

import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.QuirkCounter;
import io.ocppbridge.session.SessionRegistry;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * What the admin listener reads of the running bridge.
 *
 * @param sessions the chargers known
 * @param connected whether a charger's WebSocket is open now
 * @param quirks the accepted charger quirks
 * @param ready whether the bridge serves requests (SOAP listening, not stopping)
 * @param link the counters of the WebSockets to the central system
 */
public record AdminView(SessionRegistry sessions, Predicate<ChargerId> connected,
    QuirkCounter quirks, BooleanSupplier ready, LinkCounters link) {

  public AdminView(SessionRegistry sessions, Predicate<ChargerId> connected, QuirkCounter quirks,
      BooleanSupplier ready) {
    this(sessions, connected, quirks, ready, LinkCounters.NONE);
  }
}
