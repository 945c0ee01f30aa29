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
      OcppSchemaModel model) {
    return of(event.getMessage(), event.getLocator() == null ? null : event.getLocator().getNode(),
        followUp == null ? null : followUp.getMessage(), what, model);
  }

  /**
   * @param node the element being validated when the violation was found (the validator's
   *     current element), or null
   */
  static OcppException of(String rawMessage, Node node, String followUpMessage, String what,
      OcppSchemaModel model) {
    Set<String> knownElements = model.elementNames();
    String message = clean(rawMessage);
    String field = path(node);
    String attribute = followUpMessage == null ? null
        : match(ATTRIBUTE, clean(followUpMessage));
    if (attribute != null) {
      field = (field == null ? "" : field + ".") + "@" + attribute;
    }
    String where = field == null ? "" : field + ": ";
    if (message.startsWith("cvc-complex-type.2.4.a")) {
      return contentProblem(message, node, what, model);
    }
    if (message.startsWith("unexpected element")) {
      return contentProblem(jaxbAsValidatorText(message), node, what, model);
    }
    if (!message.startsWith("cvc-") && !message.startsWith("unexpected element")) {
      return new OcppException(OcppErrorCode.TYPE_CONSTRAINT_VIOLATION, "invalid " + what
          + ": " + (field == null ? "" : field + ": ") + "'" + text(node, message)
          + "' is not a valid value (" + message + ")");
    }
    boolean noChildrenAllowed = message.startsWith("cvc-complex-type.2.1")
        || message.startsWith("cvc-complex-type.2.2") || message.startsWith("cvc-type.3.1.2");
    return new OcppException(SchemaViolation.codeFor(message), "invalid " + what + ": " + where
        + (noChildrenAllowed ? childNames(node) : "") + message);
  }

  private static OcppException contentProblem(String message, Node node, String what,
      OcppSchemaModel model) {
    Set<String> knownElements = model.elementNames();
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
    String foundNs = namespace(foundRaw);
    boolean foreign = foundNs != null && list != null && !list.contains("\"" + foundNs + "\"");
    if (found != null && (!knownElements.contains(found) || foundInNoNamespace || foreign)) {
      return new OcppException(OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "invalid " + what
          + ": unknown element '" + found + "'" + in + " (" + message + ")");
    }
    Element container = node instanceof Element e
        ? (e.getLocalName().equals(found) && e.getParentNode() instanceof Element p ? p : e)
        : null;
    List<XsdSequences.Child> children = container == null ? null
        : model.sequences().childrenAt(pathFromRoot(container));
    if (children != null && found != null) {
      return bySequence(children, container, found, message, what, in);
    }
    if (container != null) {
      if (countChildren(container, found) > 1) {
        return new OcppException(OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "invalid " + what
            + ": element '" + found + "'" + in + " appears more than once (" + message + ")");
      }
      if (anyChildNamed(container, expected)) {
        return new OcppException(OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "invalid " + what
            + ": element '" + found + "'" + in + " is not allowed here (out of order, or not"
            + " part of this message in this OCPP version) (" + message + ")");
      }
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

  private static boolean anyChildNamed(Element parent, List<String> names) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && names.contains(e.getLocalName())) {
        return true;
      }
    }
    return false;
  }

  /**
   * With the container's sequence at hand: unknown to it, repeated, out of order, or standing
   * where a required element is missing.
   */
  private static OcppException bySequence(List<XsdSequences.Child> children, Element container,
      String found, String message, String what, String in) {
    List<String> names = children.stream().map(XsdSequences.Child::name).toList();
    int index = names.indexOf(found);
    if (index < 0) {
      return new OcppException(OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "invalid " + what
          + ": element '" + found + "'" + in + " is not part of this message (" + message + ")");
    }
    if (countChildren(container, found) > 1) {
      return new OcppException(OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "invalid " + what
          + ": element '" + found + "'" + in + " appears more than once (" + message + ")");
    }
    java.util.Set<String> present = new java.util.HashSet<>();
    for (Node n = container.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        if (e.getLocalName().equals(found)) {
          break;
        }
        present.add(e.getLocalName());
        if (names.indexOf(e.getLocalName()) > index) {
          return new OcppException(OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "invalid "
              + what + ": element '" + found + "'" + in + " is out of order: it belongs before '"
              + e.getLocalName() + "' (" + message + ")");
        }
      }
    }
    java.util.Set<String> anywhere = new java.util.HashSet<>();
    for (Node n = container.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        anywhere.add(e.getLocalName());
      }
    }
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < index; i++) {
      XsdSequences.Child c = children.get(i);
      if (c.required() && !present.contains(c.name())) {
        if (anywhere.contains(c.name())) {
          return new OcppException(OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "invalid "
              + what + ": element '" + found + "'" + in + " is out of order: it belongs after '"
              + c.name() + "' (" + message + ")");
        }
        missing.add(c.name());
      }
    }
    if (missing.isEmpty()) {
      return new OcppException(OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "invalid " + what
          + ": element '" + found + "'" + in + " is not allowed here (" + message + ")");
    }
    return new OcppException(OcppErrorCode.OCCURENCE_CONSTRAINT_VIOLATION, "invalid " + what
        + ": required element " + String.join(", ", missing) + " is missing" + in + " ("
        + message + ")");
  }

  /** Local names from the payload's root down to {@code element}. */
  private static List<String> pathFromRoot(Element element) {
    List<String> names = new ArrayList<>();
    for (Node n = element; n instanceof Element e; n = n.getParentNode()) {
      names.add(0, e.getLocalName());
      if (!(n.getParentNode() instanceof Element p)
          || !java.util.Objects.equals(p.getNamespaceURI(), e.getNamespaceURI())) {
        break;
      }
    }
    return names;
  }

  private static int countChildren(Element parent, String name) {
    int count = 0;
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getLocalName().equals(name)) {
        count++;
      }
    }
    return count;
  }

  /** The names of an element's child elements, for a content that allows none. */
  private static String childNames(Node node) {
    List<String> names = new ArrayList<>();
    if (node instanceof Element e) {
      for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element child) {
          names.add("'" + child.getLocalName() + "'");
        }
      }
    }
    return names.isEmpty() ? "" : "element " + String.join(", ", names) + " not allowed: ";
  }

  /** The namespace of a validator-written name ({@code {"urn:x":name}}), or null. */
  private static String namespace(String raw) {
    if (raw == null) {
      return null;
    }
    Matcher m = Pattern.compile("\"([^\"]*)\":").matcher(raw);
    return m.find() ? m.group(1) : null;
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
    // up to (not including) the payload's root: the last ancestor in the same namespace
    List<String> parts = new ArrayList<>();
    for (Node n = node; n instanceof Element e && n.getParentNode() instanceof Element p
        && java.util.Objects.equals(p.getNamespaceURI(), e.getNamespaceURI());
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
    String s = qualified.replace("{", "").replace("}", "").replaceAll("^\"[^\"]*\":", "");
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
