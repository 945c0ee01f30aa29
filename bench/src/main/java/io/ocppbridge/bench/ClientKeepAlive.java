package io.ocppbridge.bench;

/**
 * Makes the load generator's HTTP client close an idle connection before the server does. The
 * bridge ({@code soap.limits.idleTimeout}) and the bare endpoint (Jetty's default) close a silent
 * connection after 30 s; the JDK's client keeps one for 1,200 s by default. A request it sends on
 * a connection at the moment the server closes it fails with no answer ("header parser received
 * no bytes" or "EOF reached while reading"): the server never read it, and the run counts it as
 * the target's failure. Reproduced in step 10 (docs/performance.md); whether it caused the 15
 * failures of a half-load turn in step 9 is not proven.
 */
final class ClientKeepAlive {

  static final String PROPERTY = "jdk.httpclient.keepalive.timeout";
  /** Seconds; the JDK reads it once, when its first HTTP client is built. */
  static final int SECONDS = 20;

  private ClientKeepAlive() {}

  /** Must run before any HTTP client is built (first thing in {@code main}). */
  static void belowServers() {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, Integer.toString(SECONDS));
    }
  }
}
