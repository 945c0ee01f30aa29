package io.ocppbridge.ws;

import io.ocppbridge.config.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The HTTP basic authentication header of OCPP security profiles 1 and 2 (OCPP 1.6 Security
 * Whitepaper 2.3: the user name is the charge point's identity).
 */
final class BasicAuth {

  private BasicAuth() {}

  static String header(String identity, Secret password) {
    String pair = identity + ":" + password.reveal();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }
}
