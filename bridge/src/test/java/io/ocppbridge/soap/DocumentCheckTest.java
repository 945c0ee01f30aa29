package io.ocppbridge.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.cxf.staxutils.StaxUtils;
import org.codehaus.stax2.io.Stax2ByteArraySource;
import org.junit.jupiter.api.Test;

/**
 * The request's one parse: what CXF reads is checked on the way, the rest when the request is
 * finished, and the problem the charger is told is the one a full check before reading names.
 * Read here the way CXF reads a request: the envelope, the header, the body's first element.
 */
class DocumentCheckTest {

  private static final String ENV = "<s:Envelope xmlns:s='http://www.w3.org/2003/05/soap-envelope'"
      + " xmlns:cs='urn://Ocpp/Cs/2012/06/'>";
  private static final String HEADER = "<s:Header><cs:chargeBoxIdentity>CB-1</cs:chargeBoxIdentity>"
      + "</s:Header>";
  private static final String PAYLOAD = "<cs:heartbeatRequest/>";

  private static DocumentCheck reader(String document) throws XMLStreamException {
    byte[] body = document.getBytes(StandardCharsets.UTF_8);
    // CXF's own reader factory, as the interceptor uses it
    XMLStreamReader parser = StaxUtils.createXMLStreamReader(
        new Stax2ByteArraySource(body, 0, body.length));
    return new DocumentCheck(parser, "UTF-8");
  }

  /** Reads up to the end of the body's first element, as CXF does for the endpoint. */
  private static void readLikeCxf(DocumentCheck reader) throws XMLStreamException {
    int bodyDepth = -1;
    int depth = 0;
    while (reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
        if ("Body".equals(reader.getLocalName()) && depth == 2) {
          bodyDepth = depth;
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
        if (bodyDepth > 0 && depth == bodyDepth) {
          return; // the payload is read
        }
      } else if (event == XMLStreamConstants.CHARACTERS) {
        reader.getText();
      }
    }
  }

  private static String problemAfterCxf(String document) throws XMLStreamException {
    DocumentCheck reader = reader(document);
    readLikeCxf(reader);
    return reader.finish();
  }

  @Test
  void aSoundRequestHasNoProblemAndFinishesOnce() throws XMLStreamException {
    DocumentCheck reader = reader(ENV + HEADER + "<s:Body>" + PAYLOAD + "</s:Body></s:Envelope>");
    readLikeCxf(reader);
    assertThat(reader.finish()).isNull();
    assertThat(reader.finish()).as("idempotent").isNull();
  }

  @Test
  void whatCxfNeverReadsIsCheckedWhenTheRequestIsFinished() throws XMLStreamException {
    assertThat(problemAfterCxf(ENV + "<s:Body>" + PAYLOAD + "</s:Body></s:Envelope>garbage"))
        .startsWith("the request has content after the end of its SOAP envelope (line 1");
    assertThat(problemAfterCxf(ENV + "<s:Body>" + PAYLOAD + "</s:Body><s:Body/></s:Envelope>"))
        .isEqualTo("the SOAP envelope holds 2 Body elements; exactly one is allowed");
    assertThat(problemAfterCxf(ENV + "<s:Body>" + PAYLOAD + PAYLOAD + "</s:Body></s:Envelope>"))
        .isEqualTo("the SOAP Body holds 2 elements; one request per message is allowed");
    assertThat(problemAfterCxf(ENV + "<s:Body>" + PAYLOAD + "</s:Body>"))
        .startsWith("the request ends before its XML is complete");
  }

  @Test
  void aProblemMetWhileCxfReadsIsKeptForTheFault() throws XMLStreamException {
    DocumentCheck reader = reader(ENV + HEADER + "<s:Body><cs:heartbeatRequest></cs:other>"
        + "</s:Body></s:Envelope>");
    assertThatThrownBy(() -> readLikeCxf(reader)).isInstanceOf(XMLStreamException.class);
    assertThat(reader.finish()).startsWith("the request is not well-formed XML (line 1");
  }

  @Test
  void aProblemBeforeCxfFaultsForAnotherReasonStillWins() throws XMLStreamException {
    // CXF stops after the header (say, for a header it must understand); the rest is broken
    DocumentCheck reader = reader(ENV + HEADER + "<s:Body>" + PAYLOAD + "</s:Bod>");
    while (reader.next() != XMLStreamConstants.END_ELEMENT
        || !"Header".equals(reader.getLocalName())) {
      // read the header only
    }
    assertThat(reader.finish()).startsWith("the request is not well-formed XML");
  }

  @Test
  void anEntityCxfLeavesUnexpandedIsNamedAsUndefined() throws XMLStreamException {
    assertThat(problemAfterCxf(ENV + "<s:Body><cs:dataTransferRequest><cs:vendorId>&nobody;"
        + "</cs:vendorId></cs:dataTransferRequest></s:Body></s:Envelope>"))
        .startsWith("the request uses an undefined entity 'nobody' (line 1");
    assertThat(problemAfterCxf(ENV + "<s:Body><cs:dataTransferRequest><cs:vendorId>&amp;&lt;"
        + "</cs:vendorId></cs:dataTransferRequest></s:Body></s:Envelope>")).isNull();
  }

  @Test
  void aDocumentThatIsNoEnvelopeIsLeftToCxf() throws XMLStreamException {
    assertThat(problemAfterCxf("<a><b/><b/></a>")).isNull();
  }
}
