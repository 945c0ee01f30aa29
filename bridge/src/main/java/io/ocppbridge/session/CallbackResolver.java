package io.ocppbridge.session;

import io.ocppbridge.config.CallbackConfig;
import io.ocppbridge.config.ChargersConfig;
import io.ocppbridge.config.IpNetwork;
import io.ocppbridge.core.ChargerId;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Decides a charger's callback address from what its request said and what the operator
 * configured, and checks it against the callback policy.
 *
 * <p>Order (DESIGN "Callback address"): a usable {@code wsa:From}; else the configured
 * {@code chargers.<id>.callbackUrl}; else a non-anonymous {@code wsa:ReplyTo}; else the request's
 * peer address with {@code callbacks.defaultPort} and {@code defaultPath}. The first matching
 * {@code callbacks.rewrites} rule then applies. Addresses the operator wrote (configured or
 * rewritten) and the peer fallback are trusted; an address a request named must pass the policy.
 * For http the host is pinned to the IP address that was checked, so a DNS answer that changes
 * later cannot redirect the call.
 */
public final class CallbackResolver {

  private final CallbackConfig config;
  private final ChargersConfig chargers;

  public CallbackResolver(CallbackConfig config, ChargersConfig chargers) {
    this.config = config;
    this.chargers = chargers;
  }

  /**
   * @param from the request's {@code wsa:From} address (null when absent or anonymous)
   * @param replyTo the request's {@code wsa:ReplyTo} address (null when absent or anonymous)
   * @param peerAddress the IP address the request came from
   */
  public CallbackDecision resolve(ChargerId id, String from, String replyTo, String peerAddress) {
    for (String named : new String[] {from, replyTo}) {
      if (carriesUserInfo(named)) {
        // "http://trusted@other/" names "other"; no charger needs it, so it is taken as an attempt
        // to mislead a rewrite rule or a reader of the logs, and nothing falls back from it.
        return new CallbackDecision.Refused(named, "callback address '" + named
            + "' is outside the callback policy: it carries user information before '@',"
            + " which the bridge never calls", true);
      }
    }
    Candidate candidate = usable(from, CallbackDecision.Source.FROM)
        .or(() -> chargers.of(id.value())
            .filter(s -> s.callbackUrl() != null)
            .map(s -> new Candidate(s.callbackUrl(), CallbackDecision.Source.CONFIGURED)))
        .or(() -> usable(replyTo, CallbackDecision.Source.REPLY_TO))
        .or(() -> peerFallback(peerAddress))
        .orElse(null);
    if (candidate == null) {
      String why = from == null
          ? "the charger sent no usable wsa:From" : "wsa:From '" + from + "' is not usable";
      return new CallbackDecision.Refused(from,
          why + " and no fallback (chargers." + id + ".callbackUrl, wsa:ReplyTo,"
              + " callbacks.defaultPort) applies", false);
    }
    String named = candidate.uri.toString();
    for (CallbackConfig.Rewrite rule : config.rewrites()) {
      String rewritten = rule.apply(named);
      if (rewritten != null) {
        URI uri = URI.create(rewritten);
        return new CallbackDecision.Allowed(uri, rewritten, candidate.source, true);
      }
    }
    if (candidate.source != CallbackDecision.Source.FROM
        && candidate.source != CallbackDecision.Source.REPLY_TO) {
      return new CallbackDecision.Allowed(candidate.uri, named, candidate.source, false);
    }
    return checkPolicy(candidate, named, peerAddress);
  }

  private CallbackDecision checkPolicy(Candidate candidate, String named, String peerAddress) {
    InetAddress peer = literal(peerAddress);
    InetAddress[] resolved;
    try {
      resolved = InetAddress.getAllByName(candidate.uri.getHost());
    } catch (UnknownHostException e) {
      return new CallbackDecision.Refused(named,
          "callback host '" + candidate.uri.getHost() + "' does not resolve", false);
    }
    for (InetAddress address : resolved) {
      if (allowed(address, peer)) {
        return new CallbackDecision.Allowed(pin(candidate.uri, address), named,
            candidate.source, false);
      }
    }
    return new CallbackDecision.Refused(named, "callback address '" + named
        + "' is outside the callback policy (" + policyText(peerAddress) + ")", true);
  }

  private boolean allowed(InetAddress address, InetAddress peer) {
    for (IpNetwork network : config.allowedNetworks()) {
      if (network.contains(address)) {
        return true;
      }
    }
    return switch (config.policy()) {
      case ANY -> true;
      case SAME_HOST -> peer != null && peer.equals(address);
      case ALLOWED_NETWORKS -> false;
    };
  }

  private String policyText(String peerAddress) {
    String networks = config.allowedNetworks().isEmpty()
        ? "none" : config.allowedNetworks().toString();
    return config.policy() == CallbackConfig.Policy.SAME_HOST
        ? "its host must be the request's address " + peerAddress
            + " or in callbacks.allowedNetworks: " + networks
        : "its host must be in callbacks.allowedNetworks: " + networks;
  }

  private Optional<Candidate> peerFallback(String peerAddress) {
    if (config.defaultPort() == null || peerAddress == null) {
      return Optional.empty();
    }
    String bare = unbracketed(peerAddress);
    String host = bare.contains(":") ? "[" + bare + "]" : bare;
    return Optional.of(new Candidate(URI.create("http://" + host + ":" + config.defaultPort()
        + config.defaultPath()), CallbackDecision.Source.PEER));
  }

  private static Optional<Candidate> usable(String address, CallbackDecision.Source source) {
    if (address == null) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(address.trim());
      boolean http = "http".equalsIgnoreCase(uri.getScheme())
          || "https".equalsIgnoreCase(uri.getScheme());
      if (!http || uri.getHost() == null || uri.getHost().isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Candidate(uri, source));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** For http, the same URL with the host replaced by the checked IP address. */
  private static URI pin(URI uri, InetAddress address) {
    if (!"http".equalsIgnoreCase(uri.getScheme())) {
      return uri;
    }
    try {
      return new URI(uri.getScheme(), uri.getUserInfo(), address.getHostAddress(),
          uri.getPort(), uri.getPath(), uri.getQuery(), null);
    } catch (URISyntaxException e) {
      return uri;
    }
  }

  private static boolean carriesUserInfo(String address) {
    if (address == null) {
      return false;
    }
    try {
      return new URI(address.trim()).getRawUserInfo() != null;
    } catch (URISyntaxException e) {
      return address.contains("@");
    }
  }

  private static String unbracketed(String ip) {
    return ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
  }

  private static InetAddress literal(String ip) {
    if (ip == null) {
      return null;
    }
    try {
      return InetAddress.getByName(unbracketed(ip));
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private record Candidate(URI uri, CallbackDecision.Source source) {}
}
