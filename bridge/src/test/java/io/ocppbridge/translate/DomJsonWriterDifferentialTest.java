package io.ocppbridge.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocppbridge.core.Initiator;
import io.ocppbridge.core.JsonDialect;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.testsupport.Reference;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.Marshaller;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * The direct DOM-to-JSON writer against the JAXB+Jackson path it replaced ({@link JaxbJsonOracle}):
 * for every SOAP payload of the test corpus, of the recorded ocppjs captures and of a seeded set
 * of generated payloads (every action of every version, request and response, every optional
 * value filled or not, lists of 0, 1 and 3 items, timestamps with and without offset and
 * fraction, numbers and booleans in their other lexical forms), in every dialect and with a UTC
 * and two non-UTC charger clocks, both give the same outcome: the same tree (same properties in
 * the same order, same node types) or the same error.
 */
class DomJsonWriterDifferentialTest {

  private static final long SEED = 16;
  private static final List<ChargerClock> CLOCKS = List.of(ChargerClock.UTC,
      new ChargerClock(ZoneId.of("Europe/Berlin"), false),
      new ChargerClock(ZoneId.of("America/St_Johns"), true));

  private static Map<OcppVersion, OcppSchemaModel> models;
  private static Map<JsonDialect, SoapJsonTranslator> translators;
  private static Map<JsonDialect, JaxbJsonOracle> oracles;
  private static Map<JsonDialect, DomJsonWriter> writers;

  private int compared;
  private int sameJson;

  @BeforeAll
  static void build() {
    models = OcppSchemaModel.loadAll();
    translators = new java.util.EnumMap<>(JsonDialect.class);
    oracles = new java.util.EnumMap<>(JsonDialect.class);
    writers = new java.util.EnumMap<>(JsonDialect.class);
    for (JsonDialect d : JsonDialect.values()) {
      translators.put(d, new SoapJsonTranslator(models, d));
      ObjectMapper mapper = OcppJson.payloadMapper(d);
      oracles.put(d, new JaxbJsonOracle(mapper));
      writers.put(d, new DomJsonWriter(mapper));
    }
  }

  /** The hand-written corpus of the bad-input and fuzz tests; most of it is refused. */
  @Test
  void corpusPayloads() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("corpus", "io/ocppbridge/fuzz")) {
      try (Stream<Path> s = Files.walk(resource(dir))) {
        s.filter(p -> p.toString().endsWith(".xml")).sorted().forEach(files::add);
      }
    }
    int payloads = 0;
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      for (String version : List.of("1.5", "1.2", "1.6")) {
        String cs = OcppVersion.ofLabel(version).orElseThrow().centralSystemNamespace();
        String xml = text.contains("Envelope") ? text
            : "<s:Envelope xmlns:s='http://www.w3.org/2003/05/soap-envelope' xmlns:cs='" + cs
                + "'><s:Body>" + text.replaceFirst("^\\s*<!--.*?-->", "")
                + "</s:Body></s:Envelope>";
        if (compareDocument(file.toString(), xml)) {
          payloads++;
          break;
        }
      }
    }
    assertThat(payloads).as("corpus payloads").isGreaterThan(150);
    assertThat(sameJson).as("corpus payloads translated").isGreaterThan(60);
  }

  /** What ocppjs really sent and answered (../shared/reference/ocppjs-captures). */
  @Test
  void recordedCaptures() throws IOException {
    Path dir = Reference.file("ocppjs-captures");
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    int payloads = 0;
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.ISO_8859_1);
      int start = text.indexOf("<?xml");
      if (start < 0) {
        start = text.indexOf('<');
      }
      if (start < 0) {
        continue;
      }
      String xml = new String(text.substring(start).getBytes(StandardCharsets.ISO_8859_1),
          StandardCharsets.UTF_8);
      if (compareDocument(file.toString(), xml)) {
        payloads++;
      }
    }
    assertThat(payloads).as("captured payloads").isGreaterThan(100);
    assertThat(sameJson).as("captured payloads translated").isGreaterThan(100);
  }

  /** Seeded payloads built from the JAXB classes, every action of every version. */
  @Test
  void generatedPayloads() throws Exception {
    Random random = new Random(SEED);
    PayloadGenerator generator = new PayloadGenerator(random);
    int generated = 0;
    for (OcppVersion version : OcppVersion.values()) {
      OcppSchemaModel model = models.get(version);
      for (Initiator initiator : Initiator.values()) {
        for (OcppAction action : OcppAction.all(version, initiator)) {
          for (boolean request : new boolean[] {true, false}) {
            Class<?> type = request ? model.requestType(action) : model.responseType(action);
            for (int round = 0; round < 8; round++) {
              boolean full = round % 2 == 0;
              String xml = marshal(model, action, request, type,
                  generator.instance(type, full, round >= 6));
              generated++;
              assertThat(compareDocument(version + " " + action + " " + request + " #" + round,
                  generator.relex(xml))).isTrue();
            }
          }
        }
      }
    }
    assertThat(generated).isGreaterThan(1000);
    // each payload in 2 dialects with 3 clocks; nearly all valid, a few with odd timestamps
    assertThat(compared).isEqualTo(generated * 6);
    assertThat(sameJson).as("comparisons of two trees").isGreaterThan(compared * 9 / 10);
    assertThat(compared - sameJson).as("comparisons of two errors").isGreaterThan(50);
  }

  /** Odd but valid XML: comments, CDATA, entities, whitespace, repaired quirks. */
  @Test
  void unusualXml() {
    String cs15 = "urn://Ocpp/Cs/2012/06/";
    String cs12 = "urn://Ocpp/Cs/2010/08/";
    String cp16 = "urn://Ocpp/Cp/2015/10/";
    List<String> payloads = List.of(
        "<authorizeRequest xmlns='" + cs15 + "'><idTag>A<!-- c -->B<?pi x?>C</idTag>"
            + "</authorizeRequest>",
        "<authorizeRequest xmlns='" + cs15 + "'>\n <idTag><![CDATA[<&>]]>&amp;x</idTag>\n"
            + "</authorizeRequest>",
        "<authorizeRequest xmlns='" + cs15 + "'><idTag> </idTag></authorizeRequest>",
        "<authorizeRequest xmlns='" + cs15 + "'><idTag/></authorizeRequest>",
        "<meterValuesRequest xmlns='" + cs15 + "' xmlns:c='" + cs15 + "'><connectorId> +5 "
            + "</connectorId><values><timestamp> 2026-12-03T10:00:00 </timestamp>"
            + "<value c:unit='Wh'/><value unit='Wh'> 7 </value><value/></values>"
            + "<values><timestamp>2026-03-29T02:30:00.123456789</timestamp>"
            + "<value>1</value></values></meterValuesRequest>",
        "<meterValuesRequest xmlns='" + cs12 + "'><connectorId>1</connectorId><values>"
            + "<timestamp>2026-10-25T02:30:00</timestamp><value>0012</value></values>"
            + "</meterValuesRequest>",
        "<startTransactionRequest xmlns='" + cs15 + "'><connectorId>1</connectorId>"
            + "<idTag>T</idTag><timestamp>2026-12-03T10:00:00.0000000001Z</timestamp>"
            + "<meterStart>0</meterStart></startTransactionRequest>",
        "<startTransactionRequest xmlns='" + cs15 + "'><connectorId>1</connectorId>"
            + "<idTag>T</idTag><timestamp>-2026-12-03T10:00:00Z</timestamp>"
            + "<meterStart>-0</meterStart></startTransactionRequest>",
        "<getConfigurationResponse xmlns='" + cp16 + "'><configurationKey><key>k</key>"
            + "<readonly> 1 </readonly></configurationKey><configurationKey><key>l</key>"
            + "<readonly>false</readonly><value></value></configurationKey>"
            + "<unknownKey></unknownKey><unknownKey>x</unknownKey></getConfigurationResponse>",
        "<getCompositeScheduleResponse xmlns='" + cp16 + "'><status>Accepted</status>"
            + "<connectorId>0</connectorId><chargingSchedule><chargingRateUnit>W"
            + "</chargingRateUnit><chargingSchedulePeriod><startPeriod>0</startPeriod>"
            + "<limit>20.0</limit></chargingSchedulePeriod><chargingSchedulePeriod>"
            + "<startPeriod>1</startPeriod><limit>0.0</limit><numberPhases>3</numberPhases>"
            + "</chargingSchedulePeriod><minChargingRate>-.5</minChargingRate>"
            + "</chargingSchedule></getCompositeScheduleResponse>");
    for (String payload : payloads) {
      assertThat(compareDocument(payload, "<s:Envelope xmlns:s='http://www.w3.org/2003/05/"
          + "soap-envelope'><s:Body>" + payload + "</s:Body></s:Envelope>")).isTrue();
    }
    assertThat(sameJson).isGreaterThan(40);
  }

  /** A comparison that must fail: the check sees a changed value, order and node type. */
  @Test
  void theComparisonSeesDifferences() throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode a = json.readTree("{\"a\":1,\"b\":\"x\"}");
    assertThat(shape(a)).isNotEqualTo(shape(json.readTree("{\"b\":\"x\",\"a\":1}")));
    assertThat(shape(a)).isNotEqualTo(shape(json.readTree("{\"a\":1.0,\"b\":\"x\"}")));
    assertThat(shape(a)).isNotEqualTo(shape(json.createObjectNode().put("a", 1L).put("b", "x")));
    assertThat(shape(a)).isNotEqualTo(shape(json.readTree("{\"a\":1,\"b\":\"y\"}")));
    assertThat(shape(a)).isEqualTo(shape(json.readTree("{\"a\":1,\"b\":\"x\"}")));
  }

  /**
   * Compares old and new for the first OCPP payload of the document in every dialect and clock;
   * false when the document holds none.
   */
  private boolean compareDocument(String label, String xml) {
    Optional<Found> found = find(parse(xml));
    if (found.isEmpty()) {
      return false;
    }
    Found f = found.get();
    for (JsonDialect dialect : JsonDialect.values()) {
      for (ChargerClock clock : CLOCKS) {
        String old = outcome(() -> oracles.get(dialect).toJson(models.get(f.version), f.action,
            payloadOf(xml), f.request, clock));
        String now = outcome(() -> viaNewPath(dialect, f, payloadOf(xml), clock));
        assertThat(now).as(label + " in " + dialect + " with " + clock + ":\n" + xml)
            .isEqualTo(old);
        compared++;
        if (!old.startsWith("error")) {
          sameJson++;
        }
      }
    }
    return true;
  }

  /**
   * Through the translator for what it translates to JSON (charger requests, charge point
   * responses); through the writer, after the same repairs and validation, for the rest.
   */
  private static JsonNode viaNewPath(JsonDialect dialect, Found f, Element payload,
      ChargerClock clock) {
    SoapJsonTranslator translator = translators.get(dialect);
    boolean fromCharger = f.request == (f.action.initiator() == Initiator.CHARGE_POINT);
    if (fromCharger) {
      return f.request ? translator.fromChargerRequest(payload, clock).payload()
          : translator.fromChargePointResponse(f.version, f.action, payload, clock);
    }
    OcppSchemaModel model = models.get(f.version);
    QuirkNormalizer.unqualifyAttributes(payload, payload.getNamespaceURI());
    QuirkNormalizer.dropEmptyListItems(payload, payload.getNamespaceURI());
    PayloadValidation.validate(model, payload, null,
        f.action.wireName() + (f.request ? " request" : " response"));
    Class<?> type = f.request ? model.requestType(f.action) : model.responseType(f.action);
    try {
      return writers.get(dialect).write(payload, type, clock);
    } catch (OcppJson.UnwritableTimestamp e) {
      throw new OcppException(io.ocppbridge.core.OcppErrorCode.TYPE_CONSTRAINT_VIOLATION,
          "invalid " + f.action.wireName() + (f.request ? " request" : " response") + ": "
              + e.getMessage());
    }
  }

  private interface Translation {
    JsonNode run();
  }

  private static String outcome(Translation t) {
    try {
      JsonNode tree = t.run();
      return shape(tree) + "\n" + tree.hashCode();
    } catch (OcppException e) {
      return "error " + e.code() + ": " + e.description();
    }
  }

  /** The tree with each node's class and each object's property order. */
  static String shape(JsonNode node) {
    StringBuilder out = new StringBuilder();
    shape(node, out);
    return out.toString();
  }

  private static void shape(JsonNode node, StringBuilder out) {
    out.append(node.getClass().getSimpleName());
    if (node.isObject()) {
      out.append('{');
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.append(e.getKey()).append(':');
        shape(e.getValue(), out);
        out.append(',');
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (JsonNode item : node) {
        shape(item, out);
        out.append(',');
      }
      out.append(']');
    } else if (node.isBigDecimal()) {
      // the same number: the old path wrote 20.0 as 2E+1, the new one as the charger wrote it
      // (DomJsonWriterDecimalsTest)
      out.append("(").append(node.decimalValue().stripTrailingZeros().toPlainString())
          .append(')');
    } else {
      out.append('(').append(node.toString()).append(')');
    }
  }

  private record Found(OcppVersion version, OcppAction action, boolean request) {}

  private static Optional<Found> find(Document doc) {
    if (doc == null) {
      return Optional.empty();
    }
    Element payload = firstOcppElement(doc.getDocumentElement());
    if (payload == null) {
      return Optional.empty();
    }
    String ns = payload.getNamespaceURI();
    Optional<OcppVersion> cs = OcppVersion.ofCentralSystemNamespace(ns);
    OcppVersion version = cs.or(() -> OcppVersion.ofChargePointNamespace(ns)).orElseThrow();
    Initiator initiator = cs.isPresent() ? Initiator.CHARGE_POINT : Initiator.CENTRAL_SYSTEM;
    for (OcppAction action : OcppAction.all(version, initiator)) {
      if (action.requestElement().equals(payload.getLocalName())) {
        return Optional.of(new Found(version, action, true));
      }
      if (action.responseElement().equals(payload.getLocalName())) {
        return Optional.of(new Found(version, action, false));
      }
    }
    return Optional.empty();
  }

  private static Element firstOcppElement(Element e) {
    String ns = e.getNamespaceURI();
    if (ns != null && (OcppVersion.ofCentralSystemNamespace(ns).isPresent()
        || OcppVersion.ofChargePointNamespace(ns).isPresent())
        && !e.getLocalName().equals("chargeBoxIdentity")
        && !e.getLocalName().equals("chargeBoxIdentity".toLowerCase())) {
      return e;
    }
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child) {
        Element found = firstOcppElement(child);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static Element payloadOf(String xml) {
    return firstOcppElement(parse(xml).getDocumentElement());
  }

  private static Document parse(String xml) {
    try {
      DocumentBuilder builder = SecureXml.documentBuilderFactory().newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new InputSource(new StringReader(xml)));
    } catch (Exception e) {
      return null;
    }
  }

  private static String marshal(OcppSchemaModel model, OcppAction action, boolean request,
      Class<?> type, Object value) throws Exception {
    QName name = new QName(model.namespaceOf(action),
        request ? action.requestElement() : action.responseElement());
    Document doc = SecureXml.documentBuilderFactory().newDocumentBuilder().newDocument();
    Marshaller m = model.context(action).createMarshaller();
    @SuppressWarnings({"unchecked", "rawtypes"})
    JAXBElement<?> element = new JAXBElement(name, type, value);
    m.marshal(element, doc);
    StringWriter out = new StringWriter();
    TransformerFactory.newInstance().newTransformer()
        .transform(new DOMSource(doc), new StreamResult(out));
    return out.toString();
  }

  private static Path resource(String name) {
    try {
      return Path.of(DomJsonWriterDifferentialTest.class.getClassLoader().getResource(name)
          .toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
