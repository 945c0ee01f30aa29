package io.ocppbridge.config;

import java.time.Duration;
import java.util.List;

/**
 * How the bridge reaches a charger's own SOAP server for central-system calls, and which
 * addresses it will call at all. {@code wsa:From} is chosen by whoever sends the request, so the
 * bridge never posts blindly to any URL a request names.
 *
 * @param connectTimeout TCP connect limit toward chargers ({@code callbacks.connectTimeout})
 * @param policy which callback hosts are allowed ({@code callbacks.policy})
 * @param allowedNetworks networks whose hosts may always be called
 *     ({@code callbacks.allowedNetworks}, CIDR list)
 * @param defaultPort port used with the request's peer address when no usable address was
 *     named ({@code callbacks.defaultPort}; unset = that fallback is off)
 * @param defaultPath path used with that fallback ({@code callbacks.defaultPath}, default /)
 * @param rewrites prefix rewrites for chargers behind a reverse proxy or NAT
 *     ({@code callbacks.rewrites}, {@code "PREFIX => REPLACEMENT"} entries)
 * @param trust certificates trusted besides the JDK's for {@code https://} callback addresses
 *     ({@code callbacks.truststore}), or null
 * @param clientKey the certificate the bridge presents to chargers' HTTPS servers that ask for
 *     one ({@code callbacks.keystore} or {@code callbacks.certificate} +
 *     {@code callbacks.privateKey}), or null
 */
public record CallbackConfig(Duration connectTimeout, Policy policy,
    List<IpNetwork> allowedNetworks, Integer defaultPort, String defaultPath,
    List<Rewrite> rewrites, TrustMaterial trust, KeyMaterial clientKey) {

  /** Without TLS settings: the JDK's trust store, no client certificate. */
  public CallbackConfig(Duration connectTimeout, Policy policy, List<IpNetwork> allowedNetworks,
      Integer defaultPort, String defaultPath, List<Rewrite> rewrites) {
    this(connectTimeout, policy, allowedNetworks, defaultPort, defaultPath, rewrites, null, null);
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
