package io.ocppbridge.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocppbridge.testsupport.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The ocppjs recordings of one central-system-initiated operation (or error label) in
 * {@code ../shared/reference/ocppjs-captures/} (see its INDEX.md), read in place: the JSON CALL
 * and CALLRESULT of ocppjs's OCPP-J pair, the SOAP request of its SOAP central system and the
 * answers of its SOAP charger. Reading any file skips the test when the reference folder is
 * absent.
 *
 * @param ocpp "1.5" or "1.2"
 * @param label the operation ({@code Reset}) or error label ({@code error-TypeConstraintViolation})
 */
record OcppjsCsCapture(String ocpp, String label) {

  static final String ORIG = "orig";
  static final String SOAP12_VARIANT = "soap12-variant";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The payload (element [3]) of {@code orig/ocpp<ver>-json-cs-<label>.call.json}. */
  JsonNode callPayload() throws Exception {
    return JSON.readTree(read(ORIG, "json", "call.json")).get(3);
  }

  /** The payload (element [2]) of {@code orig/ocpp<ver>-json-cs-<label>.callresult.json}. */
  JsonNode callResultPayload() throws Exception {
    return JSON.readTree(read(ORIG, "json", "callresult.json")).get(2);
  }

  /** The Body element of {@code orig/ocpp<ver>-soap-cs-<label>.request.xml}. */
  Element requestPayload() throws Exception {
    return bodyPayload(XmlTrees.parse(read(ORIG, "soap", "request.xml")));
  }

  /**
   * The Body element of the recorded answer in {@code dir}. The recording uses the prefix
   * {@code SOAP-ENV} without declaring it; here it is declared with the envelope's namespace so
   * that a namespace-aware parser can read the file.
   */
  Element answerPayload(String dir) throws Exception {
    String text = new String(read(dir, "soap", "response.xml"), StandardCharsets.UTF_8);
    String envelopeNs = text.contains("xmlns:soap=\"" + XmlTrees.SOAP12 + "\"")
        ? XmlTrees.SOAP12 : XmlTrees.SOAP11;
    String declared = text.contains("xmlns:SOAP-ENV=") ? text
        : text.replaceFirst("<soap:Envelope ",
            "<soap:Envelope xmlns:SOAP-ENV=\"" + envelopeNs + "\" ");
    return bodyPayload(XmlTrees.parse(declared.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The recorded answer in {@code dir} as it went over the wire: the de-chunked body bytes of
   * {@code .response.xml}, with the status line and Content-Type of {@code .response.http}.
   */
  RecordedAnswer recordedAnswer(String dir) throws Exception {
    String head = new String(read(dir, "soap", "response.http"), StandardCharsets.ISO_8859_1);
    head = head.substring(0, head.indexOf("\r\n\r\n"));
    String[] lines = head.split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    String contentType = null;
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-type")) {
        contentType = lines[i].substring(colon + 1).trim();
      }
    }
    return new RecordedAnswer(Integer.parseInt(statusLine[1]), statusLine[2], contentType,
        read(dir, "soap", "response.xml"));
  }

  /** The recorded answer of ocppjs's SOAP charger, as served on the wire. */
  record RecordedAnswer(int status, String reason, String contentType, byte[] body) {}

  /** The operation of the SOAP request recorded under this label ({@code resetRequest} → Reset). */
  String soapOperation() throws Exception {
    String element = requestPayload().getLocalName();
    String op = element.substring(0, element.length() - "Request".length());
    return Character.toUpperCase(op.charAt(0)) + op.substring(1);
  }

  private byte[] read(String dir, String mode, String part) throws Exception {
    Path file = Reference.file("ocppjs-captures/" + dir + "/ocpp" + ocpp + "-" + mode + "-cs-"
        + label + "." + part);
    return Files.readAllBytes(file);
  }

  private static Element bodyPayload(Document envelope) {
    Element root = envelope.getDocumentElement();
    Element body = XmlTrees.children(root).stream()
        .filter(e -> "Body".equals(e.getLocalName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("the recorded envelope has no Body"));
    return XmlTrees.onlyChild(body);
  }
}
