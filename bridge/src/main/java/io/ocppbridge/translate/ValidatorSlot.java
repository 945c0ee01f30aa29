package io.ocppbridge.translate;

import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * One thread's validator of a schema, configured once. Its error handler stays installed for
 * good and passes each violation on to the handler of the validation at hand: changing any
 * setting of a Xerces validator (the error handler included, or a {@code reset()}) makes its
 * next validation rebuild the whole component configuration, which under load cost as much as
 * the validation itself. Not thread-safe: one per thread.
 */
final class ValidatorSlot {

  private final Validator validator;
  private final Switch handler = new Switch();

  ValidatorSlot(Schema schema) {
    this.validator = schema.newValidator();
    this.validator.setErrorHandler(handler);
  }

  Validator validator() {
    return validator;
  }

  /** Errors go to {@code target} until {@link #release()}. */
  void direct(ErrorHandler target) {
    handler.target = target;
  }

  void release() {
    handler.target = null;
  }

  /** Passes every event to the current target; without one, a violation stops validation. */
  private static final class Switch implements ErrorHandler {
    private ErrorHandler target;

    @Override
    public void warning(SAXParseException e) throws SAXException {
      if (target != null) {
        target.warning(e);
      }
    }

    @Override
    public void error(SAXParseException e) throws SAXException {
      if (target == null) {
        throw e;
      }
      target.error(e);
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      if (target == null) {
        throw e;
      }
      target.fatalError(e);
    }
  }
}
