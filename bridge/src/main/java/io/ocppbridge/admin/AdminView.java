package io.ocppbridge.admin;

import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.QuirkCounter;
import io.ocppbridge.session.SessionRegistry;
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
 *     ({@code unknown-charger}, {@code network}, {@code authentication}, {@code rate-limit})
 * @param edge what the SOAP listener's limits are doing
 */
public record AdminView(SessionRegistry sessions, Predicate<ChargerId> connected,
    QuirkCounter quirks, BooleanSupplier ready, LinkCounters link,
    Supplier<Map<String, Long>> refusals, EdgeGauges edge) {}
