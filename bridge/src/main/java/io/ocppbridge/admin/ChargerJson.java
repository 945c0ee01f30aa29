package io.ocppbridge.admin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbridge.session.CallbackDecision;
import io.ocppbridge.session.ChargerSession;

/** One charger as the admin API shows it; nothing secret is in a session. */
final class ChargerJson {

  private ChargerJson() {}

  static ObjectNode of(ChargerSession s, boolean connected) {
    ObjectNode node = JsonNodeFactory.instance.objectNode()
        .put("id", s.id().value())
        .put("state", connected ? "connected" : "disconnected")
        .put("ocppVersion", s.version().label())
        .put("backendProtocol", s.backendSubprotocol())
        .put("soapVersion", s.dialect().soapVersion())
        .put("addressing", s.dialect().addressingNamespace())
        .put("lastSeen", s.lastSeen().toString());
    if (s.heartbeatInterval() != null) {
      node.put("heartbeatInterval", s.heartbeatInterval());
    }
    if (s.callback() instanceof CallbackDecision.Allowed a) {
      node.put("callbackAddress", a.named()).put("callbackSource", a.source().toString())
          .put("callbackRewritten", a.rewritten());
    } else if (s.callback() instanceof CallbackDecision.Refused r) {
      node.putNull("callbackAddress").put("callbackRefused", r.reason());
    }
    return node;
  }
}
