package io.ocppbridge.soap;

import java.util.Set;
import javax.xml.namespace.QName;

/**
 * What a request's raw headers said about the charger, read before CXF judges the request, so
 * that even a fault CXF raises early can be answered in the charger's style and recorded
 * against it.
 *
 * @param identity the {@code chargeBoxIdentity} header's text (trimmed), or null
 * @param identityHeader the header's name as the charger sent it (its namespace may be a
 *     charge-point one), or null
 * @param from the {@code wsa:From} URL, as an {@code Address} child or as text, or null
 * @param quirks the named quirks repaired in flight
 */
record EarlyRequestFacts(String identity, QName identityHeader, String from,
    Set<String> quirks) {

  EarlyRequestFacts {
    quirks = Set.copyOf(quirks);
  }
}
