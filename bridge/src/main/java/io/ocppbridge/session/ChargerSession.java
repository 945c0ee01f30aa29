package io.ocppbridge.session;

import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.OcppVersion;
import java.time.Instant;

/**
 * What the bridge knows of one charger, refreshed by every SOAP request it sends. Fields are
 * individually volatile: a reader may see one request's version beside the previous request's
 * callback address, which is harmless because each is a complete value on its own.
 */
public final class ChargerSession {

  private final ChargerId id;
  private volatile OcppVersion version;
  private volatile SoapDialect dialect;
  private volatile String callbackAddress;
  private volatile Instant lastSeen;

  ChargerSession(ChargerId id, OcppVersion version, SoapDialect dialect, String callbackAddress,
      Instant lastSeen) {
    this.id = id;
    this.version = version;
    this.dialect = dialect;
    this.callbackAddress = callbackAddress;
    this.lastSeen = lastSeen;
  }

  public ChargerId id() {
    return id;
  }

  public OcppVersion version() {
    return version;
  }

  public SoapDialect dialect() {
    return dialect;
  }

  /** The charger's own SOAP server as its last request named it (wsa:From), or null. */
  public String callbackAddress() {
    return callbackAddress;
  }

  public Instant lastSeen() {
    return lastSeen;
  }

  void refresh(OcppVersion version, SoapDialect dialect, String callbackAddress, Instant now) {
    this.version = version;
    this.dialect = dialect;
    if (callbackAddress != null) {
      this.callbackAddress = callbackAddress;
    }
    this.lastSeen = now;
  }
}
