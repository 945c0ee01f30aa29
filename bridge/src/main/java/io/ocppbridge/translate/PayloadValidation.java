package io.ocppbridge.translate;

import io.ocppbridge.core.OcppException;
import io.ocppbridge.core.QuirkCounter;
import java.io.IOException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates a SOAP payload against the WSDL schema before anything reads it, with the DOM node
 * of every violation at hand (the validator's current element), so that the error can name the
 * field and tell a missing element from an unknown, repeated or misplaced one.
 */
final class PayloadValidation {

  private static final Logger LOG = LoggerFactory.getLogger(PayloadValidation.class);
  /** Xerces: the element being validated, during a callback of a DOM validation. */
  private static final String CURRENT_NODE =
      "http://apache.org/xml/properties/dom/current-element-node";

  private PayloadValidation() {}

  /**
   * @param lenientQuirks non-null for a lenient charger: length violations are counted and
   *     passed over
   * @throws OcppException for the first violation
   */
  static void validate(OcppSchemaModel model, Element payload, QuirkCounter lenientQuirks,
      String what) {
    ValidatorSlot slot = model.validator();
    Collector collector = new Collector(slot.validator(), lenientQuirks);
    slot.direct(collector);
    try {
      slot.validator().validate(new DOMSource(payload));
    } catch (SAXException stop) {
      // the collector stops at the first violation (after its follow-up)
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } finally {
      slot.release();
    }
    if (collector.first != null) {
      throw ViolationReport.of(collector.first, collector.node, collector.followUp, what, model);
    }
  }

  /** A facet violation, which Xerces follows with a message naming the element or attribute. */
  static boolean isFacet(String message) {
    return message.startsWith("cvc-enumeration-valid") || message.startsWith("cvc-maxLength")
        || message.startsWith("cvc-minLength") || message.startsWith("cvc-pattern-valid")
        || message.startsWith("cvc-datatype-valid") || message.startsWith("cvc-minInclusive")
        || message.startsWith("cvc-maxInclusive");
  }

  /** Keeps the first violation, its node, and the follow-up that names its attribute. */
  private static final class Collector implements ErrorHandler {
    private final Validator validator;
    private final QuirkCounter lenientQuirks;
    private String first;
    private Node node;
    private String followUp;
    private boolean lengthFollowUpDue;

    Collector(Validator validator, QuirkCounter lenientQuirks) {
      this.validator = validator;
      this.lenientQuirks = lenientQuirks;
    }

    @Override
    public void warning(SAXParseException e) {
      // warnings are not violations
    }

    @Override
    public void error(SAXParseException e) throws SAXException {
      String message = e.getMessage() == null ? "" : e.getMessage();
      if (lenientQuirks != null && first == null) {
        if (message.startsWith("cvc-maxLength-valid")) {
          lenientQuirks.record(QuirkCounter.LENIENT_LENGTH);
          LOG.warn("accepted for a lenient charger: {}", message);
          lengthFollowUpDue = true;
          return;
        }
        if (lengthFollowUpDue && (message.startsWith("cvc-type.3.1.3")
            || message.startsWith("cvc-attribute.3"))) {
          lengthFollowUpDue = false;
          return;
        }
      }
      if (first == null) {
        first = message;
        node = currentNode();
        if (isFacet(message)) {
          return; // the next error names the element or attribute
        }
        throw e;
      }
      if (followUp == null) {
        followUp = message;
      }
      throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      error(e);
    }

    private Node currentNode() {
      try {
        return (Node) validator.getProperty(CURRENT_NODE);
      } catch (SAXException | ClassCastException e) {
        return null;
      }
    }
  }
}
