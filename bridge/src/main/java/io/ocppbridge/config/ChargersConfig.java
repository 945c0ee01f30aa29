package io.ocppbridge.config;

import io.ocppbridge.core.CsmsProtocol;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings for chargers, global and per charger.
 *
 * @param callTimeout how long the bridge waits for a charger's answer to a central-system call
 *     ({@code chargers.callTimeout}, default 30 s)
 * @param byIdentity per-charger settings ({@code chargers.<identity>.callbackUrl},
 *     {@code .timezone}, {@code .localTime}, ...)
 * @param allowUnknown whether chargers without settings here are served
 *     ({@code chargers.allowUnknown}, default true); when false, any other identity gets a
 *     SecurityError fault and nothing reaches the central system
 */
public record ChargersConfig(Duration callTimeout, Map<String, ChargerSettings> byIdentity,
    boolean allowUnknown) {

  /** Every identity served. */
  public ChargersConfig(Duration callTimeout, Map<String, ChargerSettings> byIdentity) {
    this(callTimeout, byIdentity, true);
  }

  /**
   * One charger's settings; each may be absent (null, or an empty list).
   *
   * @param callbackUrl its SOAP server when it names no usable {@code wsa:From}
   * @param timezone the zone of its offset-less timestamps (absent: UTC)
   * @param localTime true to send it the central system's timestamps as local time without offset
   * @param lenient true for {@code validation: lenient}: values longer than the XSD allows are
   *     passed on (logged and counted) instead of refused
   * @param securityProfile its OCPP security profile toward the central system (absent:
   *     {@code csms.securityProfile})
   * @param csmsPassword its basic-auth password toward the central system (absent:
   *     {@code csms.password})
   * @param soapPassword the basic-auth password it must send with its own SOAP requests
   *     (absent: none required)
   * @param allowedNetworks the networks its requests may come from (empty: any)
   * @param clientKey its own client certificate for security profile 3 (absent: the global
   *     {@code csms.keystore} or {@code csms.certificate})
   * @param protocol how it is presented to the central system (absent: {@code csms.protocol})
   */
  public record ChargerSettings(URI callbackUrl, ZoneId timezone, boolean localTime,
      boolean lenient, Integer securityProfile, Secret csmsPassword, Secret soapPassword,
      List<IpNetwork> allowedNetworks, KeyMaterial clientKey, CsmsProtocol protocol) {

    /** Presented as {@code csms.protocol} says. */
    public ChargerSettings(URI callbackUrl, ZoneId timezone, boolean localTime,
        boolean lenient, Integer securityProfile, Secret csmsPassword, Secret soapPassword,
        List<IpNetwork> allowedNetworks, KeyMaterial clientKey) {
      this(callbackUrl, timezone, localTime, lenient, securityProfile, csmsPassword,
          soapPassword, allowedNetworks, clientKey, null);
    }

    /** Without a client certificate of its own. */
    public ChargerSettings(URI callbackUrl, ZoneId timezone, boolean localTime,
        boolean lenient, Integer securityProfile, Secret csmsPassword, Secret soapPassword,
        List<IpNetwork> allowedNetworks) {
      this(callbackUrl, timezone, localTime, lenient, securityProfile, csmsPassword,
          soapPassword, allowedNetworks, null, null);
    }

    /** Without security settings. */
    public ChargerSettings(URI callbackUrl, ZoneId timezone, boolean localTime,
        boolean lenient) {
      this(callbackUrl, timezone, localTime, lenient, null, null, null, List.of(), null, null);
    }
  }

  public Optional<ChargerSettings> of(String identity) {
    return Optional.ofNullable(byIdentity.get(identity));
  }
}
