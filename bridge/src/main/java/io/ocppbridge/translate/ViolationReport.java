package io.ocppbridge.translate;

import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import jakarta.xml.bind.ValidationEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Turns the first validation event of a SOAP payload into the OCPP error and a description that
 * names the field, for the party that has to fix it:
 * <ul>
 *   <li>JAXB's own conversion errors ("Not a number: one", a bad date-time) come before the
 *       validator's and name only the value: they are TypeConstraintViolations of the element
 *       being read;
 *   <li>"invalid content ... one of {X} is expected" means an unknown element (Property...), an
 *       element out of order (Property...), or a required element missing before a known one
 *       (Occurence...): the element's siblings and the XSD's element names tell which.
 * </ul>
 */
final class ViolationReport {

  private static final Pattern FOUND = Pattern.compile("starting with element '([^']*)'");
  private static final Pattern EXPECTED = Pattern.compile("One of '\\{([^}]*)\\}' is expected");

  private ViolationReport() {}

  private static final Pattern ATTRIBUTE = Pattern.compile("of attribute '([^']*)'");

  /**
   * @param followUp the validator's next event, which for a facet violation names the attribute
   *     ("cvc-attribute.3: The value ... of attribute 'unit' on element 'value'"), or null
   */
  static OcppException of(ValidationEvent event, ValidationEvent followUp, String what,
      Set<String> knownElements) {
    String message = clean(event.getMessage());
    Node node = event.getLocator() == null ? null : event.getLocator().getNode();
    String field = path(node);
    String attribute = followUp == null ? null : match(ATTRIBUTE, clean(followUp.getMessage()));
    if (attribute != null) {
      field = (field == null ? "" : field + ".") + "@" + attribute;
    }
    String where = field == null ? "" : field + ": ";
    if (message.startsWith("cvc-complex-type.2.4.a")) {
      return contentProblem(message, node, what, knownElements);
    }
    if (message.startsWith("unexpected element")) {
      return contentProblem(jaxbAsValidatorText(message), node, what, knownElements);
    }
    if (!message.startsWith("cvc-") && !message.startsWith("unexpected element")) {
      return new OcppException(OcppErrorCode.TYPE_CONSTRAINT_VIOLATION, "invalid " + what
          + ": " + (field == null ? "" : field + ": ") + "'" + text(node, message)
          + "' is not a valid value (" + message + ")");
    }
    return new OcppException(SchemaViolation.codeFor(message),
        "invalid " + what + ": " + where + message);
  }

  private static OcppException contentProblem(String message, Node node, String what,
      Set<String> knownElements) {
    String foundRaw = match(FOUND, message);
    String found = localName(foundRaw);
    boolean foundInNoNamespace = foundRaw != null && !foundRaw.contains("\"");
    List<String> expected = new ArrayList<>();
    String list = match(EXPECTED, message);
    if (list != null) {
      for (String item : list.split(",")) {
        expected.add(localName(item.trim()));
      }
    }
    String where = path(node == null ? null : node.getParentNode());
    String in = where == null ? "" : " in " + where;
    if (found != null && (!knownElements.contains(found) || foundInNoNamespace)) {
      return new OcppException(OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "invalid " + what
          + ": unknown element '" + found + "'" + in + " (" + message + ")");
    }
    if (node != null && followingSiblingNamed(node, expected)) {
      return new OcppException(OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "invalid " + what
          + ": element '" + found + "'" + in + " is out of order (" + message + ")");
    }
    return new OcppException(OcppErrorCode.OCCURENCE_CONSTRAINT_VIOLATION, "invalid " + what
        + ": required element " + String.join(" or ", expected) + " is missing" + in
        + " (" + message + ")");
  }

  /**
   * JAXB's "unexpected element (uri:"U", local:"X"). Expected elements are <{U}Y>,<{U}Z>" in the
   * validator's words, so one reading serves both.
   */
  private static String jaxbAsValidatorText(String message) {
    Matcher found = Pattern.compile("uri:\"([^\"]*)\", local:\"([^\"]*)\"").matcher(message);
    String element = found.find()
        ? (found.group(1).isEmpty() ? found.group(2) : "\"" + found.group(1) + "\":" + found.group(2))
        : "?";
    List<String> expected = new ArrayList<>();
    Matcher each = Pattern.compile("<\\{([^}]*)\\}([^>]*)>").matcher(message);
    while (each.find()) {
      expected.add("\"" + each.group(1) + "\":" + each.group(2));
    }
    return "cvc-complex-type.2.4.a: Invalid content was found starting with element '" + element
        + "'. One of '{" + String.join(", ", expected) + "}' is expected. (" + message + ")";
  }

  private static boolean followingSiblingNamed(Node node, List<String> names) {
    for (Node n = node.getNextSibling(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && names.contains(e.getLocalName())) {
        return true;
      }
    }
    return false;
  }

  /** "values[1].value" style path of an element below the payload root; null when unknown. */
  static String path(Node node) {
    if (!(node instanceof Element)) {
      if (node instanceof org.w3c.dom.Attr attr) {
        String owner = path(attr.getOwnerElement());
        return (owner == null ? "" : owner + ".") + "@" + attr.getLocalName();
      }
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (Node n = node; n instanceof Element e && n.getParentNode() instanceof Element;
        n = n.getParentNode()) {
      parts.add(0, e.getLocalName());
    }
    return parts.isEmpty() ? null : String.join(".", parts);
  }

  private static String text(Node node, String fallback) {
    return node == null ? fallback : node.getTextContent();
  }

  private static String match(Pattern p, String s) {
    Matcher m = p.matcher(s);
    return m.find() ? m.group(1) : null;
  }

  private static String localName(String qualified) {
    if (qualified == null) {
      return null;
    }
    String s = qualified.replaceAll("^\"[^\"]*\":", "");
    int colon = s.lastIndexOf(':');
    return colon >= 0 ? s.substring(colon + 1) : s;
  }

  /** Validator and JAXB texts may carry control characters (even NUL); keep printable ones. */
  static String clean(String message) {
    if (message == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(message.length());
    message.codePoints().forEach(c -> {
      if (c >= 0x20 || c == '\t') {
        sb.appendCodePoint(c);
      }
    });
    return sb.toString();
  }
}
