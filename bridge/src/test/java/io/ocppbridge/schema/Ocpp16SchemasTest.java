package io.ocppbridge.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.testsupport.Reference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The project's OCPP 1.6 schemas ({@code schemas-json/ocpp1.6/}): generated from the 1.6 WSDLs
 * with the three differences of {@link Ocpp16JsonContract} (committed as generated:
 * {@link SchemasUpToDateTest}), and equivalent in every constraint to the official OCA schemas
 * of {@code ../shared/reference/ocpp16-json-schemas/}.
 */
class Ocpp16SchemasTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The keywords that constrain a payload; ids, titles and descriptions do not. */
  private static final List<String> CONSTRAINTS = List.of("type", "properties", "required",
      "additionalProperties", "items", "enum", "maxLength", "minLength", "format", "minItems",
      "maxItems", "multipleOf", "minimum", "maximum", "pattern");

  // Verifies that the committed 1.6 folder holds the generated files and nothing else.
  @Test
  void committedFilesAreGenerated() throws IOException {
    // GIVEN the generated 1.6 files and the committed folder
    Path folder = SchemasUpToDateTest.committedFolder()
        .resolve(JsonSchemaGenerator.directory(OcppVersion.V1_6));
    Map<String, ObjectNode> expected = ours();
    List<String> committed;
    try (Stream<Path> files = Files.list(folder)) {
      committed = files.map(p -> p.getFileName().toString()).sorted().toList();
    }

    // WHEN / THEN each file is byte-identical, and none is extra or missing
    assertThat(committed).containsExactlyInAnyOrderElementsOf(
        expected.keySet().stream().map(name -> name + ".json").toList());
    for (Map.Entry<String, ObjectNode> file : expected.entrySet()) {
      assertThat(Files.readString(folder.resolve(file.getKey() + ".json"),
          StandardCharsets.UTF_8))
          .as("%s.json (regenerate: java -cp bridge/target/ocpp-soap-bridge.jar"
              + " io.ocppbridge.schema.JsonSchemaGenerator schemas-json)", file.getKey())
          .isEqualTo(SchemaText.of(file.getValue()));
    }
  }

  /** The generated 1.6 schemas by payload name ({@code BootNotificationResponse}). */
  private static Map<String, ObjectNode> ours() {
    Map<String, ObjectNode> byName = new java.util.LinkedHashMap<>();
    new JsonSchemaGenerator().schemas(OcppVersion.V1_6)
        .forEach((file, schema) -> byName.put(file.replace(".json", ""), schema));
    return byName;
  }

  // Verifies that every official 1.6 schema has a counterpart with the same properties, required
  // lists, types, enumerations, lengths and formats, at every depth.
  @Test
  void equivalentToTheOfficialSchemas() throws IOException {
    // GIVEN the official set (56 files) and the generated one
    Path official = Reference.file("ocpp16-json-schemas");
    Map<String, ObjectNode> ours = ours();
    List<Path> files;
    try (Stream<Path> list = Files.list(official)) {
      files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).hasSize(56);

    // WHEN both are reduced to their constraints
    List<String> differences = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString().replace(".json", "");
      JsonNode theirs = constraints(JSON.readTree(file.toFile()));
      JsonNode mine = ours.containsKey(name) ? constraints(ours.get(name)) : null;
      if (!theirs.equals(mine)) {
        differences.add(name + ":\n    official " + theirs + "\n    ours     " + mine);
      }
    }

    // THEN they are equal, file by file, and the generated set has nothing more
    assertThat(differences).as(String.join("\n", differences)).isEmpty();
    assertThat(ours).hasSize(files.size());
  }

  // Verifies that the reduction itself sees a difference (an enum value missing).
  @Test
  void reductionNoticesAMissingEnumValue() throws IOException {
    ObjectNode schema = ours().get("ResetResponse").deepCopy();
    JsonNode before = constraints(schema);
    ((ArrayNode) schema.at("/properties/status/enum")).remove(1);

    assertThat(constraints(schema)).isNotEqualTo(before);
  }

  /**
   * The constraint keywords only; {@code required} and {@code enum} as sorted sets, and
   * {@code additionalProperties} only where it means something (on objects).
   */
  static JsonNode constraints(JsonNode schema) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (String keyword : CONSTRAINTS) {
      JsonNode value = schema.get(keyword);
      if (value == null) {
        continue;
      }
      switch (keyword) {
        case "properties" -> {
          ObjectNode props = out.putObject("properties");
          for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            props.set(name, constraints(value.get(name)));
          }
        }
        case "items" -> out.set("items", constraints(value));
        case "required", "enum" -> {
          ArrayNode sorted = out.putArray(keyword);
          new TreeSet<String>(JSON.convertValue(value, List.class)).forEach(sorted::add);
        }
        case "additionalProperties" -> {
          if ("object".equals(schema.path("type").asText())) {
            out.set(keyword, value);
          }
        }
        case "multipleOf" -> out.put(keyword, value.decimalValue().stripTrailingZeros().toString());
        default -> out.set(keyword, value);
      }
    }
    return out;
  }
}
