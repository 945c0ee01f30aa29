package io.ocppbridge.config;

import io.ocppbridge.core.CsmsProtocol;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * Settings for calls to chargers, global and per charger.
 *
 * @param callTimeout how long the bridge waits for a charger's answer to a central-system call
 *     ({@code chargers.callTimeout}, default 30 s)
 * @param byIdentity per-charger settings ({@code chargers.<identity>.callbackUrl},
 *     {@code .timezone}, {@code .localTime})
 */
public record ChargersConfig(Duration callTimeout, Map<String, ChargerSettings> byIdentity) {

  /**
   * One charger's settings; each may be absent (null).
   *
   * @param callbackUrl its SOAP server when it names no usable {@code wsa:From}
   * @param timezone the zone of its offset-less timestamps (absent: UTC)
   * @param localTime true to send it the central system's timestamps as local time without offset
   * @param lenient true for {@code validation: lenient}: values longer than the XSD allows are
   *     passed on (logged and counted) instead of refused
   * @param protocol how it is presented to the central system (absent: {@code csms.protocol})
   */
  public record ChargerSettings(URI callbackUrl, ZoneId timezone, boolean localTime,
      boolean lenient, CsmsProtocol protocol) {

    /** Presented as {@code csms.protocol} says. */
    public ChargerSettings(URI callbackUrl, ZoneId timezone, boolean localTime,
        boolean lenient) {
      this(callbackUrl, timezone, localTime, lenient, null);
    }
  }

  public Optional<ChargerSettings> of(String identity) {
    return Optional.ofNullable(byIdentity.get(identity));
  }
}
