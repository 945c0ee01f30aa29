package io.ocppbridge.config;

/**
 * The SOAP listener chargers post to.
 *
 * @param host address to bind ({@code soap.host}, default {@code 0.0.0.0})
 * @param port TCP port ({@code soap.port}, default 8080; 0 picks a free port)
 * @param path URL path serving every OCPP version ({@code soap.path}, default {@code /ocpp})
 * @param publicUrl the URL chargers and the bridge's own {@code wsa:From} use for this listener,
 *     when it differs from what the bridge binds (behind a proxy); null means derived
 * @param maxMessageSize the largest SOAP message accepted from a charger, its requests and its
 *     answers to central-system calls alike, in bytes ({@code soap.maxMessageSize},
 *     default 1 MiB)
 * @param shutdownGrace at shutdown, how long requests in flight may take to finish before the
 *     rest are answered with a fault ({@code soap.shutdownGrace}, default 10 s)
 * @param tls the listener's certificate: HTTPS instead of HTTP when set ({@code soap.keystore}
 *     or {@code soap.certificate} + {@code soap.privateKey}), else null
 * @param rateLimit requests per second one charger may send, as a token bucket holding one
 *     second's worth; excess requests get a fault ({@code soap.rateLimit}, default 0: no limit)
 */
public record SoapConfig(String host, int port, String path, String publicUrl,
    int maxMessageSize, java.time.Duration shutdownGrace, KeyMaterial tls, double rateLimit) {

  /** Plain HTTP, no rate limit. */
  public SoapConfig(String host, int port, String path, String publicUrl, int maxMessageSize,
      java.time.Duration shutdownGrace) {
    this(host, port, path, publicUrl, maxMessageSize, shutdownGrace, null, 0);
  }

  /** True when the listener speaks HTTPS. */
  public boolean https() {
    return tls != null;
  }

  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_PATH = "/ocpp";
  public static final int DEFAULT_MAX_MESSAGE_SIZE = 1024 * 1024;
}
