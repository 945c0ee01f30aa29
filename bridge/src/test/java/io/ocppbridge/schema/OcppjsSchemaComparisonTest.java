package io.ocppbridge.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbridge.core.Initiator;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.testsupport.Reference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compares every generated schema with the schema ocppjs published for the same payload
 * ({@code ocppjs-json/ocpp<ver>/<Service>/<Action>.<request|response>.schema.json} in the
 * reference folder): property names, required lists, types, enums, maxLength, formats,
 * array-ness. Only the differences listed in {@link Intended} — and in
 * {@code schemas-json/README.md} — are allowed.
 */
class OcppjsSchemaComparisonTest {

  /** The differences this project means to have; each says why in one line. */
  enum Intended {
    SCHEMA_ID("every schema names itself (urn:OCPP:<version>:<Type>) as the OCA's 1.6 schemas do;"
        + " ocppjs's have no id",
        d -> d.keyword().equals("id") && d.path().isEmpty() && d.theirs() == null),
    INTEGER_NOT_NUMBER("the SOAP side takes only whole numbers for xs:int, so a value like 2.5"
        + " must fail here; ocppjs's \"number\" let it through",
        d -> d.keyword().equals("type") && "integer".equals(text(d.ours()))
            && "number".equals(text(d.theirs()))),
    NO_ADDITIONAL_PROPERTIES("an unknown property is refused by the schema on every object;"
        + " ocppjs's schema files left all objects open",
        d -> d.keyword().equals("additionalProperties") && d.theirs() == null
            && d.ours() != null && d.ours().isBoolean() && !d.ours().booleanValue()),
    METER_VALUE_ATTRIBUTE_ENUMS("the attributes of the 1.5 MeterValue <value> are enumerations in"
        + " the XSD; ocppjs's hand-written item schema typed them as free strings",
        d -> d.version() == OcppVersion.V1_5 && d.keyword().equals("enum") && d.theirs() == null
            && d.path().matches(METER_VALUE + "\\.values\\[]\\."
                + "(context|format|measurand|location|unit)")),
    METER_VALUE_REQUIRED_BY_DEFAULT("the MeterValue's timestamp (and the 1.2 value) carry no"
        + " minOccurs, so the XSD default 1 makes them required; ocppjs only read an explicit"
        + " minOccurs=\"1\"",
        d -> d.keyword().equals("required") && d.path().matches(METER_VALUE)
            && addsOnly(d, Set.of("timestamp", "value")));

    final String reason;
    final Predicate<Difference> covers;

    Intended(String reason, Predicate<Difference> covers) {
      this.reason = reason;
      this.covers = covers;
    }
  }

  /** One place where ours and ocppjs's schema disagree; {@code null} stands for "absent". */
  record Difference(OcppVersion version, String file, String path, String keyword, JsonNode ours,
      JsonNode theirs) {

    @Override
    public String toString() {
      return file + " " + (path.isEmpty() ? "(root)" : path) + ": " + keyword
          + " ours=" + show(ours) + " ocppjs=" + show(theirs);
    }
  }

  /** Where a MeterValue sits: MeterValues.req values[], StopTransaction.req transactionData[]. */
  private static final String METER_VALUE = "(transactionData\\[]\\.)?values\\[]";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<OcppVersion, Map<String, ObjectNode>> GENERATED =
      new EnumMap<>(OcppVersion.class);

  @BeforeAll
  static void generate() {
    JsonSchemaGenerator generator = new JsonSchemaGenerator();
    for (OcppVersion version : JsonSchemaGenerator.ocppjsVersions()) {
      GENERATED.put(version, generator.schemas(version));
    }
  }

  // Verifies that the generated schemas differ from ocppjs's only in the documented ways.
  @Test
  void generatedSchemasDifferFromOcppjsOnlyAsDocumented() throws IOException {
    // GIVEN every payload schema of the catalogue, ours and ocppjs's
    Path ocppjs = Reference.file("ocppjs-json");

    // WHEN they are compared keyword by keyword
    List<Difference> differences = compareAll(ocppjs);

    // THEN every difference is an intended one
    List<String> unexplained = new ArrayList<>();
    StringBuilder report = new StringBuilder("Differences from the ocppjs schemas:\n");
    for (Difference d : differences) {
      Intended why = explain(d);
      report.append("  ").append(why == null ? "UNEXPLAINED" : why.name()).append("  ")
          .append(d).append('\n');
      if (why == null) {
        unexplained.add(d.toString());
      }
    }
    report.append("Intended differences (schemas-json/README.md):\n");
    for (Intended intended : Intended.values()) {
      long count = differences.stream().filter(intended.covers).count();
      report.append("  ").append(intended.name()).append(" (").append(count).append("): ")
          .append(intended.reason).append('\n');
    }
    System.out.print(report);
    assertThat(unexplained)
        .withFailMessage(() -> unexplained.size() + " difference(s) from ocppjs are not in the"
            + " list of intended differences (OcppjsSchemaComparisonTest.Intended and"
            + " schemas-json/README.md):\n  " + String.join("\n  ", unexplained))
        .isEmpty();
  }

  // Verifies that each documented difference still occurs, so that the list stays precise.
  @Test
  void everyIntendedDifferenceStillOccurs() throws IOException {
    // GIVEN the differences from the ocppjs schemas
    List<Difference> differences = compareAll(Reference.file("ocppjs-json"));

    // WHEN they are sorted by the intended difference that explains them
    EnumSet<Intended> seen = EnumSet.noneOf(Intended.class);
    differences.stream().map(OcppjsSchemaComparisonTest::explain)
        .filter(i -> i != null).forEach(seen::add);

    // THEN none of the documented differences is obsolete
    assertThat(EnumSet.complementOf(EnumSet.copyOf(seen)))
        .as("intended differences that no longer occur (remove them here and from the README)")
        .isEmpty();
  }

  // Verifies that schemas-json/README.md documents every intended difference, by its code.
  @Test
  void readmeListsEveryIntendedDifference() throws IOException {
    // GIVEN the README of the schemas folder
    String readme = Files.readString(SchemasUpToDateTest.committedFolder().resolve("README.md"));

    // WHEN / THEN each intended difference has a row in its table
    assertThat(Stream.of(Intended.values()).map(i -> "| `" + i.name() + "` |"))
        .allSatisfy(row -> assertThat(readme).contains(row));
  }

  // Verifies that ocppjs published no payload schema that the catalogue lacks, and vice versa.
  @Test
  void ocppjsAndTheCatalogueCoverTheSamePayloads() throws IOException {
    // GIVEN the ocppjs schema files
    Path ocppjs = Reference.file("ocppjs-json");
    Set<String> published = new TreeSet<>();
    try (Stream<Path> files = Files.walk(ocppjs)) {
      files.filter(p -> p.toString().endsWith(".schema.json"))
          .forEach(p -> published.add(ocppjs.relativize(p).toString().replace('\\', '/')));
    }

    // WHEN the catalogue's payloads are listed in the same form
    Set<String> expected = new TreeSet<>();
    for (OcppVersion version : JsonSchemaGenerator.ocppjsVersions()) {
      for (Initiator initiator : Initiator.values()) {
        for (OcppAction action : OcppAction.all(version, initiator)) {
          expected.add(ocppjsFile(version, initiator, action, "request"));
          expected.add(ocppjsFile(version, initiator, action, "response"));
        }
      }
    }

    // THEN both lists are the same
    assertThat(published).containsExactlyElementsOf(expected);
  }

  private static List<Difference> compareAll(Path ocppjs) throws IOException {
    List<Difference> differences = new ArrayList<>();
    for (OcppVersion version : JsonSchemaGenerator.ocppjsVersions()) {
      for (Initiator initiator : Initiator.values()) {
        for (OcppAction action : OcppAction.all(version, initiator)) {
          compareFile(ocppjs, version, initiator, action, "request",
              JsonSchemaGenerator.requestFile(action), differences);
          compareFile(ocppjs, version, initiator, action, "response",
              JsonSchemaGenerator.responseFile(action), differences);
        }
      }
    }
    return differences;
  }

  private static void compareFile(Path ocppjs, OcppVersion version, Initiator initiator,
      OcppAction action, String part, String ourFile, List<Difference> out) throws IOException {
    Path theirFile = ocppjs.resolve(ocppjsFile(version, initiator, action, part));
    assertThat(theirFile).as("ocppjs schema of %s %s", version, action).isRegularFile();
    JsonNode theirs = JSON.readTree(theirFile.toFile());
    JsonNode ours = GENERATED.get(version).get(ourFile);
    String label = JsonSchemaGenerator.directory(version) + "/" + ourFile
        + " vs " + ocppjs.relativize(theirFile);
    compare(version, label, "", ours, theirs, out);
  }

  /** Walks both schemas together; object properties and array items are followed. */
  private static void compare(OcppVersion version, String file, String path, JsonNode ours,
      JsonNode theirs, List<Difference> out) {
    Set<String> keywords = new LinkedHashSet<>();
    ours.fieldNames().forEachRemaining(keywords::add);
    theirs.fieldNames().forEachRemaining(keywords::add);
    for (String keyword : keywords) {
      JsonNode a = ours.get(keyword);
      JsonNode b = theirs.get(keyword);
      if (keyword.equals("properties") && a != null && b != null) {
        compareProperties(version, file, path, a, b, out);
      } else if (keyword.equals("items") && a != null && b != null) {
        compare(version, file, path + "[]", a, b, out);
      } else if (a == null || !a.equals(b)) {
        out.add(new Difference(version, file, path, keyword, a, b));
      }
    }
  }

  private static void compareProperties(OcppVersion version, String file, String path,
      JsonNode ours, JsonNode theirs, List<Difference> out) {
    Set<String> names = new LinkedHashSet<>();
    ours.fieldNames().forEachRemaining(names::add);
    theirs.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      String child = path.isEmpty() ? name : path + "." + name;
      JsonNode a = ours.get(name);
      JsonNode b = theirs.get(name);
      if (a != null && b != null) {
        compare(version, file, child, a, b, out);
      } else {
        out.add(new Difference(version, file, child, "property", a == null ? null : present(),
            b == null ? null : present()));
      }
    }
  }

  private static Intended explain(Difference d) {
    for (Intended intended : Intended.values()) {
      if (intended.covers.test(d)) {
        return intended;
      }
    }
    return null;
  }

  static String ocppjsFile(OcppVersion version, Initiator initiator, OcppAction action,
      String part) {
    String service = initiator == Initiator.CHARGE_POINT
        ? "CentralSystemService" : "ChargePointService";
    return version.subprotocol() + "/" + service + "/" + action.wireName() + "." + part
        + ".schema.json";
  }

  private static JsonNode present() {
    return JSON.getNodeFactory().textNode("(present)");
  }

  private static String text(JsonNode node) {
    return node == null ? null : node.asText();
  }

  private static String show(JsonNode node) {
    return node == null ? "(absent)" : node.toString();
  }

  /** Ours requires what ocppjs requires plus some of {@code extra}, in the same order. */
  private static boolean addsOnly(Difference d, Set<String> extra) {
    List<String> ours = strings(d.ours());
    List<String> theirs = strings(d.theirs());
    List<String> oursWithoutExtra = ours.stream().filter(n -> !extra.contains(n)).toList();
    return oursWithoutExtra.equals(theirs) && ours.size() > theirs.size();
  }

  private static List<String> strings(JsonNode array) {
    List<String> result = new ArrayList<>();
    if (array != null) {
      array.forEach(n -> result.add(n.asText()));
    }
    return result;
  }
}
