package io.ocppbridge.soap;

import java.util.Map;

/**
 * Bounds on the XML a charger may send, enforced by CXF's StAX reader before anything is built
 * from it. OCPP messages are shallow and small: the deepest (1.5 StopTransaction transaction data)
 * is 7 levels inside the envelope. DTDs, and with them entity expansion, are refused by CXF's
 * reader outright. (The number of attributes per element is not bounded here: CXF applies that
 * setting too late for Woodstox to honour it; the XSD refuses unknown attributes in the OCPP
 * payload, and the message size bounds the envelope.)
 */
final class XmlLimits {

  private XmlLimits() {}

  static Map<String, Object> forRequests() {
    return Map.of(
        "org.apache.cxf.stax.maxElementDepth", 32,
        "org.apache.cxf.stax.maxAttributeSize", 8 * 1024,
        "org.apache.cxf.stax.maxTextLength", 256 * 1024,
        "org.apache.cxf.stax.maxChildElements", 10_000,
        "org.apache.cxf.stax.maxElementCount", 100_000L);
  }
}
