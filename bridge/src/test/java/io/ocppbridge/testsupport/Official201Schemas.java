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
 * The official OCPP 2.0.1 JSON schemas of {@code ../shared/reference/ocpp201-json-schemas/}, as
 * the strict judge of every 2.0.1 payload the bridge produces. Loading skips the test when the
 * reference folder is absent.
 */
public final class Official201Schemas {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Schema> byName;

  private Official201Schemas(Map<String, Schema> byName) {
    this.byName = byName;
  }

  /** Loads every schema (a skipped test without the reference folder). */
  public static Official201Schemas load() {
    Path dir = Reference.file("ocpp201-json-schemas");
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
    return new Official201Schemas(Map.copyOf(schemas));
  }

  /** True when OCPP 2.0.1 has this action. */
  public boolean knows(String action) {
    return byName.containsKey(action + "Request");
  }

  /**
   * The violations of a payload.
   *
   * @param request true for the CALL's payload ({@code <Action>Request.json}), false for the
   *     CALLRESULT's ({@code <Action>Response.json})
   * @throws IllegalArgumentException when OCPP 2.0.1 has no such action
   */
  public List<Error> validate(String action, boolean request, JsonNode payload) {
    Schema schema = byName.get(action + (request ? "Request" : "Response"));
    if (schema == null) {
      throw new IllegalArgumentException("OCPP 2.0.1 has no action " + action);
    }
    return schema.validate(payload);
  }
}
