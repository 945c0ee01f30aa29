package io.ocppbridge.sim;

import io.ocppbridge.core.Initiator;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppVersion;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.soap.AddressingFeature;
import jakarta.xml.ws.soap.SOAPBinding;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Source;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.apache.cxf.headers.Header;
import org.apache.cxf.jaxb.JAXBDataBinding;
import org.apache.cxf.ws.addressing.AddressingProperties;
import org.apache.cxf.ws.addressing.AttributedURIType;
import org.apache.cxf.ws.addressing.EndpointReferenceType;
import org.apache.cxf.ws.addressing.JAXWSAConstants;

/**
 * A SOAP charger that sends OCPP operations to a bridge (or any OCPP SOAP central system), with
 * its {@code chargeBoxIdentity} header, WS-Addressing (Action, MessageID, From) and the SOAP
 * version chosen. Payloads come from the built-in samples under {@code samples/<version>/}.
 */
public final class SoapChargerSimulator implements AutoCloseable {

  /** The outcome of one operation: the answer's XML, or the fault's code and reason. */
  public record Exchange(OcppAction action, boolean ok, String text) {}

  private final String identity;
  private final OcppVersion version;
  private final String callbackUrl;
  private final Dispatch<Source> dispatch;

  /**
   * @param endpoint the bridge's SOAP URL
   * @param soap12 SOAP 1.2 when true, else SOAP 1.1
   * @param callbackUrl advertised in {@code wsa:From}; null sends no From
   */
  public SoapChargerSimulator(URI endpoint, String identity, OcppVersion version, boolean soap12,
      String callbackUrl) {
    this.identity = identity;
    this.version = version;
    this.callbackUrl = callbackUrl;
    QName serviceName = new QName("urn://ocppbridge.io/sim", "SimulatedCharger");
    QName portName = new QName("urn://ocppbridge.io/sim", "SimulatedChargerPort");
    Service service = Service.create(serviceName);
    service.addPort(portName,
        soap12 ? SOAPBinding.SOAP12HTTP_BINDING : SOAPBinding.SOAP11HTTP_BINDING,
        endpoint.toString());
    this.dispatch = service.createDispatch(portName, Source.class, Service.Mode.PAYLOAD,
        new AddressingFeature(true, false));
  }

  /** The built-in sample request of an operation in a version, as XML text. */
  public static String sample(OcppVersion version, OcppAction action) {
    String resource = "samples/" + version.subprotocol() + "/" + action.wireName() + ".xml";
    try (InputStream in = SoapChargerSimulator.class.getClassLoader()
        .getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends every charger-initiated operation of the version once, in catalogue order. */
  public List<Exchange> sendAll() {
    List<Exchange> results = new ArrayList<>();
    for (OcppAction action : OcppAction.all(version, Initiator.CHARGE_POINT)) {
      results.add(send(action, sample(version, action)));
    }
    return results;
  }

  /** Sends one operation with the given body payload. */
  public Exchange send(OcppAction action, String payloadXml) {
    Map<String, Object> ctx = dispatch.getRequestContext();
    List<Header> headers = new ArrayList<>();
    try {
      headers.add(new Header(new QName(version.centralSystemNamespace(), "chargeBoxIdentity"),
          identity, new JAXBDataBinding(String.class)));
    } catch (jakarta.xml.bind.JAXBException e) {
      throw new IllegalStateException(e);
    }
    ctx.put(Header.HEADER_LIST, headers);
    ctx.put(BindingProvider.SOAPACTION_USE_PROPERTY, Boolean.TRUE);
    ctx.put(BindingProvider.SOAPACTION_URI_PROPERTY, action.soapAction());
    AddressingProperties maps = new AddressingProperties();
    AttributedURIType actionUri = new AttributedURIType();
    actionUri.setValue(action.soapAction());
    maps.setAction(actionUri);
    if (callbackUrl != null) {
      EndpointReferenceType from = new EndpointReferenceType();
      AttributedURIType address = new AttributedURIType();
      address.setValue(callbackUrl);
      from.setAddress(address);
      maps.setFrom(from);
    }
    ctx.put(JAXWSAConstants.CLIENT_ADDRESSING_PROPERTIES, maps);
    try {
      Source answer = dispatch.invoke(new StreamSource(new java.io.StringReader(payloadXml)));
      return new Exchange(action, true, toText(answer));
    } catch (SOAPFaultException e) {
      String code = e.getFault().getFaultSubcodes() != null
          && e.getFault().getFaultSubcodes().hasNext()
          ? e.getFault().getFaultSubcodes().next().getLocalPart()
          : e.getFault().getFaultCodeAsQName().getLocalPart();
      return new Exchange(action, false, code + ": " + e.getFault().getFaultString());
    } catch (jakarta.xml.ws.WebServiceException e) {
      return new Exchange(action, false, "no answer: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    if (dispatch instanceof java.io.Closeable c) {
      try {
        c.close();
      } catch (IOException e) {
        // the client's resources are released either way
      }
    }
  }

  static String toText(Source source) {
    try {
      Transformer t = TransformerFactory.newInstance().newTransformer();
      t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      StringWriter out = new StringWriter();
      t.transform(source, new StreamResult(out));
      return out.toString();
    } catch (TransformerException e) {
      throw new IllegalStateException(e);
    }
  }
}
