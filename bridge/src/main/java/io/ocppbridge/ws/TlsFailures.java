package io.ocppbridge.ws;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Says in one sentence, for the charger's fault and the operator's log, why TLS with the central
 * system failed. The sentence names the cause (expired or untrusted certificate, host name
 * mismatch, no common protocol version, client certificate refused) but no host or file name.
 */
final class TlsFailures {

  private TlsFailures() {}

  /** True when {@code failure} or one of its causes is a TLS failure. */
  static boolean isTls(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SSLException) {
        return true;
      }
    }
    return false;
  }

  static String describe(Throwable failure) {
    return "TLS with the central system failed: " + cause(failure);
  }

  private static String cause(Throwable failure) {
    StringBuilder messages = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof CertificateExpiredException) {
        return "its certificate has expired";
      }
      if (t instanceof CertificateNotYetValidException) {
        return "its certificate is not valid yet";
      }
      if (t instanceof CertPathValidatorException v
          && v.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
        return "its certificate has expired";
      }
      if (t.getMessage() != null) {
        messages.append(' ').append(t.getMessage().toLowerCase(Locale.ROOT));
      }
    }
    String text = messages.toString();
    if (text.contains("no subject alternative") || text.contains("no name matching")) {
      return "its certificate does not match the central system's host name";
    }
    if (text.contains("unable to find valid certification path")
        || text.contains("path does not chain") || text.contains("certification path")
        || text.contains("pkix path")) {
      return "its certificate is not trusted (not signed by a trusted authority)";
    }
    if (text.contains("no appropriate protocol") || text.contains("protocol_version")
        || text.contains("unsupported protocol") || text.contains("not accepted by client")) {
      return "no TLS version in common (the bridge speaks TLS 1.2 and 1.3 only)";
    }
    if (text.contains("bad_certificate") || text.contains("certificate_required")
        || text.contains("unknown_ca") || text.contains("certificate_unknown")
        || text.contains("access_denied") || text.contains("certificate_revoked")
        || text.contains("certificate_expired")) {
      return "the central system refused the bridge's client certificate";
    }
    if (text.contains("handshake_failure")) {
      return "the central system ended the handshake (no common cipher or it wants a client"
          + " certificate)";
    }
    return "the handshake did not complete (the central system closed the connection)";
  }
}
