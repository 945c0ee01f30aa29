package io.ocppbridge.soap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.apache.cxf.Bus;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngine;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.Container;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The length of a CXF Jetty listener's accept queue: how many connections the kernel holds,
 * handshake done, until Jetty takes them ({@code listen(2)}'s backlog). CXF builds Jetty's
 * connector itself and has no setting for it, and Jetty's default leaves the JDK's, 50: a burst
 * of new connections beyond that, chargers reconnecting after a power cut or a client opening
 * hundreds at once, overflows it. The kernel then drops the handshakes (the client's TCP retries
 * after a second, then three) or, with SYN cookies, resets some.
 *
 * <p>The engine is created here, before CXF would create it, with this listener on its Jetty
 * server: the connector CXF adds is given the queue length before it opens.
 *
 * <p>The bridge's listener is also held: it takes no connection until {@link #release} is
 * called. CXF starts Jetty, and so opens the port, before it adds the endpoint's context; a
 * request taken in between would be answered 404 by Jetty, and a connection taken before the
 * bridge's connection guard is in place would escape its limits. Held, a charger that connects
 * during start waits in the queue for the few milliseconds left, and is then served.
 */
public final class AcceptQueue implements Container.Listener {

  private static final Logger LOG = LoggerFactory.getLogger(AcceptQueue.class);
  /** Where Linux keeps the cap it puts on every listener's accept queue. */
  private static final Path SOMAXCONN = Path.of("/proc/sys/net/core/somaxconn");

  private final int length;
  private final boolean held;

  private AcceptQueue(int length, boolean held) {
    this.length = length;
    this.held = held;
  }

  /**
   * Registers, for {@code port}, the engine CXF will publish on, with an accept queue of
   * {@code length}. Call before anything else on the port (TLS parameters included): an engine
   * CXF created first keeps its default.
   *
   * @return the engine, to set up further before CXF publishes on it
   * @throws IllegalStateException when CXF already has an engine on {@code port}
   */
  public static JettyHTTPServerEngine prepare(Bus bus, String host, int port, int length) {
    return prepare(bus, host, port, length, false);
  }

  /**
   * As {@link #prepare(Bus, String, int, int)}, and the listener, once open, takes no connection
   * until {@link #release} is called with its connector.
   */
  static JettyHTTPServerEngine prepareHeld(Bus bus, String host, int port, int length) {
    return prepare(bus, host, port, length, true);
  }

  /** Lets a held listener take the connections waiting in its queue, and every one after. */
  static void release(Connector connector) {
    ((AbstractConnector) connector).setAccepting(true);
  }

  private static JettyHTTPServerEngine prepare(Bus bus, String host, int port, int length,
      boolean held) {
    if (length < 1) {
      throw new IllegalArgumentException("accept queue length must be at least 1: " + length);
    }
    JettyHTTPServerEngineFactory engines = CxfEngines.of(bus);
    if (engines.retrieveJettyHTTPServerEngine(port) != null) {
      throw new IllegalStateException("port " + port + " already has a listener");
    }
    JettyHTTPServerEngine engine =
        new JettyHTTPServerEngine(new AcceptQueue(length, held), host, port);
    engines.setEnginesList(List.of(engine));
    engine.finalizeConfig();
    return engine;
  }

  /** Logs the queue length at start, and a warning when the kernel cuts it short. */
  static void logAtStart(String listener, String key, int length) {
    logAtStart(listener, key, length, kernelCap());
  }

  /** As {@link #logAtStart(String, String, int)}, with the kernel's cap given. */
  static void logAtStart(String listener, String key, int length, OptionalInt cap) {
    if (cap.isPresent() && cap.getAsInt() < length) {
      LOG.warn("{} accept queue: {} connections, not the {} asked ({}): the kernel caps it at"
          + " net.core.somaxconn; raise that (sysctl -w net.core.somaxconn={}) for bursts of"
          + " new connections", listener, cap.getAsInt(), length, key, length);
    } else {
      LOG.info("{} accept queue: {} connections ({})", listener, length, key);
    }
  }

  private static OptionalInt kernelCap() {
    try {
      // line by line: Files.readString trusts the size /proc reports and reads one byte (JDK 17)
      List<String> lines = Files.readAllLines(SOMAXCONN);
      return lines.isEmpty() ? OptionalInt.empty()
          : OptionalInt.of(Integer.parseInt(lines.get(0).trim()));
    } catch (IOException | NumberFormatException | SecurityException e) {
      return OptionalInt.empty();
    }
  }

  @Override
  public void beanAdded(Container parent, Object child) {
    if (child instanceof ServerConnector connector) {
      connector.setAcceptQueueSize(length);
      if (held) {
        // only acceptor threads wait for this; with none, the selector would accept at start
        if (connector.getAcceptors() < 1) {
          throw new IllegalStateException("the listener has no acceptor thread to hold");
        }
        connector.setAccepting(false);
      }
    }
  }

  @Override
  public void beanRemoved(Container parent, Object child) {
    // nothing was taken that needs giving back
  }
}
