package io.ocppbridge.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbridge.testsupport.Reference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The project's OCPP 2.0.1 schemas ({@code schemas-json/ocpp2.0.1/}): committed as
 * {@link Ocpp201SchemaCatalog} writes them, equivalent in every constraint to the official OCA
 * schemas of {@code ../shared/reference/ocpp201-json-schemas/} (whose shared types are reached by
 * {@code $ref}, resolved before comparing), and covering exactly the official operations the
 * profile does not refuse.
 */
class Ocpp201SchemasTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  // Verifies that the committed folder holds exactly what the catalogue writes.
  @Test
  void committedFilesAreTheCatalogue() throws IOException {
    // GIVEN the catalogue's files and the committed folder
    Path folder = SchemasUpToDateTest.committedFolder().resolve(Ocpp201SchemaCatalog.DIRECTORY);
    Map<String, String> expected = Ocpp201SchemaCatalog.files();
    List<String> committed;
    try (Stream<Path> files = Files.list(folder)) {
      committed = files.map(p -> p.getFileName().toString()).sorted().toList();
    }

    // WHEN / THEN each file is byte-identical, and none is extra or missing
    assertThat(committed).containsExactlyInAnyOrderElementsOf(expected.keySet());
    for (Map.Entry<String, String> file : expected.entrySet()) {
      assertThat(Files.readString(folder.resolve(file.getKey()), StandardCharsets.UTF_8))
          .as("%s (regenerate: java -cp bridge/target/ocpp-soap-bridge.jar"
              + " io.ocppbridge.schema.Ocpp201SchemaCatalog schemas-json)", file.getKey())
          .isEqualTo(file.getValue());
    }
  }

  // Verifies that each schema of the catalogue has the same properties, required lists, types,
  // enumerations, lengths, bounds and formats as the official one, at every depth.
  @Test
  void equivalentToTheOfficialSchemas() throws IOException {
    // GIVEN the official set and the catalogue
    Path official = Reference.file("ocpp201-json-schemas");
    Map<String, ObjectNode> ours = Ocpp201SchemaCatalog.schemas();

    // WHEN each of ours is compared with its official counterpart, references resolved
    List<String> differences = new ArrayList<>();
    for (Map.Entry<String, ObjectNode> schema : ours.entrySet()) {
      String name = schema.getKey();
      String file = name.endsWith("Response") ? name + ".json" : name + "Request.json";
      JsonNode theirs = JSON.readTree(official.resolve(file).toFile());
      JsonNode expected = Ocpp16SchemasTest.constraints(resolved(theirs, theirs));
      JsonNode actual = Ocpp16SchemasTest.constraints(schema.getValue());
      if (!expected.equals(actual)) {
        differences.add(name + ":\n    official " + expected + "\n    ours     " + actual);
      }
    }

    // THEN they are equal, file by file
    assertThat(differences).as(String.join("\n", differences)).isEmpty();
  }

  // Verifies that every official operation is either in the catalogue or refused by name, and
  // that the refused list names only official operations the catalogue lacks.
  @Test
  void everyOfficialOperationIsMappedOrRefused() throws IOException {
    // GIVEN the official operations (one request file each)
    Path official = Reference.file("ocpp201-json-schemas");
    List<String> operations;
    try (Stream<Path> files = Files.list(official)) {
      operations = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith("Request.json"))
          .map(n -> n.substring(0, n.length() - "Request.json".length())).sorted().toList();
    }
    assertThat(operations).hasSize(64);

    // WHEN / THEN the catalogue and the refused list split them without overlap
    List<String> covered = new ArrayList<>(Ocpp201SchemaCatalog.actions());
    covered.addAll(Ocpp201SchemaCatalog.REFUSED);
    assertThat(covered).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(operations);
  }

  // Verifies that the comparison itself sees a difference deep inside a shared type.
  @Test
  void reductionNoticesADeepDifference() {
    ObjectNode schema = Ocpp201SchemaCatalog.schemas().get("TransactionEvent").deepCopy();
    JsonNode before = Ocpp16SchemasTest.constraints(schema);
    ((ArrayNode) schema.at("/properties/idToken/properties/type/enum")).remove(0);

    assertThat(Ocpp16SchemasTest.constraints(schema)).isNotEqualTo(before);
  }

  /** The schema with every {@code #/definitions/...} reference replaced by its target. */
  static JsonNode resolved(JsonNode node, JsonNode root) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null) {
        String pointer = ref.asText().substring(1);
        return resolved(root.at(pointer), root);
      }
      ObjectNode copy = JSON.createObjectNode();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (!field.getKey().equals("definitions")) {
          copy.set(field.getKey(), resolved(field.getValue(), root));
        }
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JSON.createArrayNode();
      node.forEach(item -> copy.add(resolved(item, root)));
      return copy;
    }
    return node;
  }
}
