package io.ocppbridge.admin;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which {@code Host} headers the admin listener answers (against DNS rebinding: a web page whose
 * name is made to resolve to the bridge's host must not read charger data or switch traces from
 * a browser on that host). The port is ignored, names compare case-insensitively, and a request
 * without a {@code Host} header (HTTP/1.0 tools) is let through: a browser always sends one.
 */
public final class HostCheck {

  private final Set<String> allowed = new TreeSet<>();

  private HostCheck(Collection<String> hosts) {
    hosts.forEach(h -> allowed.add(normalise(h)));
  }

  /**
   * The configured names, or when there are none the loopback names and the address the
   * listener binds to (unless that is a wildcard).
   */
  public static HostCheck of(Collection<String> configured, String bindHost) {
    if (!configured.isEmpty()) {
      return new HostCheck(configured);
    }
    Set<String> hosts = new TreeSet<>(Set.of("localhost", "127.0.0.1", "::1"));
    if (bindHost != null && !bindHost.isBlank() && !"0.0.0.0".equals(bindHost)
        && !"::".equals(bindHost)) {
      hosts.add(bindHost);
    }
    return new HostCheck(hosts);
  }

  /** Whether a request with this {@code Host} header value is answered. */
  public boolean accepts(String hostHeader) {
    if (hostHeader == null) {
      return true;
    }
    return allowed.contains(normalise(withoutPort(hostHeader.trim())));
  }

  /** The accepted names, for the start-up log. */
  public Set<String> names() {
    return Set.copyOf(allowed);
  }

  private static String withoutPort(String host) {
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end < 0 ? host : host.substring(1, end);
    }
    int colon = host.indexOf(':');
    return colon >= 0 && host.indexOf(':', colon + 1) < 0 ? host.substring(0, colon) : host;
  }

  private static String normalise(String host) {
    String h = host.trim().toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }
}
