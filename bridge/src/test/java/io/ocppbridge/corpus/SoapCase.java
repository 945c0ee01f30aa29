package io.ocppbridge.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One bad request of the SOAP corpus: a file under {@code corpus/soap/<group>/} whose first line
 * states the expected fault and whose remaining lines are what is sent.
 *
 * <p>The first line is an XML comment of {@code key=value} pairs (values with spaces in double
 * quotes):
 * <ul>
 *   <li>{@code code} — the OCPP error code expected as the fault's subcode (SOAP 1.1: the
 *       {@code errorCode} detail), or {@code none} for a fault of the SOAP layer without one;
 *   <li>{@code reason} — text the fault's reason must contain (the offending field);
 *   <li>{@code fault} — the SOAP 1.2 fault code: {@code Sender} (default), {@code Receiver} or
 *       {@code VersionMismatch}; a SOAP 1.1 answer must carry {@code Client}, {@code Server} or
 *       {@code VersionMismatch};
 *   <li>{@code soap} — {@code 1.2} (default) or {@code 1.1}: envelope and content type sent, and
 *       the SOAP version the fault must come in;
 *   <li>{@code ns} — namespace of the OCPP code; default the CentralSystemService namespace of
 *       the group's OCPP version;
 *   <li>{@code bug} — the id of a known bridge defect that makes this case fail (see the test).
 * </ul>
 *
 * <p>In the groups {@code ocpp1.5} and {@code ocpp1.2} the rest of the file is the SOAP body
 * element, which the test wraps in an envelope with a {@code chargeBoxIdentity} header. In the
 * group {@code envelope} it is the whole HTTP body, with {@code {id}} standing for the identity.
 */
record SoapCase(String group, String name, Map<String, String> expect, String content) {

  static final String CS15 = "urn://Ocpp/Cs/2012/06/";
  static final String CS12 = "urn://Ocpp/Cs/2010/08/";
  static final List<String> GROUPS = List.of("envelope", "ocpp1.5", "ocpp1.2");

  private static final Pattern HEADER = Pattern.compile("^<!--(.*)-->\\s*$");
  private static final Pattern PAIR = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)");
  private static final Pattern OPERATION =
      Pattern.compile("<(?:[\\w.-]+:)?([a-z]\\w*)Request[\\s/>]");

  /** Every case of every group, in file-name order. */
  static List<SoapCase> all() {
    return GROUPS.stream().flatMap(SoapCase::group).toList();
  }

  private static Stream<SoapCase> group(String group) {
    Path dir = resource("corpus/soap/" + group);
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".xml")).sorted()
          .map(p -> read(group, p)).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SoapCase read(String group, Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int newline = text.indexOf('\n');
    String name = file.getFileName().toString().replaceFirst("\\.xml$", "");
    Matcher header = HEADER.matcher(newline < 0 ? text : text.substring(0, newline));
    if (newline < 0 || !header.matches()) {
      throw new IllegalArgumentException(file + ": the first line must be <!-- key=value ... -->");
    }
    Map<String, String> expect = new HashMap<>();
    Matcher pair = PAIR.matcher(header.group(1));
    while (pair.find()) {
      expect.put(pair.group(1), pair.group(2).replaceAll("^\"|\"$", ""));
    }
    for (String required : List.of("code", "reason")) {
      if (!expect.containsKey(required)) {
        throw new IllegalArgumentException(file + ": the header names no " + required);
      }
    }
    String content = text.substring(newline + 1);
    // Files end with a newline; what is sent ends where the XML does.
    return new SoapCase(group, name, Map.copyOf(expect), content.stripTrailing());
  }

  static Path resource(String name) {
    URL url = SoapCase.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new IllegalStateException("test resource missing: " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  String soapVersion() {
    return expect.getOrDefault("soap", "1.2");
  }

  String ocppCode() {
    return expect.get("code");
  }

  String reasonFragment() {
    return expect.get("reason");
  }

  String faultCode() {
    return expect.getOrDefault("fault", "Sender");
  }

  String bug() {
    return expect.get("bug");
  }

  /** The OCPP version of the body: the group's, or for envelope cases the namespace used. */
  String ocppVersion() {
    if (!group.equals("envelope")) {
      return group.substring("ocpp".length());
    }
    return content.contains(CS12) ? "1.2" : "1.5";
  }

  String codeNamespace() {
    return expect.getOrDefault("ns", ocppVersion().equals("1.2") ? CS12 : CS15);
  }

  /** The operation the body names ({@code startTransaction}), or null when none is readable. */
  String operation() {
    Matcher m = OPERATION.matcher(content);
    return m.find() ? m.group(1) : null;
  }

  /** A charger identity of its own for this case, readable in the logs. */
  String identity() {
    return ("S" + ocppVersion().replace(".", "") + "-" + name).replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  /** The HTTP body to send. */
  String request() {
    return group.equals("envelope") ? content.replace("{id}", identity())
        : Envelopes.wrap(soapVersion(), ocppVersion(), identity(), content);
  }

  @Override
  public String toString() {
    return group + "/" + name;
  }
}
