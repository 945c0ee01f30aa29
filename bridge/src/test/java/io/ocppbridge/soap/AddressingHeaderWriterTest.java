package io.ocppbridge.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The bridge's own WS-Addressing headers on its answers, without CXF's chain. */
class AddressingHeaderWriterTest {

  private static final String WSA5 = SoapNamespaces.WSA_2005;
  private static final String WSA4 = SoapNamespaces.WSA_2004;

  /** Verifies the answer's headers in 2005/08: action, new MessageID, To anonymous, RelatesTo. */
  @Test
  void addressesTheAnswerIn200508() {
    // GIVEN a request with a MessageID and a ReplyTo elsewhere
    RequestAddressing request = new RequestAddressing(WSA5, "/Heartbeat", "urn:uuid:m1",
        "http://bridge/", "http://cp/", "http://cp/reply", List.of());
    // WHEN its answer is addressed
    List<Element> headers = AddressingHeaderWriter.answerHeaders(request, "/HeartbeatResponse");
    // THEN the headers are, in order, in the request's namespace
    assertThat(headers).extracting(Element::getLocalName)
        .containsExactly("Action", "MessageID", "To", "RelatesTo");
    assertThat(headers).extracting(Element::getNamespaceURI).containsOnly(WSA5);
    assertThat(headers.get(0).getTextContent()).isEqualTo("/HeartbeatResponse");
    assertThat(headers.get(1).getTextContent()).startsWith("urn:uuid:").isNotEqualTo("urn:uuid:m1");
    // AND the answer goes back on the same exchange, whatever ReplyTo said
    assertThat(headers.get(2).getTextContent()).isEqualTo(WSA5 + "/anonymous");
    assertThat(headers.get(3).getTextContent()).isEqualTo("urn:uuid:m1");
  }

  /** Verifies the 2004/08 form: its own namespace and anonymous address. */
  @Test
  void addressesTheAnswerIn200408() {
    RequestAddressing request = new RequestAddressing(WSA4, "/Heartbeat", "uuid:m2", null, null,
        null, List.of());
    List<Element> headers = AddressingHeaderWriter.answerHeaders(request, "/HeartbeatResponse");
    assertThat(headers).extracting(Element::getNamespaceURI).containsOnly(WSA4);
    assertThat(headers.get(2).getTextContent()).isEqualTo(WSA4 + "/role/anonymous");
    assertThat(headers.get(3).getTextContent()).isEqualTo("uuid:m2");
  }

  /** Verifies that a request without MessageID gets no RelatesTo (ocppjs sends none). */
  @Test
  void relatesToNothingWithoutMessageId() {
    RequestAddressing request = new RequestAddressing(WSA5, "/Heartbeat", null, null, null,
        null, List.of());
    assertThat(AddressingHeaderWriter.answerHeaders(request, AddressingHeaderWriter.FAULT_ACTION))
        .extracting(Element::getLocalName).containsExactly("Action", "MessageID", "To");
  }

  /** Verifies that every answer gets a MessageID of its own. */
  @Test
  void givesEachAnswerANewMessageId() {
    RequestAddressing request = new RequestAddressing(WSA5, "/Heartbeat", "urn:uuid:m1", null,
        null, null, List.of());
    String first = AddressingHeaderWriter.answerHeaders(request, "/A").get(1).getTextContent();
    String second = AddressingHeaderWriter.answerHeaders(request, "/A").get(1).getTextContent();
    assertThat(first).isNotEqualTo(second);
  }

  /** Verifies that no request, or a ReplyTo of none, means an answer without addressing. */
  @Test
  void writesNothingWhenNoAddressingIsWanted() {
    assertThat(AddressingHeaderWriter.answerHeaders(null, "/HeartbeatResponse")).isEmpty();
    RequestAddressing none = new RequestAddressing(WSA5, "/Heartbeat", "urn:uuid:m1", null,
        null, WSA5 + "/none", List.of());
    assertThat(AddressingHeaderWriter.answerHeaders(none, "/HeartbeatResponse")).isEmpty();
  }

  /** Verifies that ReplyTo's reference parameters come back marked as such. */
  @Test
  void echoesTheReferenceParameters() {
    RequestAddressing request = AddressingHeaderReader.read(AddressingHeaderReaderTest.headers(
        WSA5, AddressingHeaderReaderTest.REPLY_TO_WITH_PARAMETER));
    List<Element> headers = AddressingHeaderWriter.answerHeaders(request, "/HeartbeatResponse");
    Element parameter = headers.get(headers.size() - 1);
    assertThat(parameter.getNamespaceURI()).isEqualTo("urn:k");
    assertThat(parameter.getTextContent()).isEqualTo("42");
    assertThat(parameter.getAttributeNS(WSA5, "IsReferenceParameter")).isEqualTo("1");
  }
}
