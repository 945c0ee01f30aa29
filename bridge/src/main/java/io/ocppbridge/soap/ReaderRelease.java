package io.ocppbridge.soap;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.staxutils.DepthXMLStreamReader;

/**
 * Finishes the request's document once CXF has read what it needs (its body is a DOM by then):
 * a document read through a {@link DocumentCheck} is read to its end, and refused as the
 * charger's FormationViolation if anything in it is wrong, before the endpoint sees it. Then the
 * request's XML reader is closed. CXF
 * leaves the reader of a request it hands to the endpoint open, wrapped, and the parser's
 * buffers with it; closed, they go back to the thread's pool for the next request's parse
 * (about 8 KB less allocated per request).
 */
final class ReaderRelease extends AbstractPhaseInterceptor<Message> {

  ReaderRelease() {
    super(Phase.PRE_INVOKE);
  }

  @Override
  public void handleMessage(Message message) {
    DocumentCheck check = DocumentCheck.of(message);
    if (check != null) {
      String problem = check.finish(); // releases the parser too
      if (problem != null) {
        throw WellFormedInterceptor.refused(problem);
      }
      return;
    }
    XMLStreamReader reader = message.getContent(XMLStreamReader.class);
    while (true) {
      if (reader instanceof DepthXMLStreamReader depth) {
        reader = depth.getReader();
      } else if (reader instanceof StreamReaderDelegate delegate) {
        reader = delegate.getParent();
      } else {
        break;
      }
    }
    if (reader != null) {
      try {
        reader.close();
      } catch (XMLStreamException ignored) {
        // the request is read; a reader that does not close cleanly loses nothing
      }
    }
  }
}
