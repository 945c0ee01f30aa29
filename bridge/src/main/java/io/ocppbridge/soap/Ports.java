package io.ocppbridge.soap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Port choice for CXF's Jetty listeners. CXF keeps one Jetty engine per port number in a static
 * map, so two listeners both asking for port 0 would share one engine (and one port); asking the
 * operating system for a free port first gives each its own.
 */
public final class Ports {

  private Ports() {}

  /** The port a CXF Jetty destination really listens on ({@code configured} when unknown). */
  public static int bound(org.apache.cxf.transport.http_jetty.JettyHTTPDestination destination,
      int configured) {
    if (destination.getEngine()
        instanceof org.apache.cxf.transport.http_jetty.JettyHTTPServerEngine engine
        && engine.getServer() != null) {
      for (org.eclipse.jetty.server.Connector c : engine.getServer().getConnectors()) {
        if (c instanceof org.eclipse.jetty.server.ServerConnector sc && sc.getLocalPort() > 0) {
          return sc.getLocalPort();
        }
      }
    }
    return configured;
  }

  /** {@code port}, or a port free right now on {@code host} when {@code port} is 0. */
  public static int concrete(String host, int port) {
    if (port != 0) {
      return port;
    }
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + host, e);
    }
  }
}
