package io.ocppbridge.config;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Duration;
import java.util.List;

/**
 * How the bridge reaches a charger's own SOAP server for central-system calls, and which
 * addresses it will call at all ({@code callbacks.*}). {@code wsa:From} is chosen by whoever
 * sends the request, so the bridge never posts blindly to any URL a request names.
 *
 * @param connectTimeout TCP connect limit toward chargers
 * @param policy which callback hosts are allowed
 * @param allowedNetworks networks whose hosts may always be called
 * @param defaultPort port used with the request's peer address when no usable address was
 *     named (null: that fallback is off)
 * @param defaultPath path used with that fallback
 * @param rewrites prefix rewrites for chargers behind a reverse proxy or NAT
 * @param trust certificates trusted besides the JDK's for {@code https://} callback addresses,
 *     or null
 * @param clientKey the certificate the bridge presents to chargers' HTTPS servers that ask for
 *     one, or null
 */
public record CallbackConfig(
    @Key(defaultValue = "10s", doc = "TCP connect limit toward chargers' SOAP servers.")
    Duration connectTimeout,
    @Key(defaultValue = "same-host",
        doc = "Which callback hosts the bridge calls: same-host (the address the request came"
            + " from, or allowedNetworks), allowed-networks, or any (closed test networks only).")
    Policy policy,
    @Key(defaultValue = "", doc = "Networks (CIDR) whose hosts may always be called.")
    List<IpNetwork> allowedNetworks,
    @Key(min = 1, max = 65535,
        doc = "Last fallback when a charger names no usable address: the request's peer address"
            + " with this port (unset: no such fallback).")
    Integer defaultPort,
    @Key(defaultValue = "/", doc = "Path used with defaultPort.")
    String defaultPath,
    @Key(defaultValue = "",
        doc = "Prefix rewrites 'PREFIX => REPLACEMENT' for chargers behind a reverse proxy or"
            + " NAT; the first match applies.")
    List<Rewrite> rewrites,
    @Key(doc = "For https:// callback addresses")
    @JsonUnwrapped
    TrustMaterial trust,
    @Key(doc = "Certificate presented to chargers' HTTPS servers that ask for one")
    @JsonUnwrapped
    KeyMaterial clientKey) {

  public CallbackConfig {
    if (!defaultPath.startsWith("/")) {
      throw new InvalidSetting("defaultPath", "'" + defaultPath + "' must start with '/'");
    }
    allowedNetworks = List.copyOf(allowedNetworks);
    rewrites = List.copyOf(rewrites);
    trust = TrustMaterial.orNull(trust);
    clientKey = KeyMaterial.orNull(clientKey);
  }

  /** Which callback hosts may be called. */
  public enum Policy {
    /** The host must be the address the charger's request came from, or in an allowed network. */
    SAME_HOST("same-host"),
    /** The host must be in an allowed network. */
    ALLOWED_NETWORKS("allowed-networks"),
    /** Any host (logged as insecure at start; for closed test networks only). */
    ANY("any");

    private final String configName;

    Policy(String configName) {
      this.configName = configName;
    }

    public String configName() {
      return configName;
    }
  }

  /**
   * Replaces {@code prefix} at the start of a callback address with {@code replacement}. The
   * prefix matches only up to a boundary of the URL (its end, or a '/', '?' or '#' after it):
   * {@code http://10.0.0.5:80} must not match {@code http://10.0.0.5:80@evil/} or
   * {@code http://10.0.0.5:8080/}.
   */
  public record Rewrite(String prefix, String replacement) {

    /** The rewritten address, or null when the prefix does not match. */
    public String apply(String address) {
      if (!address.startsWith(prefix)) {
        return null;
      }
      boolean boundary = prefix.endsWith("/") || address.length() == prefix.length()
          || "/?#".indexOf(address.charAt(prefix.length())) >= 0;
      return boundary ? replacement + address.substring(prefix.length()) : null;
    }
  }
}
