package io.ocppbridge.translate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.ocppbridge.core.OcppErrorCode;
import java.util.stream.Collectors;

/** Names the OCPP error and the field for a JSON payload Jackson could not map. */
final class JsonViolation {

  private JsonViolation() {}

  static OcppErrorCode codeFor(JsonProcessingException e) {
    if (outOfRange(e)) {
      return OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION;
    }
    if (e instanceof UnrecognizedPropertyException) {
      return OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION;
    }
    if (e instanceof InvalidFormatException || e instanceof MismatchedInputException
        || e instanceof InputCoercionException) {
      return OcppErrorCode.TYPE_CONSTRAINT_VIOLATION;
    }
    return OcppErrorCode.FORMATION_VIOLATION;
  }

  static String describe(JsonProcessingException e) {
    if (outOfRange(e)) {
      String field = e instanceof JsonMappingException m && !m.getPath().isEmpty() ? path(m)
          : e instanceof InputCoercionException c && c.getProcessor() != null
              && c.getProcessor().getParsingContext() != null
              ? c.getProcessor().getParsingContext().getCurrentName() : null;
      return (field == null ? "a number" : "'" + field + "'")
          + " is outside the range of an XSD int";
    }
    if (e instanceof UnrecognizedPropertyException u) {
      return "unknown property '" + path(u) + "'";
    }
    if (e instanceof InvalidFormatException f) {
      return "'" + f.getValue() + "' is not a valid value for '" + path(f) + "'";
    }
    if (e instanceof MismatchedInputException m) {
      return "wrong type for '" + path(m) + "'";
    }
    return "not valid JSON";
  }

  /** A number too large for the int field (also when Jackson wraps the coercion failure). */
  private static boolean outOfRange(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InputCoercionException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return e.getMessage() != null && e.getMessage().contains("out of range of int");
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }
}
