package io.ocppbridge.bench;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Both targets of a comparison each in a JVM of its own ({@code --own-jvms}): the bare CXF
 * endpoint, and the bridge in front of the simulated central system, which runs in a third JVM
 * so that the bridge's process holds the bridge alone. Every start is bounded
 * ({@link ChildTarget}, {@link ChildCsms}); what started is stopped again when a later one fails.
 */
record ChildTargets(ChildTarget bare, ChildCsms csms, ChildTarget bridge)
    implements AutoCloseable {

  /** How the result table names a figure read from a target's process alone. */
  static final String OWN_PROCESS = "the target's own process";
  private static final Logger LOG = LoggerFactory.getLogger(ChildTargets.class);

  /**
   * Starts the three processes, the bare endpoint's while the other two start (on two busy cores
   * a JVM takes seconds to start), and waits until all three listen.
   *
   * @param scenario the name the log line with the processes' ids starts with
   */
  static ChildTargets start(String scenario) throws IOException, InterruptedException {
    ChildTarget bare = ChildTarget.launchBare();
    ChildCsms csms = null;
    ChildTarget bridge = null;
    try {
      csms = new ChildCsms("512m");
      bridge = ChildTarget.bridge(csms.url());
      bare.awaitReady();
    } catch (IOException | InterruptedException | RuntimeException e) {
      stop(bare, csms, bridge);
      throw e;
    }
    LOG.info("{} in own JVMs: bare endpoint pid {}, bridge pid {}, central system pid {}",
        scenario, bare.pid(), bridge.pid(), csms.pid());
    return new ChildTargets(bare, csms, bridge);
  }

  @Override
  public void close() throws InterruptedException {
    stop(bare, csms, bridge);
  }

  /**
   * Stops those that started, the bare endpoint while the bridge stops, the bridge before its
   * central system; each wait is bounded.
   */
  private static void stop(ChildTarget bare, ChildCsms csms, ChildTarget bridge)
      throws InterruptedException {
    bare.endInput();
    try {
      if (bridge != null) {
        bridge.close();
      }
    } finally {
      try {
        if (csms != null) {
          csms.close();
        }
      } finally {
        bare.close();
      }
    }
  }
}
