package io.ocppbridge.soap;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.apache.cxf.message.Message;

/**
 * The request's one parse: the reader CXF reads the request with, which checks the document as
 * it goes (its well-formedness, the envelope's shape) and, once CXF has read what it needs, reads
 * the rest to the end ({@link #finish}). A second parse of every request only to check it cost
 * about 2 % of the bridge's CPU.
 *
 * <p>The first problem found is kept, worded for the charger; {@link ReaderRelease} refuses the
 * request with it before the endpoint sees it, and {@link FaultNormalizer} puts it in place of
 * whatever CXF made of the same broken document (the refusal the charger gets is the one a
 * separate check would give).
 */
final class DocumentCheck extends StreamReaderDelegate {

  /** The in-message's key for the check of its document. */
  static final String KEY = DocumentCheck.class.getName();

  private final String encoding;
  private final EnvelopeShape shape = new EnvelopeShape();
  private String problem;
  private boolean unchecked;
  private boolean finished;

  /**
   * @param encoding the encoding the request is read in, as its Content-Type names it (null:
   *     as the document says), for the wording of an encoding error
   */
  DocumentCheck(XMLStreamReader reader, String encoding) {
    super(reader);
    this.encoding = encoding;
  }

  /** The check of the request's document, if the request is read through one. */
  static DocumentCheck of(Message in) {
    return in == null ? null : (DocumentCheck) in.get(KEY);
  }

  @Override
  public int next() throws XMLStreamException {
    try {
      return seen(super.next());
    } catch (XMLStreamException | RuntimeException e) {
      record(e);
      throw e;
    }
  }

  @Override
  public int nextTag() throws XMLStreamException {
    try {
      return seen(super.nextTag());
    } catch (XMLStreamException | RuntimeException e) {
      record(e);
      throw e;
    }
  }

  @Override
  public boolean hasNext() throws XMLStreamException {
    try {
      return super.hasNext();
    } catch (XMLStreamException | RuntimeException e) {
      record(e);
      throw e;
    }
  }

  @Override
  public String getElementText() throws XMLStreamException {
    try {
      String text = super.getElementText();
      shape.end(); // read to the element's end
      return text;
    } catch (XMLStreamException | RuntimeException e) {
      record(e);
      throw e;
    }
  }

  // text is parsed lazily: its errors surface when it is asked for

  @Override
  public String getText() {
    try {
      return super.getText();
    } catch (RuntimeException e) {
      record(e);
      throw e;
    }
  }

  @Override
  public char[] getTextCharacters() {
    try {
      return super.getTextCharacters();
    } catch (RuntimeException e) {
      record(e);
      throw e;
    }
  }

  @Override
  public int getTextCharacters(int sourceStart, char[] target, int targetStart, int length)
      throws XMLStreamException {
    try {
      return super.getTextCharacters(sourceStart, target, targetStart, length);
    } catch (XMLStreamException | RuntimeException e) {
      record(e);
      throw e;
    }
  }

  @Override
  public int getTextStart() {
    try {
      return super.getTextStart();
    } catch (RuntimeException e) {
      record(e);
      throw e;
    }
  }

  @Override
  public int getTextLength() {
    try {
      return super.getTextLength();
    } catch (RuntimeException e) {
      record(e);
      throw e;
    }
  }

  /**
   * Reads the document to its end, if it was not broken already, and releases the parser.
   * Returns what is wrong with the document, worded for the charger, or null. Idempotent.
   */
  String finish() {
    if (finished) {
      return problem;
    }
    finished = true;
    try {
      XMLStreamReader parent = getParent();
      while (problem == null && !unchecked && parent.hasNext()) {
        seen(parent.next());
      }
    } catch (XMLStreamException | RuntimeException e) {
      record(e);
    } finally {
      try {
        getParent().close();
      } catch (XMLStreamException | RuntimeException ignored) {
        // the request is read; a parser that does not close cleanly loses nothing
      }
    }
    if (problem == null && !unchecked) {
      problem = shape.problem();
    }
    return problem;
  }

  private int seen(int event) {
    if (event == XMLStreamConstants.START_ELEMENT) {
      shape.start(getParent().getNamespaceURI(), getParent().getLocalName());
    } else if (event == XMLStreamConstants.END_ELEMENT) {
      shape.end();
    } else if (event == XMLStreamConstants.DTD) {
      unchecked = true; // refused by CXF, which allows no DTD at all
    } else if (event == XMLStreamConstants.ENTITY_REFERENCE && problem == null && !unchecked) {
      // CXF's reader leaves entities unexpanded; without a DTD none but the predefined five
      // (always expanded) is defined
      problem = WellFormedInterceptor.undefinedEntity(getParent().getLocalName(),
          WellFormedInterceptor.where(getParent().getLocation()));
    }
    return event;
  }

  /** Keeps the first parse error, worded for the charger. */
  private void record(Exception e) {
    if (problem != null || unchecked) {
      return;
    }
    XMLStreamException parse = e instanceof XMLStreamException x ? x
        : e.getCause() instanceof XMLStreamException x ? x : null;
    if (parse != null) {
      problem = WellFormedInterceptor.describe(parse, encoding);
      if (problem == null) {
        unchecked = true; // a limit of CXF's, which names it
      }
    }
  }
}
