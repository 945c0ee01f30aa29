package io.ocppbridge.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Settings for calls to chargers, global and per charger.
 *
 * @param callTimeout how long the bridge waits for a charger's answer to a central-system call
 *     ({@code chargers.callTimeout}, default 30 s)
 * @param byIdentity per-charger settings ({@code chargers.<identity>.callbackUrl})
 */
public record ChargersConfig(Duration callTimeout, Map<String, ChargerSettings> byIdentity) {

  /** One charger's settings. */
  public record ChargerSettings(URI callbackUrl) {}

  public Optional<ChargerSettings> of(String identity) {
    return Optional.ofNullable(byIdentity.get(identity));
  }
}
