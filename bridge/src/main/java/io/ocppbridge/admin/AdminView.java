package io.ocppbridge.admin;

import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.QuirkCounter;
import io.ocppbridge.session.SessionRegistry;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What the admin listener reads of the running bridge.
 *
 * @param sessions the chargers known
 * @param connected whether a charger's WebSocket is open now
 * @param quirks the accepted charger quirks
 * @param ready whether the bridge serves requests (SOAP listening, not stopping)
 * @param link the counters of the WebSockets to the central system
 * @param refusals charger requests refused by the SOAP edge's access checks so far, by reason
 *     ({@code unknown-charger}, {@code network}, {@code authentication}, {@code rate-limit},
 *     and the bounds on new chargers: {@code capacity}, {@code descriptors},
 *     {@code new-identity-rate})
 * @param saturation what is saturated now, one line each, for {@code /health/ready}
 */
public record AdminView(SessionRegistry sessions, Predicate<ChargerId> connected,
    QuirkCounter quirks, BooleanSupplier ready, LinkCounters link,
    Supplier<Map<String, Long>> refusals, Supplier<List<String>> saturation) {

  /** A view with nothing ever saturated. */
  public AdminView(SessionRegistry sessions, Predicate<ChargerId> connected,
      QuirkCounter quirks, BooleanSupplier ready, LinkCounters link,
      Supplier<Map<String, Long>> refusals) {
    this(sessions, connected, quirks, ready, link, refusals, List::of);
  }
}
