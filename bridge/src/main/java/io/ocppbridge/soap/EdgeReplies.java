package io.ocppbridge.soap;

import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppVersion;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The answers the SOAP listener's edge gives before CXF sees a request: a SOAP fault in the SOAP
 * version the request's {@code Content-Type} names (SOAP 1.1 for {@code text/xml}, else 1.2),
 * UTF-8, with the OCPP code in the bridge's usual place, under an HTTP status that says what went
 * wrong; or a minimal plain-text answer where no SOAP version can be known (a GET). The
 * connection is closed after every such answer: the rest of a refused body is never read.
 */
final class EdgeReplies {

  private static final String SOAP11_NS = "http://schemas.xmlsoap.org/soap/envelope/";
  private static final String SOAP12_NS = "http://www.w3.org/2003/05/soap-envelope";
  private static final String OCPP_NS = OcppVersion.V1_5.centralSystemNamespace();

  private EdgeReplies() {}

  /** Whether the request's {@code Content-Type} makes it SOAP 1.1. */
  static boolean soap11(Request request) {
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    return type != null && type.trim().toLowerCase(Locale.ROOT).startsWith("text/xml");
  }

  /**
   * Answers {@code status} with a fault blaming the charger ({@code sender}) or the bridge, and
   * closes the connection.
   */
  static void fault(Request request, Response response, Callback callback, int status,
      boolean sender, String reason) {
    boolean soap11 = soap11(request);
    String code = (sender ? OcppErrorCode.FORMATION_VIOLATION : OcppErrorCode.INTERNAL_ERROR)
        .wireName();
    String text = escape(reason);
    String body;
    if (soap11) {
      body = "<?xml version='1.0' encoding='UTF-8'?><soap:Envelope xmlns:soap='" + SOAP11_NS
          + "'><soap:Body><soap:Fault><faultcode>soap:" + (sender ? "Client" : "Server")
          + "</faultcode><faultstring>" + text + "</faultstring><detail><tns:errorCode"
          + " xmlns:tns='" + OCPP_NS + "'>" + code + "</tns:errorCode></detail></soap:Fault>"
          + "</soap:Body></soap:Envelope>";
    } else {
      body = "<?xml version='1.0' encoding='UTF-8'?><soap:Envelope xmlns:soap='" + SOAP12_NS
          + "'><soap:Body><soap:Fault><soap:Code><soap:Value>soap:"
          + (sender ? "Sender" : "Receiver") + "</soap:Value><soap:Subcode><soap:Value"
          + " xmlns:tns='" + OCPP_NS + "'>tns:" + code + "</soap:Value></soap:Subcode>"
          + "</soap:Code><soap:Reason><soap:Text xml:lang='en'>" + text + "</soap:Text>"
          + "</soap:Reason></soap:Fault></soap:Body></soap:Envelope>";
    }
    send(response, callback, status, soap11 ? "text/xml; charset=UTF-8"
        : "application/soap+xml; charset=UTF-8", body);
  }

  /** Answers {@code status} with one line of plain text, and closes the connection. */
  static void plain(Response response, Callback callback, int status, String text) {
    send(response, callback, status, "text/plain; charset=UTF-8", text + "\n");
  }

  private static void send(Response response, Callback callback, int status, String type,
      String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    response.write(true, java.nio.ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)),
        callback);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
