package io.ocppbridge.relay;

import io.ocppbridge.config.ChargersConfig;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.translate.ChargerClock;
import java.time.ZoneOffset;

/** Each charger's {@link ChargerClock}, from its configured time zone and local-time option. */
public final class ChargerClocks {

  private final ChargersConfig chargers;

  public ChargerClocks(ChargersConfig chargers) {
    this.chargers = chargers;
  }

  public ChargerClock of(ChargerId id) {
    return chargers.of(id.value())
        .map(s -> new ChargerClock(s.timezone() == null ? ZoneOffset.UTC : s.timezone(),
            s.localTime()))
        .orElse(ChargerClock.UTC);
  }
}
