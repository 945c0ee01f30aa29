package io.ocppbridge.core;

/**
 * The identity of a charge point: the SOAP {@code chargeBoxIdentity} header, and the last path
 * segment of its WebSocket URL toward the central system.
 */
public record ChargerId(String value) {

  /** OCPP 1.5 gives chargeBoxIdentity no length; 1.6 ties it to CiString48 in the URL. */
  public static final int MAX_LENGTH = 255;

  public ChargerId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("chargeBoxIdentity is empty");
    }
    if (".".equals(value) || "..".equals(value)) {
      // a dot segment is removed from a URL path (RFC 3986 5.2.4), even percent-encoded by some
      // servers: the central system would see another path, not this charger
      throw new IllegalArgumentException(
          "chargeBoxIdentity '" + value + "' cannot name a charger in a WebSocket URL");
    }
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "chargeBoxIdentity is longer than " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException("chargeBoxIdentity contains a control character");
      }
    }
  }

  // written out: a record's generated equals and hashCode go through a method-handle chain that
  // the JIT does not always flatten, and every session, presence and call-queue lookup uses them

  @Override
  public boolean equals(Object other) {
    return other == this || other instanceof ChargerId id && value.equals(id.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
