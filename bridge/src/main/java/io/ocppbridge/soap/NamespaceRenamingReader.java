package io.ocppbridge.soap;

import java.util.Iterator;
import javax.xml.namespace.NamespaceContext;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * Reads an XML stream with one namespace URI replaced by another everywhere it can be seen:
 * element and attribute names, namespace declarations and prefix look-ups. Names keep their
 * local part and prefix.
 */
final class NamespaceRenamingReader extends StreamReaderDelegate {

  private final String from;
  private final String to;

  NamespaceRenamingReader(XMLStreamReader reader, String from, String to) {
    super(reader);
    this.from = from;
    this.to = to;
  }

  private String map(String uri) {
    return from.equals(uri) ? to : uri;
  }

  private QName map(QName name) {
    return name == null || !from.equals(name.getNamespaceURI())
        ? name : new QName(to, name.getLocalPart(), name.getPrefix());
  }

  @Override
  public String getNamespaceURI() {
    return map(super.getNamespaceURI());
  }

  @Override
  public String getNamespaceURI(int index) {
    return map(super.getNamespaceURI(index));
  }

  @Override
  public String getNamespaceURI(String prefix) {
    return map(super.getNamespaceURI(prefix));
  }

  @Override
  public QName getName() {
    return map(super.getName());
  }

  @Override
  public String getAttributeNamespace(int index) {
    return map(super.getAttributeNamespace(index));
  }

  @Override
  public QName getAttributeName(int index) {
    return map(super.getAttributeName(index));
  }

  @Override
  public NamespaceContext getNamespaceContext() {
    NamespaceContext inner = super.getNamespaceContext();
    return new NamespaceContext() {
      @Override
      public String getNamespaceURI(String prefix) {
        return map(inner.getNamespaceURI(prefix));
      }

      @Override
      public String getPrefix(String uri) {
        return inner.getPrefix(to.equals(uri) ? from : uri);
      }

      @Override
      public Iterator<String> getPrefixes(String uri) {
        return inner.getPrefixes(to.equals(uri) ? from : uri);
      }
    };
  }
}
