package io.ocppbridge.soap;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.core.CallbackTarget;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.translate.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The request the charger gets: the per-thread serializer writes exactly the bytes a fresh JDK
 * serializer writes (declaration, UTF-8, namespaces, escaping), request after request.
 */
class CallbackRequestWriterTest {

  private static final String ENVELOPE = "<soap:Envelope"
      + " xmlns:soap='http://www.w3.org/2003/05/soap-envelope'><soap:Header/><soap:Body>"
      + "<ns2:changeAvailabilityRequest xmlns:ns2='urn://Ocpp/Cp/2012/06/'>"
      + "<ns2:connectorId>1</ns2:connectorId><ns2:type a='x&quot;&lt;&#10;'>Ä ü € 𝄞 &amp; &lt; >"
      + " &#13; \"</ns2:type><plain xmlns=''>?</plain></ns2:changeAvailabilityRequest>"
      + "</soap:Body></soap:Envelope>";

  private final CallbackRequestWriter writer = new CallbackRequestWriter(() -> "http://bridge/");

  /** Verifies the bytes equal a fresh serializer's, written twice on one thread and on another. */
  @Test
  void writesTheBytesOfAFreshSerializer() throws Exception {
    // GIVEN a document with non-ASCII text, characters to escape and several namespaces
    Document doc = parse(ENVELOPE.getBytes(StandardCharsets.UTF_8));
    byte[] expected = freshSerializer(doc);
    // WHEN it is written twice on this thread and once on another
    byte[] first = writer.serialize(doc);
    byte[] second = writer.serialize(doc);
    byte[] elsewhere = CompletableFuture.supplyAsync(() -> writer.serialize(doc)).get();
    // THEN every time the bytes are those of a fresh serializer
    assertThat(new String(expected, StandardCharsets.UTF_8))
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"").contains("Ä ü €");
    assertThat(first).isEqualTo(expected);
    assertThat(second).isEqualTo(expected);
    assertThat(elsewhere).isEqualTo(expected);
  }

  /** Verifies a whole request reads back: envelope, addressing and the payload, UTF-8 intact. */
  @Test
  void writesARequestThatReadsBack() throws Exception {
    Element payload = (Element) parse(("<cp:changeAvailabilityRequest"
        + " xmlns:cp='urn://Ocpp/Cp/2012/06/'><cp:connectorId>1</cp:connectorId>"
        + "<cp:type>Inoperative ü</cp:type></cp:changeAvailabilityRequest>")
        .getBytes(StandardCharsets.UTF_8)).getDocumentElement();
    CallbackTarget target = new CallbackTarget(new ChargerId("CP-Ü"), OcppVersion.V1_5, "1.2",
        null, URI.create("http://cp/"), "http://cp/");

    CallbackRequestWriter.Written first =
        writer.write(target, OcppAction.CHANGE_AVAILABILITY, payload);
    CallbackRequestWriter.Written second =
        writer.write(target, OcppAction.CHANGE_AVAILABILITY, payload);

    for (CallbackRequestWriter.Written written : java.util.List.of(first, second)) {
      Document doc = parse(written.bytes());
      Element envelope = doc.getDocumentElement();
      assertThat(envelope.getNamespaceURI()).isEqualTo(SoapNamespaces.SOAP12);
      assertThat(doc.getElementsByTagNameNS(SoapNamespaces.WSA_2005, "MessageID").item(0)
          .getTextContent()).isEqualTo(written.messageId());
      assertThat(doc.getElementsByTagNameNS("urn://Ocpp/Cp/2012/06/", "chargeBoxIdentity")
          .item(0).getTextContent()).isEqualTo("CP-Ü");
      assertThat(doc.getElementsByTagNameNS("urn://Ocpp/Cp/2012/06/", "type").item(0)
          .getTextContent()).isEqualTo("Inoperative ü");
    }
    assertThat(first.messageId()).isNotEqualTo(second.messageId());
  }

  private static Document parse(byte[] xml) throws Exception {
    return SecureXml.documentBuilderFactory().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml));
  }

  private static byte[] freshSerializer(Document doc) throws Exception {
    Transformer t = TransformerFactory.newInstance().newTransformer();
    t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    t.transform(new DOMSource(doc), new StreamResult(out));
    return out.toByteArray();
  }
}
