package io.ocppbridge.soap;

import io.ocppbridge.config.ConfigException;
import io.ocppbridge.config.KeyMaterial;
import io.ocppbridge.tls.TlsFiles;
import java.io.IOException;
import java.security.GeneralSecurityException;
import org.apache.cxf.Bus;
import org.apache.cxf.configuration.jsse.TLSServerParameters;

/**
 * Makes CXF's Jetty engine for the SOAP port speak HTTPS: the configured certificate, TLS 1.2
 * and 1.3 only. CXF keys TLS settings by port, and they must be set before the endpoint that
 * creates the engine is published.
 */
final class HttpsListener {

  private HttpsListener() {}

  static void configure(Bus bus, String host, int port, KeyMaterial certificate) {
    TLSServerParameters tls = new TLSServerParameters();
    tls.setKeyManagers(TlsFiles.keyManagers(certificate).getKeyManagers());
    tls.setSecureSocketProtocol("TLS");
    tls.setIncludeProtocols(TlsFiles.PROTOCOLS);
    try {
      CxfEngines.of(bus).setTLSServerParametersForPort(host, port, tls);
    } catch (GeneralSecurityException | IOException e) {
      throw new ConfigException("cannot set up HTTPS on soap.port " + port + ": "
          + e.getMessage());
    }
  }
}
