package io.ocppbridge.ws;

import io.ocppbridge.core.ChargerId;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Builds a charger's WebSocket URL: the central system's base URL plus the identity. */
final class CsmsUrls {

  private CsmsUrls() {}

  /** {@code <base>/<identity>}, the identity percent-encoded as one path segment (RFC 3986). */
  static URI forCharger(URI base, ChargerId id) {
    String s = base.toString();
    String sep = s.endsWith("/") ? "" : "/";
    return URI.create(s + sep + encodeSegment(id.value()));
  }

  static String encodeSegment(String value) {
    StringBuilder sb = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }
}
