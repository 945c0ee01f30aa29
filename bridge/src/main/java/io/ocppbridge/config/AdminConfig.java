package io.ocppbridge.config;

import java.util.List;

/**
 * The admin listener: health, metrics, charger list, status page, trace switch
 * ({@code admin.*}).
 *
 * @param enabled whether it runs
 * @param host address to bind (127.0.0.1 by default: not exposed)
 * @param port its port (0 picks a free port)
 * @param token when not null, every path but {@code /health/*} needs {@code Authorization:
 *     Bearer <token>}
 * @param allowedHosts host names or addresses accepted in the {@code Host} header of every path
 *     but {@code /health/*} (against DNS rebinding); empty means the loopback names and the bound
 *     address
 * @param maxTraced how many chargers can be traced on their own at once
 */
public record AdminConfig(
    @Key(defaultValue = "true",
        doc = "Whether the admin listener runs (health, metrics, charger list, status page,"
            + " trace switch).")
    boolean enabled,
    @Key(defaultValue = "127.0.0.1", doc = "Address it binds to; keep it off public networks.")
    String host,
    @Key(defaultValue = "9090", min = 0, max = 65535, doc = "Its port (0 picks a free port).")
    int port,
    @Key(sources = Key.Sources.VALUE_OR_FIRST_LINE_OF_FILE,
        doc = "When set (16 characters or more), every path but /health/* needs"
            + " 'Authorization: Bearer <token>'.")
    Secret token,
    @Key(defaultValue = "",
        doc = "Host names or addresses accepted in the Host header (without port) on every path"
            + " but /health/*, against DNS rebinding; empty: localhost, 127.0.0.1, ::1 and the"
            + " bound host.")
    List<String> allowedHosts,
    @Key(defaultValue = "100", min = 1, max = 100_000,
        doc = "How many chargers can be traced on their own at once; more PUTs are refused.")
    int maxTraced) {

  /** The shortest token accepted. */
  static final int MIN_TOKEN_LENGTH = 16;

  public AdminConfig {
    allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    if (token != null && token.reveal().length() < MIN_TOKEN_LENGTH) {
      throw ConfigException.forKey(token.source(), "the token must be at least "
          + MIN_TOKEN_LENGTH + " characters long");
    }
  }
}
