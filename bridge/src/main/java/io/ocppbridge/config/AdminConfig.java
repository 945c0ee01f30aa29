package io.ocppbridge.config;

/**
 * The admin listener: health, metrics, charger list, status page, trace switch
 * ({@code admin.*}).
 *
 * @param enabled whether it runs
 * @param host address to bind (127.0.0.1 by default: not exposed)
 * @param port its port (0 picks a free port)
 * @param token when not null, every path but {@code /health/*} needs {@code Authorization:
 *     Bearer <token>}
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
    Secret token) {

  /** The shortest token accepted. */
  static final int MIN_TOKEN_LENGTH = 16;

  public AdminConfig {
    if (token != null && token.reveal().length() < MIN_TOKEN_LENGTH) {
      throw ConfigException.forKey(token.source(), "the token must be at least "
          + MIN_TOKEN_LENGTH + " characters long");
    }
  }
}
