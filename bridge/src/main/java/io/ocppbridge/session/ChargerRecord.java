package io.ocppbridge.session;

import io.ocppbridge.core.ChargerId;
import java.time.Instant;
import java.util.Objects;

/**
 * What the persistent registry keeps of one charger, so that after a restart the bridge can
 * reopen its WebSocket (DESIGN "Sessions") and call it back in the form it speaks, before it
 * sends anything.
 *
 * <p>Plain values only (no {@code core} types), so that a row maps to a record one to one and a
 * store needs no knowledge of the bridge's vocabulary.
 *
 * @param identity the chargeBoxIdentity
 * @param ocppVersion "1.2" or "1.5" ({@code OcppVersion.label()})
 * @param soapVersion "1.1" or "1.2"
 * @param addressingNamespace the WS-Addressing namespace the charger uses, or null for none
 * @param callbackAddress where central-system calls go, or null when none is known
 * @param callbackSource where that address came from (e.g. "wsa:From"), or null
 * @param backendProfile the WebSocket subprotocol toward the central system, e.g. "ocpp1.5"
 * @param timeZone the charger's time zone id for offset-less timestamps, or null for the default
 * @param lastSeen when the charger last sent a request
 * @param heartbeatIntervalSeconds the interval the central system gave in its BootNotification
 *     answer, or null before one
 * @param profileState what the charger's upgrade profile must remember across a restart
 *     (connector and transaction state) as a JSON document the profile owns, or null for nothing
 */
public record ChargerRecord(
    String identity,
    String ocppVersion,
    String soapVersion,
    String addressingNamespace,
    String callbackAddress,
    String callbackSource,
    String backendProfile,
    String timeZone,
    Instant lastSeen,
    Integer heartbeatIntervalSeconds,
    String profileState) {

  public ChargerRecord {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(ocppVersion, "ocppVersion");
    Objects.requireNonNull(soapVersion, "soapVersion");
    Objects.requireNonNull(backendProfile, "backendProfile");
    Objects.requireNonNull(lastSeen, "lastSeen");
    if (identity.isBlank() || identity.length() > ChargerId.MAX_LENGTH) {
      throw new IllegalArgumentException(
          "identity must have 1 to " + ChargerId.MAX_LENGTH + " characters");
    }
    if (heartbeatIntervalSeconds != null && heartbeatIntervalSeconds <= 0) {
      throw new IllegalArgumentException(
          "heartbeat interval must be positive, was " + heartbeatIntervalSeconds);
    }
  }

  /** This record with another last contact. */
  public ChargerRecord withLastSeen(Instant seen) {
    return new ChargerRecord(identity, ocppVersion, soapVersion, addressingNamespace,
        callbackAddress, callbackSource, backendProfile, timeZone, seen,
        heartbeatIntervalSeconds, profileState);
  }

  /** This record with the heartbeat interval of a BootNotification answer. */
  public ChargerRecord withHeartbeatIntervalSeconds(Integer seconds) {
    return new ChargerRecord(identity, ocppVersion, soapVersion, addressingNamespace,
        callbackAddress, callbackSource, backendProfile, timeZone, lastSeen, seconds,
        profileState);
  }
}
