package io.ocppbridge.config;

/**
 * The admin listener: health, metrics, charger list, status page, trace switch.
 *
 * @param enabled whether it runs ({@code admin.enabled}, default true)
 * @param host address to bind ({@code admin.host}, default 127.0.0.1: not exposed)
 * @param port its port ({@code admin.port}, default 9090; 0 picks a free port)
 * @param token when not null, every path but {@code /health/*} needs {@code Authorization:
 *     Bearer <token>} ({@code admin.token}, or read from the file {@code admin.tokenFile})
 */
public record AdminConfig(boolean enabled, String host, int port, String token) {

  public AdminConfig(boolean enabled, String host, int port) {
    this(enabled, host, port, null);
  }

  /** Never prints the token. */
  @Override
  public String toString() {
    return "AdminConfig[enabled=" + enabled + ", host=" + host + ", port=" + port + ", token="
        + (token == null ? "none" : "****") + "]";
  }
}
