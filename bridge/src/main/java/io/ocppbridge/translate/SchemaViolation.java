package io.ocppbridge.translate;

import io.ocppbridge.core.OcppErrorCode;

/**
 * Names the OCPP error for an XML schema violation reported by the validator (Xerces message
 * keys, XML Schema 1.0 "cvc-" validation rules), following the codes ocppjs answered with for the
 * same defects, and matching {@code schema.PayloadSchemas} on the JSON side: a value outside its
 * type or enumeration is a TypeConstraintViolation, a missing element an
 * OccurenceConstraintViolation, an element the type does not have or a value too long a
 * PropertyConstraintViolation. JAXB's own "unexpected element" event (it comes first for a type
 * with no content at all) means the same as the validator's cvc-complex-type.2.4.
 */
final class SchemaViolation {

  private SchemaViolation() {}

  static OcppErrorCode codeFor(String validatorMessage) {
    String m = validatorMessage == null ? "" : validatorMessage;
    if (m.startsWith("cvc-complex-type.2.4.b")) {
      return OcppErrorCode.OCCURENCE_CONSTRAINT_VIOLATION;
    }
    if (m.startsWith("unexpected element") || m.startsWith("cvc-complex-type.2.4.a") || m.startsWith("cvc-complex-type.2.4.d")
        || m.startsWith("cvc-complex-type.3.2.2") || m.startsWith("cvc-complex-type.2.3")) {
      return OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION;
    }
    if (m.startsWith("cvc-elt.4.3")) {
      return OcppErrorCode.TYPE_CONSTRAINT_VIOLATION;
    }
    if (m.startsWith("cvc-type.3.1.1") || m.startsWith("cvc-complex-type.2.1")
        || m.startsWith("cvc-complex-type.2.2") || m.startsWith("cvc-type.3.1.2")) {
      // an attribute on a simple-typed element; text inside an element without content
      return OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION;
    }
    if (m.startsWith("cvc-maxLength-valid") || m.startsWith("cvc-minLength-valid")
        || m.startsWith("cvc-pattern-valid") || m.startsWith("cvc-minInclusive-valid")
        || m.startsWith("cvc-maxInclusive-valid")) {
      return OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION;
    }
    if (m.startsWith("cvc-enumeration-valid") || m.startsWith("cvc-datatype-valid")
        || m.startsWith("cvc-type.3.1.3") || m.startsWith("cvc-attribute.3")) {
      return OcppErrorCode.TYPE_CONSTRAINT_VIOLATION;
    }
    return OcppErrorCode.FORMATION_VIOLATION;
  }
}
