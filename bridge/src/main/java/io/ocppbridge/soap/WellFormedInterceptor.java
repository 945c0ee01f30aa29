package io.ocppbridge.soap;

import io.ocppbridge.core.OcppVersion;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.io.DelegatingInputStream;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.staxutils.StaxUtils;
import org.codehaus.stax2.XMLInputFactory2;
import org.codehaus.stax2.io.Stax2ByteArraySource;

/**
 * Reads the request body and sees that the whole document is checked before the endpoint gets
 * it: CXF reads a body lazily and stops at the operation element, so a document cut short, a
 * second Body, a second root, trailing garbage or a broken encoding at the end would otherwise be
 * relayed. Refused as the charger's FormationViolation, with a reason naming the problem:
 * <ul>
 *   <li>the document is well-formed XML in its declared encoding (Content-Type charset, else
 *       the XML declaration or byte order mark), without undefined entities, nothing after the
 *       root;
 *   <li>a SOAP envelope has exactly one Body (and at most one Header), and its Body at most one
 *       element.
 * </ul>
 * A document with a DTD is left to CXF, which refuses every DTD; one that is no SOAP envelope is
 * left to CXF too (VersionMismatch). The body was bounded by {@code soap.maxMessageSize} before
 * this reads it.
 *
 * <p>A document the parser reads in the encoding its Content-Type names (nearly all) is parsed
 * once: CXF reads it through a {@link DocumentCheck}, which checks it on the way and to its end
 * before the endpoint is invoked. Any other is checked here in full, then read by CXF.
 */
final class WellFormedInterceptor extends AbstractPhaseInterceptor<Message> {

  private static final XMLInputFactory XML = factory();

  WellFormedInterceptor() {
    super(Phase.RECEIVE);
    addAfter(RequestSizeInterceptor.class.getName());
  }

  @Override
  public void handleMessage(Message message) {
    InputStream in = message.getContent(InputStream.class);
    if (in == null) {
      return;
    }
    byte[] body;
    try {
      body = read(in, RequestSizeInterceptor.contentLength(message));
    } catch (IOException e) {
      throw refused(e.getMessage() != null && e.getMessage().contains("soap.maxMessageSize")
          ? e.getMessage() : "the request body could not be read");
    }
    message.setContent(InputStream.class, new ByteArrayInputStream(body));
    // all of it is read: nothing is left that CXF would copy aside when it writes the answer
    message.removeContent(DelegatingInputStream.class);
    if (blank(body)) {
      throw refused("the request body is empty; a SOAP envelope was expected");
    }
    boolean declared = declaredCharset(message);
    String encoding = declared ? (String) message.get(Message.ENCODING) : null;
    boolean inPlace = XML instanceof XMLInputFactory2 && readsAsDeclared(body, encoding);
    if (inPlace && readThroughCheck(message, body, declared, encoding)) {
      return;
    }
    Verdict verdict = check(body, encoding, inPlace);
    if (verdict.problem() != null) {
      throw refused(verdict.problem());
    }
    if (!declared && verdict.encoding() != null) {
      // no charset in the Content-Type: the document's own (BOM, declaration) holds, as for
      // any XML; CXF would read it as UTF-8
      message.put(Message.ENCODING, verdict.encoding());
    }
  }

  /**
   * Gives CXF its reader over the bytes in place (CXF would copy them into a buffer of its
   * reader's), with CXF's limits, checking the document as CXF reads it ({@link DocumentCheck}):
   * one parse per request. False when the parser cannot even start (a broken declaration): the
   * full check then names the problem.
   */
  private static boolean readThroughCheck(Message message, byte[] body, boolean declared,
      String encoding) {
    XMLStreamReader reader;
    try {
      reader = XmlLimits.apply(StaxUtils.createXMLStreamReader(
          new Stax2ByteArraySource(body, 0, body.length)));
    } catch (XMLStreamException | RuntimeException e) {
      return false;
    }
    if (!declared) {
      // no charset in the Content-Type: the document's own (BOM, declaration) holds, as for
      // any XML; CXF would read it as UTF-8
      String found = reader.getEncoding() != null ? reader.getEncoding()
          : reader.getCharacterEncodingScheme();
      if (found != null) {
        message.put(Message.ENCODING, found);
      }
    }
    DocumentCheck check = new DocumentCheck(reader, encoding);
    message.put(DocumentCheck.KEY, check);
    // CXF's StaxInInterceptor takes a reader it finds
    message.setContent(XMLStreamReader.class, check);
    return true;
  }

  /**
   * The whole body, into an array of its declared length when it has one (the size was bounded
   * before), else read to its end.
   */
  private static byte[] read(InputStream in, Long declared) throws IOException {
    if (declared == null || declared < 0 || declared > Integer.MAX_VALUE - 8) {
      return in.readAllBytes();
    }
    byte[] body = new byte[declared.intValue()];
    int n = in.readNBytes(body, 0, body.length);
    int next = in.read(); // the end, when the framing held its word
    if (n == body.length && next < 0) {
      return body;
    }
    ByteArrayOutputStream whole = new ByteArrayOutputStream(n + 1024);
    whole.write(body, 0, n);
    if (next >= 0) {
      whole.write(next);
      in.transferTo(whole);
    }
    return whole.toByteArray();
  }

  /** What is wrong with a document (null: nothing, or CXF will tell), and its encoding. */
  record Verdict(String problem, String encoding) {}

  /**
   * Checks a whole document read in {@code encoding} (null: as it declares itself), parsed in
   * place when {@code inPlace} ({@link #readsAsDeclared} said the parser finds that encoding).
   */
  static Verdict check(byte[] body, String encoding, boolean inPlace) {
    XMLStreamReader reader = null;
    try {
      reader = inPlace
          // parsed in place: no copy of the body into a buffer of the parser's
          ? XML.createXMLStreamReader(new Stax2ByteArraySource(body, 0, body.length))
          : XML.createXMLStreamReader(new ByteArrayInputStream(body), encoding);
      EnvelopeShape shape = new EnvelopeShape();
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.DTD) {
          return new Verdict(null, null); // refused by CXF, which allows no DTD at all
        }
        if (event == XMLStreamConstants.START_ELEMENT) {
          shape.start(reader.getNamespaceURI(), reader.getLocalName());
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          shape.end();
        }
      }
      String found = reader.getEncoding() != null ? reader.getEncoding()
          : reader.getCharacterEncodingScheme();
      return new Verdict(shape.problem(), found);
    } catch (XMLStreamException e) {
      return new Verdict(describe(e, encoding), null);
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException ignored) {
          // nothing held
        }
      }
    }
  }

  /**
   * Whether the parser, left to find the encoding from the document itself, reads it in
   * {@code encoding}: always without a charset from the Content-Type; with UTF-8 named there,
   * when the document has no byte order mark of another encoding and declares UTF-8 or nothing.
   */
  static boolean readsAsDeclared(byte[] body, String encoding) {
    if (encoding == null) {
      return true;
    }
    if (!"utf-8".equalsIgnoreCase(encoding) && !"utf8".equalsIgnoreCase(encoding)) {
      return false;
    }
    int start = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB
        && (body[2] & 0xFF) == 0xBF ? 3 : 0;
    if (body.length - start < 5 || body[start] != '<' || body[start + 1] != '?'
        || body[start + 2] != 'x' || body[start + 3] != 'm' || body[start + 4] != 'l') {
      // no declaration: UTF-8 unless the first bytes say UTF-16 or 32 (a '<' first is neither)
      return body.length > start && body[start] == '<';
    }
    int end = Math.min(body.length, start + DECLARATION_SCAN);
    String declaration = new String(body, start, end - start, StandardCharsets.ISO_8859_1);
    int close = declaration.indexOf("?>");
    if (close < 0) {
      return false;
    }
    Matcher named = DECLARED_ENCODING.matcher(declaration.substring(0, close));
    return !named.find() || "utf-8".equalsIgnoreCase(named.group(2))
        || "utf8".equalsIgnoreCase(named.group(2));
  }

  /** How far into the document its XML declaration is looked for. */
  private static final int DECLARATION_SCAN = 256;
  private static final Pattern DECLARED_ENCODING =
      Pattern.compile("encoding\\s*=\\s*(['\"])([^'\"]*)\\1");

  /** A parser's complaint as a reason for the charger: the problem and where, no internals. */
  static String describe(XMLStreamException e, String encoding) {
    String text = e.getMessage() == null ? "" : e.getMessage();
    int newline = text.indexOf('\n');
    String first = (newline >= 0 ? text.substring(0, newline) : text).trim();
    String lower = first.toLowerCase(Locale.ROOT);
    String where = where(e.getLocation());
    if (e.getNestedException() instanceof CharConversionException
        || e.getCause() instanceof CharConversionException
        || lower.contains("invalid utf") || lower.contains("byte") && lower.contains("invalid")) {
      return "the request is not valid " + (encoding == null ? "UTF-8" : encoding.toUpperCase(
          Locale.ROOT)) + where + "; send it in the encoding its Content-Type names";
    }
    if (lower.contains("limit") && lower.contains("exceeded")) {
      return null; // CXF's own, tighter limits (XmlLimits) refuse it, naming the limit
    }
    if (lower.contains("eof") || lower.contains("end of input")) {
      return "the request ends before its XML is complete" + where;
    }
    if (lower.contains("epilog") || lower.contains("multiple roots")) {
      return "the request has content after the end of its SOAP envelope" + where;
    }
    if (lower.contains("undeclared") && lower.contains("entity")) {
      int quote = first.indexOf('"');
      int end = quote < 0 ? -1 : first.indexOf('"', quote + 1);
      return undefinedEntity(end > quote ? first.substring(quote + 1, end) : null, where);
    }
    return "the request is not well-formed XML" + where + ": " + plain(first);
  }

  /** Where in the request a problem is, as the charger is told it ("" when unknown). */
  static String where(Location at) {
    return at == null || at.getLineNumber() < 0 ? ""
        : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")";
  }

  /** The refusal's reason for an entity nobody defined ({@code name} null: unknown). */
  static String undefinedEntity(String name, String where) {
    return "the request uses an undefined entity" + (name == null ? "" : " '" + name + "'")
        + where;
  }

  /** A parser's sentence without its location suffix or anything looking like a class name. */
  private static String plain(String text) {
    String cleaned = text.replaceAll("\\s*at \\[row,col[^]]*\\]:?\\s*\\[[0-9,]+\\]", "")
        .replaceAll("\\b([a-z]+\\.)+[A-Z]\\w*(Exception|Error)\\b:?", "").trim();
    return cleaned.isEmpty() ? "malformed" : cleaned;
  }

  private static boolean blank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  private static boolean declaredCharset(Message message) {
    Object type = message.get(Message.CONTENT_TYPE);
    return type != null && type.toString().toLowerCase(Locale.ROOT).contains("charset=");
  }

  static SoapFault refused(String reason) {
    // the version is settled from the Content-Type by the FaultNormalizer
    SoapFault fault = new SoapFault(reason, Soap12.getInstance().getSender());
    fault.setSubCodes(List.of(new QName(OcppVersion.V1_5.centralSystemNamespace(),
        "FormationViolation", "tns")));
    return fault;
  }

  private static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, false);
    return factory;
  }
}
