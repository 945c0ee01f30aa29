package io.ocppbridge.soap;

import io.ocppbridge.core.MessageIds;
import io.ocppbridge.core.CallbackTarget;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.translate.SecureXml;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes the SOAP request of a central-system call, in the SOAP version and WS-Addressing
 * namespace the charger itself uses (2005/08 when it used none: OCPP's WSDLs require
 * addressing): {@code chargeBoxIdentity} in the ChargePointService namespace, {@code wsa:To} the
 * charger's address, {@code wsa:Action} {@code /<Action>}, a fresh {@code wsa:MessageID},
 * {@code wsa:From} the bridge's advertised URL and an anonymous {@code wsa:ReplyTo}.
 */
final class CallbackRequestWriter {

  /** Empty documents without a DocumentBuilder each (one cost more than the whole request). */
  private static final DOMImplementation DOCUMENTS = documents();

  private final Supplier<String> bridgeUrl;
  /** One serializer per calling thread, reset before each request. */
  private final ThreadLocal<Transformer> serializers = ThreadLocal.withInitial(this::newSerializer);
  private final TransformerFactory transformers = TransformerFactory.newInstance();

  CallbackRequestWriter(Supplier<String> bridgeUrl) {
    this.bridgeUrl = bridgeUrl;
  }

  /** The whole envelope as UTF-8 bytes, and the MessageID it carries. */
  Written write(CallbackTarget target, OcppAction action, Element payload) {
    String soap = SoapNamespaces.envelope(target.soapVersion());
    String wsa = target.addressingNamespace() == null
        ? SoapNamespaces.WSA_2005 : target.addressingNamespace();
    String messageId = "urn:uuid:" + MessageIds.next();
    Document doc = newDocument();
    Element envelope = doc.createElementNS(soap, "soap:Envelope");
    doc.appendChild(envelope);
    Element header = child(envelope, soap, "soap:Header");
    child(header, target.version().chargePointNamespace(), "cp:chargeBoxIdentity")
        .setTextContent(target.id().value());
    child(header, wsa, "wsa:To").setTextContent(target.advertised());
    child(header, wsa, "wsa:Action").setTextContent(action.soapAction());
    child(header, wsa, "wsa:MessageID").setTextContent(messageId);
    child(child(header, wsa, "wsa:From"), wsa, "wsa:Address").setTextContent(bridgeUrl.get());
    child(child(header, wsa, "wsa:ReplyTo"), wsa, "wsa:Address")
        .setTextContent(SoapNamespaces.anonymous(wsa));
    Element body = child(envelope, soap, "soap:Body");
    body.appendChild(doc.importNode(payload, true));
    return new Written(serialize(doc), messageId);
  }

  record Written(byte[] bytes, String messageId) {}

  private static Element child(Element parent, String ns, String qualifiedName) {
    Element e = parent.getOwnerDocument().createElementNS(ns, qualifiedName);
    parent.appendChild(e);
    return e;
  }

  private static Document newDocument() {
    return DOCUMENTS.createDocument(null, null, null);
  }

  private static DOMImplementation documents() {
    try {
      return SecureXml.documentBuilderFactory().newDocumentBuilder().getDOMImplementation();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  byte[] serialize(Document doc) {
    try {
      Transformer t = serializers.get();
      t.reset();
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      // to characters, encoded here: given a byte stream, the serializer makes itself a 16 KB
      // buffer for every request
      StringWriter out = new StringWriter(1024);
      t.transform(new DOMSource(doc), new StreamResult(out));
      return out.toString().getBytes(StandardCharsets.UTF_8);
    } catch (TransformerException e) {
      throw new IllegalStateException("cannot write a SOAP request", e);
    }
  }

  private Transformer newSerializer() {
    try {
      synchronized (transformers) {
        return transformers.newTransformer();
      }
    } catch (TransformerConfigurationException e) {
      throw new IllegalStateException("no XML serializer", e);
    }
  }
}
