package io.ocppbridge.bench.jmh;

import io.ocppbridge.bench.SoapEnvelopes;
import io.ocppbridge.bench.SoapEnvelopes.Operation;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A charger's SOAP 1.2 request as the bytes of one HTTP/1.1 POST, built once from
 * {@link SoapEnvelopes}; each {@link #next()} writes a new {@code wsa:MessageID} over fixed-width
 * digits in place, so sending the request allocates nothing.
 */
final class PrebuiltSoapRequest {

  private static final int ID_WIDTH = 12;

  private final byte[] bytes;
  private final int idAt;
  private final byte[] answerElement;
  private long sent;

  /**
   * @param url where the request is posted (also its {@code wsa:To})
   * @param from the charger's own SOAP server, named in {@code wsa:From}
   */
  PrebuiltSoapRequest(URI url, Operation op, String identity, String from) {
    String xml = new SoapEnvelopes(url.toString()).request(identity, op, from);
    String idPrefix = "urn:uuid:bench-" + identity + "-";
    xml = xml.replaceFirst("<wsa:MessageID>[^<]*</wsa:MessageID>",
        "<wsa:MessageID>" + idPrefix + "0".repeat(ID_WIDTH) + "</wsa:MessageID>");
    byte[] body = xml.getBytes(StandardCharsets.UTF_8);
    String head = "POST " + url.getRawPath() + " HTTP/1.1\r\n"
        + "Host: " + url.getHost() + ":" + url.getPort() + "\r\n"
        + "Content-Type: " + SoapEnvelopes.contentType(op) + "\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n";
    byte[] headBytes = HttpWire.ascii(head);
    this.bytes = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, bytes, 0, headBytes.length);
    System.arraycopy(body, 0, bytes, headBytes.length, body.length);
    this.idAt = HttpWire.indexOf(bytes, bytes.length, HttpWire.ascii(idPrefix), 0)
        + idPrefix.length();
    String wire = op.wireName();
    this.answerElement = HttpWire.ascii(
        Character.toLowerCase(wire.charAt(0)) + wire.substring(1) + "Response");
  }

  /** The request with the next message id written in. */
  byte[] next() {
    HttpWire.patchDigits(bytes, idAt, ID_WIDTH, ++sent);
    return bytes;
  }

  /** The local name of the response element that a successful answer carries. */
  byte[] answerElement() {
    return answerElement;
  }
}
