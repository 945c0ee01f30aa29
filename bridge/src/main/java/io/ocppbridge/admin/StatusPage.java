package io.ocppbridge.admin;

import io.ocppbridge.logging.MessageTrace;
import io.ocppbridge.session.CallbackDecision;
import io.ocppbridge.session.ChargerSession;
import java.util.Comparator;

/** The status page: the chargers and their state, plain server-rendered HTML. */
final class StatusPage {

  private StatusPage() {}

  static String render(AdminView view) {
    StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\">"
        + "<title>OCPP SOAP bridge</title><style>body{font-family:sans-serif}"
        + "td,th{padding:2px 10px;text-align:left}</style></head><body>"
        + "<h1>OCPP SOAP bridge</h1><table><tr><th>charger</th><th>state</th><th>OCPP</th>"
        + "<th>SOAP</th><th>backend</th><th>callback</th><th>last seen</th><th>trace</th></tr>");
    view.sessions().all().stream().sorted(Comparator.comparing(s -> s.id().value()))
        .forEach(s -> html.append(row(s, view.connected().test(s.id()))));
    return html.append("</table></body></html>\n").toString();
  }

  private static String row(ChargerSession s, boolean connected) {
    String callback = s.callback() instanceof CallbackDecision.Allowed a
        ? a.named() + " (" + a.source() + ")"
        : s.callback() instanceof CallbackDecision.Refused r ? "refused: " + r.reason() : "-";
    return "<tr><td>" + escape(s.id().value()) + "</td><td>"
        + (connected ? "connected" : "disconnected") + "</td><td>" + s.version().label()
        + "</td><td>" + s.dialect().soapVersion() + "</td><td>" + s.backendSubprotocol()
        + "</td><td>" + escape(callback) + "</td><td>" + s.lastSeen() + "</td><td>"
        + (MessageTrace.isSelected(s.id()) ? "on" : "") + "</td></tr>";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
