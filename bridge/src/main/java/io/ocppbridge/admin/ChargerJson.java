package io.ocppbridge.admin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbridge.core.RefusalBook;
import io.ocppbridge.session.CallbackDecision;
import io.ocppbridge.session.ChargerSession;

/** One charger as the admin API shows it; nothing secret is in a session. */
final class ChargerJson {

  private ChargerJson() {}

  static ObjectNode of(ChargerSession s, boolean connected, AdminView view) {
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
    ObjectNode quirks = node.putObject("quirks");
    s.quirks().forEach(quirks::put);
    node.put("answerStyle", view.answerStyle().apply(s.id().value()));
    view.faults().last(s.id().value()).ifPresent(r -> refusal(node, r));
    return node;
  }

  /** A charger the bridge knows only from requests it refused (its identity could be read). */
  static ObjectNode refusedOnly(String identity, RefusalBook.Refusal last, AdminView view) {
    ObjectNode node = JsonNodeFactory.instance.objectNode()
        .put("id", identity)
        .put("state", "refused")
        .put("answerStyle", view.answerStyle().apply(identity));
    refusal(node, last);
    return node;
  }

  private static void refusal(ObjectNode node, RefusalBook.Refusal r) {
    node.putObject("lastRefusal")
        .put("time", r.time().toString())
        .put("code", r.code())
        .put("reason", r.reason())
        .put("origin", r.origin().label());
  }
}
