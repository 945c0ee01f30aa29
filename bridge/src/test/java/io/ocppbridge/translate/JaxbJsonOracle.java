package io.ocppbridge.translate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.core.QuirkCounter;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import java.io.IOException;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * The translation of a SOAP payload to JSON as the bridge did it before {@link DomJsonWriter}:
 * JAXB unmarshals the validated DOM into the generated object, the dialect's mapper writes that
 * object into a token buffer and reads it back as a tree. Kept for the tests only, as the oracle
 * the direct writer is compared with ({@link DomJsonWriterDifferentialTest}).
 */
final class JaxbJsonOracle {

  private final ObjectMapper mapper;
  private final QuirkCounter quirks = new QuirkCounter();
  private final Ocpp16WireDifferences ocpp16 = new Ocpp16WireDifferences(quirks);

  /** An oracle writing the JSON of {@code mapper}'s dialect. */
  JaxbJsonOracle(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * The whole of the former {@code SoapJsonTranslator.toJson}: name check, quirk repairs, XSD
   * validation, JAXB, Jackson, the 1.6 wire differences.
   */
  JsonNode toJson(OcppSchemaModel model, OcppAction action, Element payload, boolean request,
      ChargerClock clock) {
    String expected = request ? action.requestElement() : action.responseElement();
    if (!expected.equals(payload.getLocalName())
        || !model.namespaceOf(action).equals(payload.getNamespaceURI())) {
      throw new OcppException(OcppErrorCode.FORMATION_VIOLATION,
          "expected " + expected + " but found " + payload.getLocalName());
    }
    QuirkNormalizer.unqualifyAttributes(payload, payload.getNamespaceURI());
    QuirkNormalizer.dropEmptyListItems(payload, payload.getNamespaceURI());
    String what = action.wireName() + (request ? " request" : " response");
    PayloadValidation.validate(model, payload, null, what);
    JsonNode tree = validatedToJson(model, action, payload, request, clock);
    if (model.version() == OcppVersion.V1_6 && ocpp16.touchesJson(action, request)) {
      ocpp16.toJson(action, (ObjectNode) tree);
    }
    return tree;
  }

  /** Steps 3 and 4 only (JAXB, then Jackson), on a payload already repaired and validated. */
  JsonNode validatedToJson(OcppSchemaModel model, OcppAction action, Element payload,
      boolean request, ChargerClock clock) {
    Class<?> type = request ? model.requestType(action) : model.responseType(action);
    Object value;
    SoapJsonTranslator.ValidationFailure failure = new SoapJsonTranslator.ValidationFailure();
    try {
      Unmarshaller u = model.context(action).createUnmarshaller();
      u.setEventHandler(failure);
      value = u.unmarshal(payload, type).getValue();
      failure.throwIfAny(action, request, model);
    } catch (JAXBException e) {
      failure.throwIfAny(action, request, model);
      Throwable cause = e.getLinkedException() != null ? e.getLinkedException() : e;
      String message = Optional.ofNullable(cause.getMessage()).orElse(e.toString());
      throw new OcppException(SchemaViolation.codeFor(message), "invalid " + action.wireName()
          + (request ? " request" : " response") + ": " + message);
    }
    try {
      TokenBuffer tokens = new TokenBuffer(mapper, false);
      mapper.writer().withAttribute(ChargerClock.ATTRIBUTE, clock).writeValue(tokens, value);
      try (JsonParser parser = tokens.asParser()) {
        return mapper.readTree(parser);
      }
    } catch (JsonProcessingException e) {
      throw new OcppException(OcppErrorCode.TYPE_CONSTRAINT_VIOLATION, "invalid "
          + action.wireName() + (request ? " request" : " response") + ": "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw new OcppException(OcppErrorCode.INTERNAL_ERROR, "the bridge could not translate "
          + action.wireName() + (request ? " request" : " response") + " to JSON");
    }
  }
}
