package io.ocppbridge.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import io.ocppbridge.schema.PayloadSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The official OCPP 1.6 JSON schemas of {@code ../shared/reference/ocpp16-json-schemas/}, as the
 * strict judge of every 1.6 payload the bridge produces. Loading skips the test when the
 * reference folder is absent.
 */
public final class Official16Schemas {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Schema> byName;

  private Official16Schemas(Map<String, Schema> byName) {
    this.byName = byName;
  }

  /** Loads every schema (a skipped test without the reference folder). */
  public static Official16Schemas load() {
    Path dir = Reference.file("ocpp16-json-schemas");
    SchemaRegistry registry = PayloadSchemas.registry();
    Map<String, Schema> schemas = new HashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        schemas.put(f.getFileName().toString().replace(".json", ""),
            registry.getSchema(JSON.readTree(f.toFile())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Official16Schemas(Map.copyOf(schemas));
  }

  /**
   * The violations of a payload against a schema.
   *
   * @param schemaName the file's name without {@code .json}: {@code Reset} for the CALL,
   *     {@code ResetResponse} for its CALLRESULT
   * @throws IllegalArgumentException when OCPP 1.6 has no such schema
   */
  public List<Error> validate(String schemaName, JsonNode payload) {
    Schema schema = byName.get(schemaName);
    if (schema == null) {
      throw new IllegalArgumentException("OCPP 1.6 has no schema " + schemaName);
    }
    return schema.validate(payload);
  }
}
