package io.ocppbridge.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import io.ocppbridge.core.Initiator;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.testsupport.Reference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks the generated schemas against what ocppjs really sent and accepted: its JSON examples
 * ({@code ocppjs-json/.../*.example.json}) and its recorded OCPP-J frames
 * ({@code ocppjs-captures/orig/ocpp1.{2,5}-json-*}). Payloads that ocppjs answered with a
 * CALLRESULT must pass; payloads it answered with a schema error (occurrence, property, type or
 * formation violation) must fail. Other errors (ProtocolError for a long call id, unknown
 * actions) concern the frame, not the payload, and are not checked here.
 */
class GeneratedSchemasAcceptOcppjsPayloadsTest {

  /** The CALLERROR codes that ocppjs derived from a failed schema check of the payload. */
  private static final Set<String> SCHEMA_ERRORS = Set.of("OccurenceConstraintViolation",
      "PropertyConstraintViolation", "TypeConstraintViolation", "FormationViolation");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<OcppVersion, Map<String, Schema>> SCHEMAS =
      new EnumMap<>(OcppVersion.class);

  @BeforeAll
  static void loadGeneratedSchemas() {
    SchemaRegistry registry = PayloadSchemas.registry();
    JsonSchemaGenerator generator = new JsonSchemaGenerator();
    for (OcppVersion version : JsonSchemaGenerator.ocppjsVersions()) {
      Map<String, Schema> byFile = new HashMap<>();
      generator.schemas(version).forEach((file, schema) ->
          byFile.put(file, registry.getSchema(schema)));
      SCHEMAS.put(version, byFile);
    }
  }

  // Verifies that every ocppjs example payload passes the generated schema of its action.
  @TestFactory
  Stream<DynamicTest> ocppjsExamplesPass() throws IOException {
    // GIVEN the example payloads ocppjs documented for every action
    Path root = Reference.file("ocppjs-json");
    List<DynamicTest> tests = new ArrayList<>();
    for (OcppVersion version : JsonSchemaGenerator.ocppjsVersions()) {
      for (Initiator initiator : Initiator.values()) {
        for (OcppAction action : OcppAction.all(version, initiator)) {
          for (String part : List.of("request", "response")) {
            Path example = root.resolve(OcppjsSchemaComparisonTest
                .ocppjsFile(version, initiator, action, part).replace(".schema.", ".example."));
            String file = "request".equals(part)
                ? JsonSchemaGenerator.requestFile(action)
                : JsonSchemaGenerator.responseFile(action);
            // WHEN each is validated THEN it passes
            tests.add(dynamicTest(root.relativize(example).toString(),
                () -> assertValid(version, file, read(example), example)));
          }
        }
      }
    }
    return tests.stream();
  }

  // Verifies that the payloads of recorded CALL/CALLRESULT exchanges pass, and that the CALLs
  // ocppjs refused with a schema error fail.
  @TestFactory
  Stream<DynamicTest> recordedFramesAreJudgedAsOcppjsJudgedThem() throws IOException {
    // GIVEN the recorded OCPP-J calls and what ocppjs answered to them
    Path captures = Reference.file("ocppjs-captures/orig");
    List<DynamicTest> tests = new ArrayList<>();
    List<Path> calls;
    try (Stream<Path> files = Files.list(captures)) {
      calls = files
          .filter(p -> p.getFileName().toString().matches("ocpp1\\.[25]-json-.*\\.call\\.json"))
          .sorted().toList();
    }
    for (Path call : calls) {
      String label = call.getFileName().toString().replace(".call.json", "");
      Path result = captures.resolve(label + ".callresult.json");
      Path error = captures.resolve(label + ".callerror.json");
      OcppVersion version = label.startsWith("ocpp1.2") ? OcppVersion.V1_2 : OcppVersion.V1_5;
      Initiator initiator = label.contains("-json-cp-")
          ? Initiator.CHARGE_POINT : Initiator.CENTRAL_SYSTEM;
      JsonNode callFrame = read(call);
      OcppAction action = OcppAction.of(callFrame.get(2).asText(), version, initiator).orElse(null);
      if (action == null) {
        continue; // an action outside the catalogue (NotImplemented): no schema to judge with
      }
      // WHEN each payload is validated THEN it is judged as ocppjs judged it
      if (Files.exists(result)) {
        tests.add(dynamicTest(label + " CALL passes", () -> assertValid(version,
            JsonSchemaGenerator.requestFile(action), callFrame.get(3), call)));
        tests.add(dynamicTest(label + " CALLRESULT passes", () -> assertValid(version,
            JsonSchemaGenerator.responseFile(action), read(result).get(2), result)));
      } else if (Files.exists(error)
          && SCHEMA_ERRORS.contains(read(error).get(2).asText())) {
        String code = read(error).get(2).asText();
        tests.add(dynamicTest(label + " CALL fails (ocppjs: " + code + ")", () -> assertInvalid(
            version, JsonSchemaGenerator.requestFile(action), callFrame.get(3), call)));
      }
    }
    assertThat(tests).as("recorded frames found below %s", captures).hasSizeGreaterThan(50);
    return tests.stream();
  }

  // Verifies that the validator is configured to check formats (else date-time would pass
  // anything and the tests above would prove less).
  @Test
  void formatsAreAsserted() {
    // GIVEN a Heartbeat response whose currentTime is not a date-time
    ObjectNode payload = JSON.createObjectNode().put("currentTime", "yesterday");

    // WHEN it is validated
    List<Error> errors = SCHEMAS.get(OcppVersion.V1_5).get("HeartbeatResponse.json")
        .validate(payload);

    // THEN it is refused for its format
    assertThat(errors).extracting(Error::getKeyword).contains("format");
  }

  private static void assertValid(OcppVersion version, String file, JsonNode payload,
      Path source) {
    List<Error> errors = schema(version, file).validate(payload);
    assertThat(errors)
        .withFailMessage(() -> source.getFileName() + " does not pass "
            + JsonSchemaGenerator.directory(version) + "/" + file + ": " + errors
            + "\n  payload: " + payload)
        .isEmpty();
  }

  private static void assertInvalid(OcppVersion version, String file, JsonNode payload,
      Path source) {
    List<Error> errors = schema(version, file).validate(payload);
    assertThat(errors)
        .withFailMessage(() -> source.getFileName() + " passes "
            + JsonSchemaGenerator.directory(version) + "/" + file
            + " although ocppjs refused it\n  payload: " + payload)
        .isNotEmpty();
  }

  private static Schema schema(OcppVersion version, String file) {
    Schema schema = SCHEMAS.get(version).get(file);
    assertThat(schema).as("generated schema %s of %s", file, version).isNotNull();
    return schema;
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
