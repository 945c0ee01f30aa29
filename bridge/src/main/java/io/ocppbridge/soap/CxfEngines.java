package io.ocppbridge.soap;

import org.apache.cxf.Bus;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;

/** Where CXF keeps the Jetty engines of a bus, by port. */
final class CxfEngines {

  private CxfEngines() {
  }

  /** The bus's engine factory: the one it has, or a new one, which registers itself on it. */
  static JettyHTTPServerEngineFactory of(Bus bus) {
    JettyHTTPServerEngineFactory engines = bus.getExtension(JettyHTTPServerEngineFactory.class);
    return engines != null ? engines : new JettyHTTPServerEngineFactory(bus);
  }
}
