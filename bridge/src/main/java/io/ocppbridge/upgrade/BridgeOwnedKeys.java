package io.ocppbridge.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbridge.core.ChargerId;
import java.util.Set;

/**
 * The configuration keys of the OCPP-J link, which the bridge owns rather than the SOAP charger
 * (mapping document section 6): {@code WebSocketPingInterval} (OCPP-J 1.6 section 7) is read and
 * set through {@link PingIntervalSetting}; {@code AuthorizationKey} (OCPP-J 1.6 section 6.2.2) is
 * never passed to a charger over SOAP, and answered NotSupported while the bridge has no basic
 * authentication toward the central system.
 */
public final class BridgeOwnedKeys {

  public static final String PING_INTERVAL = "WebSocketPingInterval";
  public static final String AUTHORIZATION_KEY = "AuthorizationKey";
  /** Keys answered by the bridge in GetConfiguration. */
  public static final Set<String> READABLE = Set.of(PING_INTERVAL);
  /** Keys answered by the bridge in ChangeConfiguration. */
  public static final Set<String> WRITABLE = Set.of(PING_INTERVAL, AUTHORIZATION_KEY);

  private final PingIntervalSetting ping;

  public BridgeOwnedKeys(PingIntervalSetting ping) {
    this.ping = ping;
  }

  /** The current value of a key in {@link #READABLE}, as configuration values are written. */
  public String value(ChargerId charger, String key) {
    if (!key.equals(PING_INTERVAL)) {
      throw new IllegalArgumentException(key + " is not a key the bridge reads");
    }
    return Integer.toString(ping.pingIntervalSeconds(charger));
  }

  /** The 1.6 ChangeConfiguration answer for a key in {@link #WRITABLE}. */
  public ObjectNode change(ChargerId charger, String key, String value) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    if (key.equals(AUTHORIZATION_KEY)) {
      return out.put("status", "NotSupported");
    }
    // OCPP-J 1.6 section 7: 0 disables the client's pings; a negative value is Rejected.
    int seconds;
    try {
      seconds = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return out.put("status", "Rejected");
    }
    if (seconds < 0) {
      return out.put("status", "Rejected");
    }
    ping.changePingInterval(charger, seconds);
    return out.put("status", "Accepted");
  }

  /** Adds the bridge's entry for each readable key to a GetConfiguration answer's list. */
  void addTo(ChargerId charger, ArrayNode configurationKey, Iterable<String> keys) {
    for (String key : keys) {
      if (key.equals(PING_INTERVAL)) {
        configurationKey.addObject().put("key", PING_INTERVAL).put("readonly", false)
            .put("value", value(charger, PING_INTERVAL));
      }
    }
  }

  /** True when a GetConfiguration without keys ("all keys") or with this key list names one. */
  static boolean isReadable(JsonNode key) {
    return READABLE.contains(key.asText());
  }
}
