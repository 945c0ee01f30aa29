package io.ocppbridge.relay;

import io.ocppbridge.config.ChargersConfig;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.translate.ChargerClock;
import java.time.ZoneOffset;

/** What the configuration says of how each charger is to be treated: its clock, its leniency. */
public final class ChargerProfiles {

  private final ChargersConfig chargers;

  public ChargerProfiles(ChargersConfig chargers) {
    this.chargers = chargers;
  }

  /** Its time zone and local-time option ({@code chargers.<id>.timezone}, {@code .localTime}). */
  public ChargerClock clock(ChargerId id) {
    return chargers.of(id.value())
        .map(s -> new ChargerClock(s.timezone() == null ? ZoneOffset.UTC : s.timezone(),
            s.localTime()))
        .orElse(ChargerClock.UTC);
  }

  /** True for {@code chargers.<id>.validation: lenient}. */
  public boolean lenient(ChargerId id) {
    return chargers.of(id.value()).map(ChargersConfig.ChargerSettings::lenient).orElse(false);
  }
}
