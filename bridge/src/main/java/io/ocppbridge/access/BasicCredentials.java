package io.ocppbridge.access;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The user name and password of an HTTP basic {@code Authorization} header (RFC 7617).
 *
 * @param user the user name (for a charger: its identity)
 * @param password the password; {@link #toString()} never shows it
 */
public record BasicCredentials(String user, String password) {

  /** Reads a header value; empty when absent, not basic, or malformed. */
  public static Optional<BasicCredentials> parse(String header) {
    if (header == null || header.length() < 6
        || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String pair;
    try {
      pair = new String(Base64.getDecoder().decode(header.substring(6).trim()),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = pair.indexOf(':');
    return colon < 0 ? Optional.empty()
        : Optional.of(new BasicCredentials(pair.substring(0, colon), pair.substring(colon + 1)));
  }

  @Override
  public String toString() {
    return "BasicCredentials[user=" + user + ", password=****]";
  }
}
