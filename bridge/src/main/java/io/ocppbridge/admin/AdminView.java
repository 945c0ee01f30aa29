package io.ocppbridge.admin;

import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.QuirkCounter;
import io.ocppbridge.core.RefusalBook;
import io.ocppbridge.session.SessionRegistry;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
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
 * @param faults every refusal (SOAP fault) of a charger request, with each charger's last
 * @param answerStyle the answer style a charger is answered in now, by identity
 *     ({@code standard}, {@code echo-identity}, {@code auto: standard}, {@code auto: echo-identity})
 * @param saturation what is saturated now, one line each, for {@code /health/ready}
 * @param edge what the SOAP listener's limits are doing (null: no SOAP listener to show)
 */
public record AdminView(SessionRegistry sessions, Predicate<ChargerId> connected,
    QuirkCounter quirks, BooleanSupplier ready, LinkCounters link,
    Supplier<Map<String, Long>> refusals, RefusalBook faults,
    Function<String, String> answerStyle, Supplier<List<String>> saturation,
    EdgeGauges edge) {

  /** A view with no refusal recorded, every charger answered the standard way, nothing saturated. */
  public AdminView(SessionRegistry sessions, Predicate<ChargerId> connected,
      QuirkCounter quirks, BooleanSupplier ready, LinkCounters link,
      Supplier<Map<String, Long>> refusals) {
    this(sessions, connected, quirks, ready, link, refusals, new RefusalBook(),
        identity -> "standard", List::of, null);
  }
}
