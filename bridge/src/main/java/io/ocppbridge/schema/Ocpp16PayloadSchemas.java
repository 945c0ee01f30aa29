package io.ocppbridge.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The OCPP 1.6 contracts of the upgrade profile: the schemas of {@code schemas-json/ocpp1.6/},
 * loaded once from the classpath, and the check of a 1.6 payload (a central system's CALL or
 * CALLRESULT, or what the profile is about to send) with the same error codes as
 * {@link PayloadSchemas}. Thread-safe; one instance serves the whole bridge.
 */
public final class Ocpp16PayloadSchemas {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_LISTED = 3;

  private final Map<String, Schema> byName;

  private Ocpp16PayloadSchemas(Map<String, Schema> byName) {
    this.byName = byName;
  }

  /** Loads every schema of the catalogue ({@link Ocpp16SchemaCatalog}) from the classpath. */
  public static Ocpp16PayloadSchemas load() {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
        builder -> builder.schemaRegistryConfig(
            SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    Map<String, Schema> schemas = new HashMap<>();
    for (String name : Ocpp16SchemaCatalog.schemas().keySet()) {
      schemas.put(name, registry.getSchema(read(name)));
    }
    return new Ocpp16PayloadSchemas(Map.copyOf(schemas));
  }

  /** True when OCPP 1.6 has this action (in either direction). */
  public boolean knows(String action) {
    return byName.containsKey(action) && !action.endsWith("Response");
  }

  /**
   * Checks a 1.6 payload.
   *
   * @param request true for a CALL's payload, false for a CALLRESULT's
   * @throws OcppException NotImplemented for an action 1.6 does not have, else the code of the
   *     first violation with up to three of them named
   */
  public void check(String action, boolean request, JsonNode payload) {
    Schema schema = knows(action) ? byName.get(request ? action : action + "Response") : null;
    if (schema == null) {
      throw new OcppException(OcppErrorCode.NOT_IMPLEMENTED,
          "OCPP 1.6 has no action '" + action + "'");
    }
    List<Error> errors = schema.validate(payload);
    if (errors.isEmpty()) {
      return;
    }
    String listed = errors.stream().limit(MAX_LISTED).map(PayloadSchemas::describe)
        .collect(Collectors.joining("; "));
    if (errors.size() > MAX_LISTED) {
      listed += "; and " + (errors.size() - MAX_LISTED) + " more";
    }
    throw new OcppException(PayloadSchemas.codeFor(errors.get(0)), listed);
  }

  private static JsonNode read(String name) {
    String resource = "schemas-json/" + Ocpp16SchemaCatalog.DIRECTORY + "/" + name + ".json";
    try (InputStream in =
        Ocpp16PayloadSchemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("JSON schema not on the classpath: " + resource);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }
}
