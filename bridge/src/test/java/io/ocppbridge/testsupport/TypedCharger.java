package io.ocppbridge.testsupport;

import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.sim.SoapChargerSimulator;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.ws.soap.SOAPBinding;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import javax.xml.transform.stream.StreamSource;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.ws.addressing.WSAddressingFeature;

/**
 * A charger played by a typed CXF client generated from the project's own WSDLs (the
 * {@code CentralSystemService} interface of a version), in SOAP 1.1 or 1.2, with or without
 * WS-Addressing. Requests are the built-in samples, read into the generated JAXB classes.
 */
public final class TypedCharger implements AutoCloseable {

  private final OcppVersion version;
  private final Class<?> serviceInterface;
  private final Object port;

  public TypedCharger(URI endpoint, OcppVersion version, boolean soap12, boolean addressing) {
    this.version = version;
    this.serviceInterface = load(packageOf(version) + ".CentralSystemService");
    JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
    factory.setServiceClass(serviceInterface);
    factory.setAddress(endpoint.toString());
    factory.setBindingId(soap12 ? SOAPBinding.SOAP12HTTP_BINDING : SOAPBinding.SOAP11HTTP_BINDING);
    if (addressing) {
      factory.getFeatures().add(new WSAddressingFeature());
    }
    this.port = factory.create();
    // the bridge answers a SOAP 1.2 Sender fault with HTTP 400 (the SOAP 1.2 HTTP binding); a
    // CXF client reads a fault under 400 only when told to
    ClientProxy.getClient(port).getRequestContext()
        .put("org.apache.cxf.transport.process_fault_on_http_400", Boolean.TRUE);
  }

  /** The sample request of an operation as the generated JAXB object. */
  public Object sampleRequest(OcppAction action) {
    try {
      Class<?> type = load(packageOf(version) + "." + action.wireName() + "Request");
      JAXBContext ctx = JAXBContext.newInstance(packageOf(version));
      return ctx.createUnmarshaller().unmarshal(new StreamSource(new StringReader(
          SoapChargerSimulator.sample(version, action))), type).getValue();
    } catch (jakarta.xml.bind.JAXBException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Calls the operation whose request type is {@code request}'s class, with the
   * {@code chargeBoxIdentity} header (null leaves the header out).
   *
   * @throws Exception what the client throws, e.g. a {@code SOAPFaultException}
   */
  public Object call(Object request, String identity) throws Exception {
    for (Method m : serviceInterface.getMethods()) {
      Class<?>[] params = m.getParameterTypes();
      if (params.length == 2 && params[0] == request.getClass()) {
        try {
          return m.invoke(port, request, identity);
        } catch (InvocationTargetException e) {
          if (e.getCause() instanceof Exception cause) {
            throw cause;
          }
          throw e;
        }
      }
    }
    throw new IllegalArgumentException("no operation takes " + request.getClass());
  }

  @Override
  public void close() {
    ClientProxy.getClient(port).destroy();
  }

  private static String packageOf(OcppVersion version) {
    return "io.ocppbridge.generated." + version.subprotocol().replace(".", "")
        + ".cs";
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
