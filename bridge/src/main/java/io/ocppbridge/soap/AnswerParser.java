package io.ocppbridge.soap;

import io.ocppbridge.translate.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Parses charger answers with one hardened DOM parser per thread ({@link SecureXml}'s settings:
 * no DOCTYPE, no external entities, secure-processing limits), reset before each use. A parser
 * of its own for every answer cost more than the parse itself; the threads that read answers
 * are the callback client's few own threads, so the cache stays small and warm.
 */
final class AnswerParser {

  private static final DocumentBuilderFactory FACTORY = factory();
  private static final ThreadLocal<DocumentBuilder> BUILDER =
      ThreadLocal.withInitial(AnswerParser::newBuilder);

  private AnswerParser() {}

  /** The document in {@code bytes}; the parser's own error output is off. */
  static Document parse(byte[] bytes) throws SAXException, IOException {
    DocumentBuilder builder = BUILDER.get();
    // reset also restores the error handler of its creation: silenced again every time
    builder.reset();
    builder.setErrorHandler(null);
    return builder.parse(new ByteArrayInputStream(bytes));
  }

  /**
   * SecureXml's settings, and the tree built at once: the deferred tree Xerces builds by default
   * reserves tables sized for large documents, for an answer of a few hundred bytes.
   */
  private static DocumentBuilderFactory factory() {
    DocumentBuilderFactory factory = SecureXml.documentBuilderFactory();
    try {
      factory.setFeature("http://apache.org/xml/features/dom/defer-node-expansion", false);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
    return factory;
  }

  private static DocumentBuilder newBuilder() {
    try {
      synchronized (FACTORY) {
        return FACTORY.newDocumentBuilder();
      }
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }
}
