package io.ocppbridge.soap;

/**
 * Follows a SOAP envelope's parts as its elements go by, and names what is wrong with its shape:
 * a SOAP envelope has exactly one Body, at most one Header, and its Body at most one element.
 * A document that is no SOAP envelope has no shape to judge (CXF answers VersionMismatch), and
 * one without a Body is left to CXF's own refusal.
 */
final class EnvelopeShape {

  private static final String SOAP11_NS = "http://schemas.xmlsoap.org/soap/envelope/";
  private static final String SOAP12_NS = "http://www.w3.org/2003/05/soap-envelope";

  private int depth;
  private boolean envelope;
  private boolean inBody;
  private int bodies;
  private int headers;
  private int payloads;

  /** An element starts. */
  void start(String namespace, String localName) {
    depth++;
    boolean soap = SOAP11_NS.equals(namespace) || SOAP12_NS.equals(namespace);
    if (depth == 1) {
      envelope = soap && "Envelope".equals(localName);
    } else if (envelope && depth == 2 && soap && "Body".equals(localName)) {
      bodies++;
      inBody = true;
    } else if (envelope && depth == 2 && soap && "Header".equals(localName)) {
      headers++;
    } else if (envelope && depth == 3 && inBody) {
      payloads++;
    }
  }

  /** An element ends. */
  void end() {
    if (depth == 2) {
      inBody = false;
    }
    depth--;
  }

  /** What is wrong with the envelope's shape so far, or null. */
  String problem() {
    if (!envelope) {
      return null; // not a SOAP envelope: CXF answers VersionMismatch
    }
    if (bodies > 1) {
      return "the SOAP envelope holds " + bodies + " Body elements; exactly one is allowed";
    }
    if (headers > 1) {
      return "the SOAP envelope holds " + headers + " Header elements; at most one is allowed";
    }
    if (payloads > 1) {
      return "the SOAP Body holds " + payloads + " elements; one request per message is"
          + " allowed";
    }
    return null; // no Body at all: CXF's EmptyBody refusal says it
  }
}
