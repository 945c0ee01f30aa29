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
