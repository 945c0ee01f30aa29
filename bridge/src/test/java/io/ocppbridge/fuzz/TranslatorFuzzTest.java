package io.ocppbridge.fuzz;

import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ocppbridge.core.Initiator;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.schema.PayloadSchemas;
import io.ocppbridge.translate.ChargerRequest;
import io.ocppbridge.core.JsonDialect;
import io.ocppbridge.translate.OcppSchemaModel;
import io.ocppbridge.translate.SecureXml;
import io.ocppbridge.translate.SoapJsonTranslator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Fuzzes {@link SoapJsonTranslator} in both directions, built as {@code app/Bridge} builds it
 * (every version's {@link OcppSchemaModel}, the ocppjs payload mapper).
 *
 * <ul>
 *   <li>{@link #jsonToSoap}: a central system's JSON, for a fuzzer-chosen version and action,
 *       given to {@code toChargePointRequest} (a CALL) or {@code toChargerResponse} (a
 *       CALLRESULT). Only {@link OcppException} may escape. The translator is the second line of
 *       defence behind {@code PayloadSchemas}, so it may accept JSON the schema would refuse;
 *       but what it accepts must become XML that validates against the WSDL schema.
 *   <li>{@link #soapToJson}: a charger's SOAP body payload as XML text, parsed as the bridge
 *       parses it ({@link SecureXml}; text that does not parse is skipped), given to
 *       {@code fromChargerRequest}. Only {@link OcppException} may escape, and the JSON of an
 *       accepted request must pass {@code PayloadSchemas.check}: the bridge must not emit JSON
 *       that breaks its own contract.
 * </ul>
 *
 * <p><b>In a plain build</b> ({@code mvn test}, CI) each {@code @FuzzTest} does not fuzz: it
 * runs the empty input, the files under {@code src/test/resources/io/ocppbridge/fuzz/
 * TranslatorFuzzTestInputs/<method>/}, and for {@code soapToJson} also every built-in sample
 * {@code samples/ocpp1.x/<Action>.xml} of the classpath, in a few seconds.
 *
 * <p>A {@code jsonToSoap} input is read by a {@link FuzzedDataProvider}: the JSON text, then
 * three selector bytes that it reads from the end (last byte: the version, byte value mod 2,
 * 0 = 1.2; before it: the direction, odd = CALL toward the charger, even = CALLRESULT toward it;
 * before that: the action, byte value mod the number of actions, in {@link OcppAction#all}
 * order). The seed files are the JSON, a newline and three printable selector characters.
 *
 * <p><b>To fuzz</b> (Jazzer 0.30, coverage-guided), from the repository root, one
 * {@code @FuzzTest} per run:
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -pl bridge test -Dtest='TranslatorFuzzTest#soapToJson' \
 *     -Djazzer.max_duration=10m \
 *     '-Djazzer.instrument=io.ocppbridge.**,com.fasterxml.jackson.**,org.glassfish.jaxb.**'
 * </pre>
 * and the same with {@code -Dtest='TranslatorFuzzTest#jsonToSoap'}.
 * <ul>
 *   <li>{@code -Djazzer.max_duration} overrides the annotation's {@code maxDuration} (4 minutes).
 *   <li>{@code -Djazzer.instrument} adds Jackson and JAXB to the classes whose coverage guides
 *       the fuzzer (by default only the build's own classes).
 *   <li>The first finding fails the test and is written as {@code crash-<sha1>} into the
 *       method's inputs directory, so the next plain build replays it. {@code
 *       -Djazzer.keep_going=N} goes on after findings, but then the test passes: read the log
 *       ({@code == Java Exception}) and look for new {@code crash-} files.
 *   <li>A finding that cannot be fixed at once moves to {@code TranslatorFuzzTestInputs/
 *       knownBugs/} (not replayed by Jazzer) and gets a {@code @Disabled("bug: ...")} test here
 *       that replays it, like {@link #timestampAfterYear9999IsNotEmittedAsInvalidDateTime}.
 *   <li>The corpus the fuzzer grows stays in {@code bridge/.cifuzz-corpus/} and is not committed.
 * </ul>
 */
class TranslatorFuzzTest {

  private static final Map<OcppVersion, OcppSchemaModel> MODELS = OcppSchemaModel.loadAll();
  private static final SoapJsonTranslator TRANSLATOR =
      new SoapJsonTranslator(MODELS, JsonDialect.OCPPJS);
  private static final PayloadSchemas SCHEMAS = PayloadSchemas.load();
  private static final DocumentBuilderFactory XML = SecureXml.documentBuilderFactory();

  // Verifies that the translator refuses JSON only with an OcppException and turns whatever it
  // accepts into XML that validates against the WSDL schema.
  @FuzzTest(maxDuration = "4m")
  void jsonToSoap(FuzzedDataProvider data) {
    // GIVEN a version, a direction, an action of that direction and any JSON text
    OcppVersion version = data.pickValue(OcppVersion.values());
    boolean callToCharger = data.consumeBoolean();
    OcppAction action = data.pickValue(OcppAction.all(version,
        callToCharger ? Initiator.CENTRAL_SYSTEM : Initiator.CHARGE_POINT));
    String json = data.consumeRemainingAsString();

    // WHEN it is translated toward the charger (anything but an OcppException is a finding)
    Element xml;
    try {
      xml = callToCharger
          ? TRANSLATOR.toChargePointRequest(version, action, json)
          : TRANSLATOR.toChargerResponse(version, action, json);
    } catch (OcppException refused) {
      return;
    }

    // THEN the XML the charger would get is valid
    try {
      MODELS.get(version).schema().newValidator().validate(new DOMSource(xml));
    } catch (SAXException e) {
      fail("%s %s %s accepted %s but wrote invalid XML (%s): %s", version, action.wireName(),
          callToCharger ? "request" : "response", json, e.getMessage(), text(xml));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // Verifies that the translator refuses a charger's request only with an OcppException and
  // turns whatever it accepts into JSON that passes the bridge's own JSON schema.
  @MethodSource("chargerSamples")
  @FuzzTest(maxDuration = "4m")
  void soapToJson(byte[] input) {
    // GIVEN a SOAP body payload as the bridge parses it
    Element payload = parse(input);
    if (payload == null) {
      return;
    }

    // WHEN it is translated toward the central system (anything but an OcppException escapes)
    ChargerRequest request;
    try {
      request = TRANSLATOR.fromChargerRequest(payload);
    } catch (OcppException refused) {
      return;
    }

    // THEN the JSON the central system would get keeps the contract
    try {
      SCHEMAS.check(request.version(), request.action(), true, request.payloadJson());
    } catch (OcppException e) {
      fail("%s %s from %s translated to %s, which violates its JSON schema: %s",
          request.version(), request.action().wireName(),
          new String(input, StandardCharsets.UTF_8), request.payloadJson(), e.description());
    }
  }

  // Verifies that a timestamp after the year 9999, which the XSD allows, is not written into
  // JSON that breaks the date-time format of the JSON schema. Found by fuzzing (Jazzer, after
  // about 0.7 M runs): <timestamp>20262-11-21T10:15:00</timestamp> in an OCPP 1.2
  // StartTransaction becomes "20262-11-21T10:15:00Z", which is no RFC 3339 date-time. Checked
  // by hand, the same happens to a negative year (-0001-01-01T00:00:00Z) and to more than nine
  // fractional digits (2026-11-21T10:15:00.1234567890123Z), which the schema's validator refuses.
  @Test
  void timestampAfterYear9999IsNotEmittedAsInvalidDateTime() {
    soapToJson(knownBug("crash-2d926448688b9744c2173abe6434dd7e7b01f0d9"));
  }

  /** The built-in charger request samples, one seed each. */
  static Stream<Arguments> chargerSamples() {
    return Arrays.stream(OcppVersion.values()).flatMap(version ->
        OcppAction.all(version, Initiator.CHARGE_POINT).stream().map(action -> {
          String resource = "samples/" + version.subprotocol() + "/" + action.wireName() + ".xml";
          return Arguments.of(Named.of(resource, read(resource)));
        }));
  }

  private static byte[] read(String resource) {
    try (InputStream in = TranslatorFuzzTest.class.getClassLoader()
        .getResourceAsStream(resource)) {
      return Objects.requireNonNull(in, "not on the classpath: " + resource).readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A finding kept under {@code TranslatorFuzzTestInputs/knownBugs/}, which Jazzer skips. */
  private static byte[] knownBug(String name) {
    return read("io/ocppbridge/fuzz/TranslatorFuzzTestInputs/knownBugs/" + name);
  }

  /** The document element, or null when the bytes are not XML the bridge would accept. */
  private static Element parse(byte[] input) {
    try {
      DocumentBuilder builder = XML.newDocumentBuilder();
      builder.setErrorHandler(new DefaultHandler()); // throws on fatal errors, prints nothing
      Document doc = builder.parse(new ByteArrayInputStream(input));
      return doc.getDocumentElement();
    } catch (SAXException | IOException e) {
      return null;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(Element element) {
    try {
      StringWriter out = new StringWriter();
      TransformerFactory.newInstance().newTransformer()
          .transform(new DOMSource(element), new StreamResult(out));
      return out.toString();
    } catch (TransformerException e) {
      return "<unprintable: " + e.getMessage() + ">";
    }
  }
}
