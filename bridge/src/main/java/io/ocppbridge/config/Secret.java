package io.ocppbridge.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A password or other secret read from the configuration, an environment variable or a file.
 * Its {@link #toString()} never shows the value, so a record holding it can be logged or printed
 * without leaking it; only {@link #reveal()} gives the text, for the one place that sends it.
 */
public final class Secret {

  private final String value;
  private final String source;

  /**
   * @param value the secret text
   * @param source where it came from, for messages ({@code chargers.CB1.passwordFile}); never
   *     the value
   */
  public Secret(String value, String source) {
    this.value = value;
    this.source = source;
  }

  /** The secret text: only for sending it where it belongs. */
  public String reveal() {
    return value;
  }

  /** The configuration key it came from. */
  public String source() {
    return source;
  }

  /** Compares with a candidate in constant time (no timing hint about the prefix). */
  public boolean matches(String candidate) {
    if (candidate == null) {
      return false;
    }
    return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
        candidate.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "****";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
