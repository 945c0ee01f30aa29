package io.ocppbridge.translate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbridge.core.Initiator;
import io.ocppbridge.core.JsonDialect;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.core.QuirkCounter;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.ValidationEvent;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.QName;
import javax.xml.parsers.ParserConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Translates SOAP body payloads to OCPP-J payloads and back, validating the XML side against the
 * WSDL schema in both directions, in one {@link JsonDialect} (its siblings for the others are
 * reached with {@link #in}). Thread-safe; one family serves every charger.
 */
public final class SoapJsonTranslator {

  private static final Logger LOG = LoggerFactory.getLogger(SoapJsonTranslator.class);

  private final Map<OcppVersion, OcppSchemaModel> models;
  private final ObjectMapper mapper;
  /** Writes validated SOAP payloads as this dialect's JSON. */
  private final DomJsonWriter json;
  private final RequiredProperties required;
  /**
   * Makes the empty documents answers are marshalled into. Creating a DocumentBuilder for each
   * message built a whole parser configuration that is never used (a hot spot under load).
   */
  private final DOMImplementation documents = domImplementation();

  private final QuirkCounter quirks;
  private final OwnTranslationCheck ownCheck;
  private final Ocpp16WireDifferences ocpp16;
  private final JsonDialect dialect;
  /** Every dialect's translator, this one included; filled during construction only. */
  private final Map<JsonDialect, SoapJsonTranslator> family;

  /** A translator writing and reading the JSON of {@code dialect}; see {@link #in}. */
  public SoapJsonTranslator(Map<OcppVersion, OcppSchemaModel> models, JsonDialect dialect) {
    this(models, dialect, new QuirkCounter());
  }

  /** @param quirks where the quirks of chargers' XML that were repaired are counted */
  public SoapJsonTranslator(Map<OcppVersion, OcppSchemaModel> models, JsonDialect dialect,
      QuirkCounter quirks) {
    this(models, dialect, quirks, OwnTranslationCheck.ALWAYS);
  }

  /**
   * @param ownCheck when a SOAP payload this translator wrote is validated against the XSD
   *     again ({@link #checksOwn} says the same for the JSON it writes)
   */
  public SoapJsonTranslator(Map<OcppVersion, OcppSchemaModel> models, JsonDialect dialect,
      QuirkCounter quirks, OwnTranslationCheck ownCheck) {
    this(Map.copyOf(models), dialect, quirks, ownCheck, new EnumMap<>(JsonDialect.class));
  }

  /** One of a family of translators, one per dialect, sharing models and counters. */
  private SoapJsonTranslator(Map<OcppVersion, OcppSchemaModel> models, JsonDialect dialect,
      QuirkCounter quirks, OwnTranslationCheck ownCheck,
      Map<JsonDialect, SoapJsonTranslator> family) {
    this.quirks = quirks;
    this.ownCheck = ownCheck;
    this.ocpp16 = new Ocpp16WireDifferences(quirks);
    this.models = models;
    this.dialect = dialect;
    this.mapper = OcppJson.payloadMapper(dialect);
    this.required = new RequiredProperties(mapper);
    this.json = new DomJsonWriter(mapper);
    prepareJson(models, json);
    this.family = family;
    family.put(dialect, this);
    for (JsonDialect other : JsonDialect.values()) {
      if (!family.containsKey(other)) {
        new SoapJsonTranslator(models, other, quirks, ownCheck, family);
      }
    }
  }

  /** The dialect whose JSON this translator writes and reads. */
  public JsonDialect dialect() {
    return dialect;
  }

  /**
   * Whether this translation of {@code action}'s request (or response) is to be validated again,
   * against the receiver's contract ({@link OwnTranslationCheck}).
   */
  public boolean checksOwn(OcppAction action, boolean request) {
    return ownCheck.due(action, request);
  }

  /** The translator of the same family for another dialect (the same instance for its own). */
  public SoapJsonTranslator in(JsonDialect other) {
    return family.get(other);
  }

  /**
   * Recognises a charger-initiated request by its body element (namespace = version, local name
   * = operation), validates it and translates it to JSON.
   *
   * @throws OcppException a FormationViolation for an unknown namespace, NotImplemented for an
   *     unknown operation, or the violation code for an invalid payload
   */
  public ChargerRequest fromChargerRequest(Element payload) {
    return fromChargerRequest(payload, ChargerClock.UTC);
  }

  /** Same, reading offset-less timestamps with the charger's clock. */
  public ChargerRequest fromChargerRequest(Element payload, ChargerClock clock) {
    return fromChargerRequest(payload, clock, false);
  }

  /**
   * Same; a {@code lenient} charger's values longer than the XSD allows are passed on (nothing
   * is lost: the text is kept whole), logged and counted. Every other violation is refused.
   */
  public ChargerRequest fromChargerRequest(Element payload, ChargerClock clock, boolean lenient) {
    String ns = payload.getNamespaceURI();
    OcppVersion version = OcppVersion.ofCentralSystemNamespace(ns).orElseThrow(() ->
        OcppVersion.ofChargePointNamespace(ns).isPresent()
            ? new OcppException(OcppErrorCode.PROTOCOL_ERROR, "'" + payload.getLocalName()
                + "' belongs to the ChargePointService; this endpoint is the central system")
            : new OcppException(OcppErrorCode.FORMATION_VIOLATION,
                "body element {" + ns + "}" + payload.getLocalName()
                    + " is not an OCPP 1.2, 1.5 or 1.6 CentralSystemService message"));
    OcppAction action = OcppAction
        .ofRequestElement(payload.getLocalName(), version, Initiator.CHARGE_POINT)
        .orElseThrow(() -> new OcppException(OcppErrorCode.NOT_IMPLEMENTED,
            "unknown operation '" + payload.getLocalName() + "' in " + version));
    return new ChargerRequest(version, action,
        toJson(version, action, payload, true, clock, lenient));
  }

  /** The operation a charger-initiated request names, if any, before any validation. */
  public Optional<OcppAction> recogniseChargerRequest(Element payload) {
    return OcppVersion.ofCentralSystemNamespace(payload.getNamespaceURI()).flatMap(version ->
        OcppAction.ofRequestElement(payload.getLocalName(), version, Initiator.CHARGE_POINT));
  }

  /** The SOAP payload of the answer to a charger-initiated request, from the CALLRESULT. */
  public Element toChargerResponse(OcppVersion version, OcppAction action, String json) {
    return toChargerResponse(version, action, json, ChargerClock.UTC);
  }

  /** Same, writing timestamps as the charger's clock wants them. */
  public Element toChargerResponse(OcppVersion version, OcppAction action, String json,
      ChargerClock clock) {
    return toXml(version, action, json, false, clock);
  }

  /** Same, from the CALLRESULT payload already read. */
  public Element toChargerResponse(OcppVersion version, OcppAction action, JsonNode payload,
      ChargerClock clock) {
    return toXml(version, action, payload, false, clock);
  }

  /** The SOAP payload of a central-system-initiated request, from the CALL. */
  public Element toChargePointRequest(OcppVersion version, OcppAction action, String json) {
    return toChargePointRequest(version, action, json, ChargerClock.UTC);
  }

  /** Same, writing timestamps as the charger's clock wants them. */
  public Element toChargePointRequest(OcppVersion version, OcppAction action, String json,
      ChargerClock clock) {
    return toXml(version, action, json, true, clock);
  }

  /** Same, from the CALL payload already read. */
  public Element toChargePointRequest(OcppVersion version, OcppAction action, JsonNode payload,
      ChargerClock clock) {
    return toXml(version, action, payload, true, clock);
  }

  /** The CALLRESULT payload from the charger's SOAP answer to a central-system call. */
  public JsonNode fromChargePointResponse(OcppVersion version, OcppAction action,
      Element payload) {
    return fromChargePointResponse(version, action, payload, ChargerClock.UTC);
  }

  /** Same, reading offset-less timestamps with the charger's clock. */
  public JsonNode fromChargePointResponse(OcppVersion version, OcppAction action,
      Element payload, ChargerClock clock) {
    return toJson(version, action, payload, false, clock, false);
  }

  private JsonNode toJson(OcppVersion version, OcppAction action, Element payload,
      boolean request, ChargerClock clock, boolean lenient) {
    OcppSchemaModel model = models.get(version);
    String expected = request ? action.requestElement() : action.responseElement();
    if (!expected.equals(payload.getLocalName())
        || !model.namespaceOf(action).equals(payload.getNamespaceURI())) {
      throw new OcppException(OcppErrorCode.FORMATION_VIOLATION,
          "expected " + expected + " but found " + payload.getLocalName());
    }
    int qualified = QuirkNormalizer.unqualifyAttributes(payload, payload.getNamespaceURI());
    int emptyItems = QuirkNormalizer.dropEmptyListItems(payload, payload.getNamespaceURI());
    quirks.record(QuirkCounter.QUALIFIED_ATTRIBUTE, qualified);
    quirks.record(QuirkCounter.EMPTY_LIST_ITEM, emptyItems);
    if (qualified + emptyItems > 0) {
      LOG.debug("{}: accepted {} qualified attribute(s), {} empty list item(s)",
          action.wireName(), qualified, emptyItems);
    }
    Class<?> type = request ? model.requestType(action) : model.responseType(action);
    String what = action.wireName() + (request ? " request" : " response");
    PayloadValidation.validate(model, payload, lenient ? quirks : null, what);
    try {
      // the validated DOM written straight into the tree the relay sends (no JAXB object)
      ObjectNode tree = json.write(payload, type, clock);
      if (version == OcppVersion.V1_6 && ocpp16.touchesJson(action, request)) {
        ocpp16.toJson(action, tree);
      }
      return tree;
    } catch (OcppJson.UnwritableTimestamp e) {
      throw new OcppException(OcppErrorCode.TYPE_CONSTRAINT_VIOLATION, "invalid " + what + ": "
          + e.getMessage());
    } catch (IllegalArgumentException e) {
      // a value the schema accepted and the lexical rules do not: not seen, kept a violation
      throw new OcppException(OcppErrorCode.TYPE_CONSTRAINT_VIOLATION, "invalid " + what + ": "
          + e.getMessage());
    }
  }

  /**
   * Plans the JSON of every request and response of every version now, at start: a class the
   * plan cannot describe fails here, not on a message.
   */
  private static void prepareJson(Map<OcppVersion, OcppSchemaModel> models,
      DomJsonWriter json) {
    for (OcppSchemaModel model : models.values()) {
      for (Initiator initiator : Initiator.values()) {
        for (OcppAction action : OcppAction.all(model.version(), initiator)) {
          json.prepare(model.requestType(action));
          json.prepare(model.responseType(action));
        }
      }
    }
  }

  private Element toXml(OcppVersion version, OcppAction action, String json, boolean request,
      ChargerClock clock) {
    JsonNode tree;
    try {
      tree = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new OcppException(JsonViolation.codeFor(e), "invalid " + what(action, request) + ": "
          + JsonViolation.describe(e));
    }
    return toXml(version, action, tree, request, clock);
  }

  private Element toXml(OcppVersion version, OcppAction action, JsonNode tree, boolean request,
      ChargerClock clock) {
    OcppSchemaModel model = models.get(version);
    Class<?> type = request ? model.requestType(action) : model.responseType(action);
    String what = what(action, request);
    Object value;
    try {
      if (tree == null || !tree.isObject()) {
        throw new OcppException(OcppErrorCode.FORMATION_VIOLATION,
            what + " payload is not a JSON object");
      }
      if (version == OcppVersion.V1_6 && request) {
        ocpp16.checkToXml(action, tree);
      }
      required.check(tree, type);
      value = mapper.readerFor(type).withAttribute(ChargerClock.ATTRIBUTE, clock)
          .readValue(tree);
    } catch (OcppException e) {
      throw new OcppException(e.code(), "invalid " + what + ": " + e.description());
    } catch (JsonProcessingException e) {
      throw new OcppException(JsonViolation.codeFor(e), "invalid " + what + ": "
          + JsonViolation.describe(e));
    } catch (java.io.IOException e) {
      throw new OcppException(OcppErrorCode.FORMATION_VIOLATION, "invalid " + what);
    }
    QName name = new QName(model.namespaceOf(action),
        request ? action.requestElement() : action.responseElement());
    try {
      Document doc = documents.createDocument(null, null, null);
      Marshaller m = model.context(action).createMarshaller();
      ValidationFailure failure = new ValidationFailure();
      m.setEventHandler(failure);
      m.marshal(jaxbElement(name, type, value), doc);
      failure.throwIfAny(action, request, model);
      // validated after marshalling, with the thread's cached validator: a marshaller given the
      // schema would build a validator for every message
      if (ownCheck.due(action, request)) {
        PayloadValidation.validate(model, doc.getDocumentElement(), null, what);
      }
      return doc.getDocumentElement();
    } catch (JAXBException e) {
      throw invalidXml(action, request, e);
    }
  }

  private static String what(OcppAction action, boolean request) {
    return action.wireName() + (request ? " request" : " response");
  }

  private static DOMImplementation domImplementation() {
    try {
      return SecureXml.documentBuilderFactory().newDocumentBuilder().getDOMImplementation();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static JAXBElement<?> jaxbElement(QName name, Class<?> type, Object value) {
    return new JAXBElement(name, type, value);
  }

  private static OcppException invalidXml(OcppAction action, boolean request, JAXBException e) {
    Throwable cause = e.getLinkedException() != null ? e.getLinkedException() : e;
    String message = Optional.ofNullable(cause.getMessage()).orElse(e.toString());
    return new OcppException(SchemaViolation.codeFor(message), "invalid " + action.wireName()
        + (request ? " request" : " response") + ": " + message);
  }

  /**
   * Collects the first JAXB event of marshalling and stops there; a facet violation is followed
   * by the event that names its attribute, which is kept too. (SOAP payloads are validated by
   * {@link PayloadValidation}, leniency included, and written as JSON by {@link DomJsonWriter};
   * no JAXB is involved on that side; the tests' JAXB oracle of that side uses this too.)
   */
  static final class ValidationFailure implements jakarta.xml.bind.ValidationEventHandler {
    private ValidationEvent first;
    private ValidationEvent followUp;

    @Override
    public boolean handleEvent(ValidationEvent event) {
      if (first == null) {
        first = event;
        return PayloadValidation.isFacet(event.getMessage() == null ? "" : event.getMessage());
      }
      if (followUp == null) {
        followUp = event;
      }
      return false;
    }

    void throwIfAny(OcppAction action, boolean request, OcppSchemaModel model) {
      if (first != null) {
        throw ViolationReport.of(first, followUp,
            action.wireName() + (request ? " request" : " response"), model);
      }
    }
  }
}
