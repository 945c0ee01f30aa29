package io.ocppbridge.relay;

import io.ocppbridge.config.ChargersConfig;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.CsmsProtocol;
import io.ocppbridge.core.JsonDialect;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.translate.ChargerClock;
import java.time.ZoneOffset;

/**
 * What the configuration says of how each charger is to be treated: its clock, its leniency, the
 * dialect it is presented in to the central system.
 */
public final class ChargerProfiles {

  private final ChargersConfig chargers;
  private final CsmsProtocol defaultProtocol;
  private final JsonDialect defaultDialect;

  public ChargerProfiles(ChargersConfig chargers) {
    this(chargers, CsmsProtocol.NATIVE);
  }

  /**
   * @param defaultProtocol {@code csms.protocol}, for chargers without a protocol of their own
   */
  public ChargerProfiles(ChargersConfig chargers, CsmsProtocol defaultProtocol) {
    this(chargers, defaultProtocol, JsonDialect.XSD);
  }

  /**
   * @param defaultDialect {@code csms.jsonDialect}, for chargers without a dialect of their own
   */
  public ChargerProfiles(ChargersConfig chargers, CsmsProtocol defaultProtocol,
      JsonDialect defaultDialect) {
    this.chargers = chargers;
    this.defaultProtocol = defaultProtocol;
    this.defaultDialect = defaultDialect;
  }

  /**
   * The JSON dialect of its messages toward the central system and of the schemas they are
   * checked with: {@code chargers.<id>.jsonDialect}, else {@code csms.jsonDialect}, for a charger
   * presented in its own version. Under an upgrade profile the central system sees OCPP 1.6 or
   * 2.0.1, which have one spelling; the profile reads and writes the charger's own version in
   * the ocppjs dialect, the one its mapping tables are written in.
   */
  public JsonDialect jsonDialect(ChargerId id, CsmsProtocol protocol) {
    if (protocol != CsmsProtocol.NATIVE) {
      return JsonDialect.OCPPJS;
    }
    return chargers.of(id.value()).map(ChargersConfig.ChargerSettings::jsonDialect)
        .orElse(defaultDialect);
  }

  /**
   * {@code chargers.<id>.protocol}, else {@code csms.protocol}; an OCPP 1.6 charger configured
   * for {@code ocpp1.6} is native (that profile is for 1.2/1.5 chargers), one configured for
   * {@code ocpp2.0.1} is upgraded like the others.
   */
  public CsmsProtocol protocol(ChargerId id, OcppVersion version) {
    return chargers.of(id.value()).map(ChargersConfig.ChargerSettings::protocol)
        .orElse(defaultProtocol).effectiveFor(version);
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
