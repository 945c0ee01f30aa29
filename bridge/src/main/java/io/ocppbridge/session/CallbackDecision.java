package io.ocppbridge.session;

import java.net.URI;

/** Where central-system calls for a charger go, or why they go nowhere. */
public sealed interface CallbackDecision {

  /** The address as the charger (or configuration) named it, for logs. */
  String named();

  /** Where an address came from. */
  enum Source {
    /** the charger's {@code wsa:From} */
    FROM("wsa:From"),
    /** {@code chargers.<id>.callbackUrl} */
    CONFIGURED("configuration"),
    /** the charger's non-anonymous {@code wsa:ReplyTo} */
    REPLY_TO("wsa:ReplyTo"),
    /** the request's peer address with {@code callbacks.defaultPort}/{@code defaultPath} */
    PEER("peer address");

    private final String label;

    Source(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /**
   * Calls may go to {@code target}.
   *
   * @param target the URL to connect to (host pinned to the checked IP address for http)
   * @param named the URL as named, after rewrites, used as {@code wsa:To}
   * @param rewritten whether an operator's rewrite rule produced it
   */
  record Allowed(URI target, String named, Source source, boolean rewritten)
      implements CallbackDecision {}

  /**
   * No call may be made; {@code reason} says why, for the central system and the log.
   *
   * @param byPolicy true when an address was named but the callback policy forbids it
   */
  record Refused(String named, String reason, boolean byPolicy) implements CallbackDecision {}
}
