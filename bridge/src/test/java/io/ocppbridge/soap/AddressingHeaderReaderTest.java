package io.ocppbridge.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.cxf.binding.soap.SoapHeader;
import org.apache.cxf.headers.Header;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/** The bridge's own reading of a request's WS-Addressing headers, without CXF's chain. */
class AddressingHeaderReaderTest {

  private static final String WSA5 = SoapNamespaces.WSA_2005;
  private static final String WSA4 = SoapNamespaces.WSA_2004;

  /** An anonymous 2005/08 ReplyTo with one reference parameter, {@code k:session} 42. */
  static final String REPLY_TO_WITH_PARAMETER = """
      <wsa:Action>/Heartbeat</wsa:Action>
      <wsa:ReplyTo><wsa:Address>%s/anonymous</wsa:Address>
        <wsa:ReferenceParameters><k:session xmlns:k="urn:k">42</k:session></wsa:ReferenceParameters>
      </wsa:ReplyTo>
      """.formatted(WSA5);

  /** Verifies that every property the bridge uses is read from 2005/08 headers. */
  @Test
  void readsThe200508Properties() {
    // GIVEN the headers ocppjs-like chargers send, with a ReplyTo elsewhere
    List<Header> headers = headers(WSA5, """
        <cs:chargeBoxIdentity xmlns:cs="urn://Ocpp/Cs/2012/06/">CB1</cs:chargeBoxIdentity>
        <wsa:To>http://bridge/ocpp</wsa:To>
        <wsa:Action>/Heartbeat</wsa:Action>
        <wsa:MessageID>urn:uuid:m1</wsa:MessageID>
        <wsa:From><wsa:Address>http://10.0.0.7:8080/</wsa:Address></wsa:From>
        <wsa:ReplyTo><wsa:Address>http://10.0.0.7:9/reply</wsa:Address></wsa:ReplyTo>
        """);
    // WHEN they are read
    RequestAddressing read = AddressingHeaderReader.read(headers);
    // THEN each property is there, in the request's namespace
    assertThat(read.namespace()).isEqualTo(WSA5);
    assertThat(read.to()).isEqualTo("http://bridge/ocpp");
    assertThat(read.action()).isEqualTo("/Heartbeat");
    assertThat(read.messageId()).isEqualTo("urn:uuid:m1");
    assertThat(read.from()).isEqualTo("http://10.0.0.7:8080/");
    assertThat(read.replyTo()).isEqualTo("http://10.0.0.7:9/reply");
    assertThat(read.replyToElsewhere()).isTrue();
    assertThat(read.answerUnaddressed()).isFalse();
  }

  /** Verifies that 2004/08 headers are read alike, and its anonymous ReplyTo is no address. */
  @Test
  void readsThe200408Properties() {
    RequestAddressing read = AddressingHeaderReader.read(headers(WSA4, """
        <wsa:Action>/Heartbeat</wsa:Action>
        <wsa:MessageID>uuid:m2</wsa:MessageID>
        <wsa:ReplyTo><wsa:Address>%s/role/anonymous</wsa:Address></wsa:ReplyTo>
        """.formatted(WSA4)));
    assertThat(read.namespace()).isEqualTo(WSA4);
    assertThat(read.messageId()).isEqualTo("uuid:m2");
    assertThat(read.replyToElsewhere()).isFalse();
    assertThat(RequestAddressing.usableAddress(read.replyTo())).isNull();
  }

  /** Verifies that a request without WS-Addressing has no addressing, and is not refused. */
  @Test
  void readsNothingWithoutAddressingHeaders() {
    assertThat(AddressingHeaderReader.read(headers(WSA5, """
        <cs:chargeBoxIdentity xmlns:cs="urn://Ocpp/Cs/2012/06/">CB1</cs:chargeBoxIdentity>
        """))).isNull();
    assertThat(AddressingHeaderReader.read(List.of())).isNull();
  }

  /** Verifies that a missing MessageID is accepted (ocppjs sends none). */
  @Test
  void acceptsAMissingMessageId() {
    RequestAddressing read = AddressingHeaderReader.read(headers(WSA5,
        "<wsa:Action>/Heartbeat</wsa:Action>"));
    assertThat(read.messageId()).isNull();
  }

  /** Verifies that a MessageID sent twice is refused, the fault still relating to one. */
  @Test
  void refusesARepeatedMessageId() {
    AddressingHeaderReader.Refused refused = refused(headers(WSA5, """
        <wsa:Action>/Heartbeat</wsa:Action>
        <wsa:MessageID>urn:uuid:first</wsa:MessageID>
        <wsa:MessageID>urn:uuid:second</wsa:MessageID>
        """));
    assertThat(refused.subcode()).isEqualTo("InvalidCardinality");
    assertThat(refused.getMessage()).contains("MessageID");
    assertThat(refused.read().messageId()).isEqualTo("urn:uuid:second");
  }

  /** Verifies that each single-valued property given twice is refused, in both namespaces. */
  @Test
  void refusesEveryRepeatedSingleProperty() {
    for (String ns : List.of(WSA5, WSA4)) {
      for (String header : List.of("<wsa:Action>/Heartbeat</wsa:Action>",
          "<wsa:To>http://bridge/</wsa:To>",
          "<wsa:From><wsa:Address>http://cp/</wsa:Address></wsa:From>",
          "<wsa:ReplyTo><wsa:Address>http://cp/</wsa:Address></wsa:ReplyTo>",
          "<wsa:FaultTo><wsa:Address>http://cp/</wsa:Address></wsa:FaultTo>")) {
        AddressingHeaderReader.Refused refused = refused(headers(ns,
            "<wsa:Action>/Heartbeat</wsa:Action>" + header + header));
        assertThat(refused.subcode()).as(ns + " " + header).isEqualTo("InvalidCardinality");
      }
    }
  }

  /** Verifies that RelatesTo may be repeated (WS-Addressing allows one per relationship). */
  @Test
  void acceptsSeveralRelatesTo() {
    assertThat(AddressingHeaderReader.read(headers(WSA5, """
        <wsa:Action>/Heartbeat</wsa:Action>
        <wsa:RelatesTo>urn:uuid:a</wsa:RelatesTo>
        <wsa:RelatesTo RelationshipType="urn:x">urn:uuid:b</wsa:RelatesTo>
        """)).action()).isEqualTo("/Heartbeat");
  }

  /** Verifies that addressing without an Action is refused, keeping what was read. */
  @Test
  void refusesAddressingWithoutAction() {
    AddressingHeaderReader.Refused refused = refused(headers(WSA4, """
        <wsa:To>http://bridge/</wsa:To>
        <wsa:MessageID>uuid:m3</wsa:MessageID>
        """));
    assertThat(refused.subcode()).isEqualTo("MessageAddressingHeaderRequired");
    assertThat(refused.read().namespace()).isEqualTo(WSA4);
    assertThat(refused.read().messageId()).isEqualTo("uuid:m3");
  }

  /** Verifies that an empty Action counts as given (as CXF read it). */
  @Test
  void acceptsAnEmptyAction() {
    assertThat(AddressingHeaderReader.read(headers(WSA5, "<wsa:Action/>")).action()).isEmpty();
  }

  /** Verifies that a URI property holding elements is refused rather than guessed at. */
  @Test
  void refusesElementsInsideAUriProperty() {
    AddressingHeaderReader.Refused refused = refused(headers(WSA5,
        "<wsa:Action>/Heartbeat</wsa:Action><wsa:MessageID><x>1</x></wsa:MessageID>"));
    assertThat(refused.subcode()).isEqualTo("InvalidAddressingHeader");
    assertThat(refused.read().messageId()).isNull();
  }

  /** Verifies that headers in both WS-Addressing namespaces are refused as ambiguous. */
  @Test
  void refusesTwoNamespacesInOneRequest() {
    List<Header> headers = headers(WSA5, "<wsa:Action>/Heartbeat</wsa:Action>");
    headers.addAll(headers(WSA4, "<wsa:MessageID>uuid:m4</wsa:MessageID>"));
    AddressingHeaderReader.Refused refused = refused(headers);
    assertThat(refused.subcode()).isEqualTo("InvalidAddressingHeader");
    assertThat(refused.getMessage()).contains(WSA5).contains(WSA4);
    assertThat(refused.read().namespace()).isEqualTo(WSA5);
  }

  /** Verifies that an endpoint reference without Address names no address, and is accepted. */
  @Test
  void readsAReferenceWithoutAddressAsNone() {
    RequestAddressing read = AddressingHeaderReader.read(headers(WSA5, """
        <wsa:Action>/Heartbeat</wsa:Action>
        <wsa:From><wsa:Metadata/></wsa:From>
        <wsa:ReplyTo/>
        """));
    assertThat(read.from()).isNull();
    assertThat(read.replyTo()).isNull();
    assertThat(read.replyToElsewhere()).isFalse();
  }

  /** Verifies that ReplyTo's reference parameters are kept, for the answer to carry. */
  @Test
  void keepsTheReplyToReferenceParameters() {
    RequestAddressing read = AddressingHeaderReader.read(headers(WSA5, REPLY_TO_WITH_PARAMETER));
    assertThat(read.replyToParameters()).hasSize(1);
    assertThat(read.replyToParameters().get(0).getLocalName()).isEqualTo("session");
    assertThat(read.replyToParameters().get(0).getTextContent()).isEqualTo("42");
  }

  /** Verifies that a ReplyTo of {@code none} asks for an answer without addressing. */
  @Test
  void replyToNoneAsksForNoAddressing() {
    RequestAddressing read = AddressingHeaderReader.read(headers(WSA5, """
        <wsa:Action>/Heartbeat</wsa:Action>
        <wsa:ReplyTo><wsa:Address>%s/none</wsa:Address></wsa:ReplyTo>
        """.formatted(WSA5)));
    assertThat(read.answerUnaddressed()).isTrue();
    assertThat(read.replyToElsewhere()).isFalse();
  }

  /** Verifies which addresses name a callback: none of the anonymous forms, none, or blanks. */
  @Test
  void usableAddressesExcludeAnonymousNoneAndBlank() {
    assertThat(RequestAddressing.usableAddress(" http://10.0.0.7:8080/ "))
        .isEqualTo("http://10.0.0.7:8080/");
    assertThat(RequestAddressing.usableAddress(WSA5 + "/anonymous")).isNull();
    assertThat(RequestAddressing.usableAddress(WSA4 + "/role/anonymous")).isNull();
    assertThat(RequestAddressing.usableAddress(WSA5 + "/none")).isNull();
    assertThat(RequestAddressing.usableAddress("  ")).isNull();
    assertThat(RequestAddressing.usableAddress(null)).isNull();
  }

  /** Verifies that the headers read, and only they, are declared understood in both versions. */
  @Test
  void understandsTheHeadersItReadsInBothNamespaces() {
    for (String ns : List.of(WSA5, WSA4)) {
      for (String name : List.of("Action", "MessageID", "To", "From", "ReplyTo", "FaultTo",
          "RelatesTo")) {
        assertThat(AddressingHeaderReader.UNDERSTOOD).contains(new QName(ns, name));
      }
      assertThat(AddressingHeaderReader.UNDERSTOOD).doesNotContain(new QName(ns, "Bogus"));
    }
    assertThat(AddressingHeaderReader.UNDERSTOOD).hasSize(14);
  }

  private static AddressingHeaderReader.Refused refused(List<Header> headers) {
    return catchThrowableOfType(AddressingHeaderReader.Refused.class,
        () -> AddressingHeaderReader.read(headers));
  }

  /** SOAP headers as CXF hands them over: one DOM element each, {@code wsa} bound to {@code ns}. */
  static List<Header> headers(String ns, String xml) {
    try {
      DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
      dbf.setNamespaceAware(true);
      Element root = dbf.newDocumentBuilder().parse(new InputSource(new StringReader(
          "<h xmlns:wsa='" + ns + "'>" + xml + "</h>"))).getDocumentElement();
      List<Header> headers = new ArrayList<>();
      for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e) {
          headers.add(new SoapHeader(new QName(e.getNamespaceURI(), e.getLocalName()), e));
        }
      }
      return headers;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
