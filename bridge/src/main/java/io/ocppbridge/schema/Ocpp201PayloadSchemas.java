package io.ocppbridge.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OCPP 2.0.1 contracts of the 2.0.1 upgrade profile, by action name: the schemas of
 * {@code schemas-json/ocpp2.0.1/}, loaded once from the classpath, and the check of a 2.0.1
 * payload (a central system's CALL or CALLRESULT, or what the profile is about to send) with the
 * error codes of {@link PayloadSchemas}. Thread-safe; one instance serves the whole bridge.
 */
public final class Ocpp201PayloadSchemas {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Schema> byName;
  private final Set<String> refused;

  private Ocpp201PayloadSchemas(Map<String, Schema> byName) {
    this.byName = byName;
    this.refused = Set.copyOf(Ocpp201SchemaCatalog.REFUSED);
  }

  /** Loads every schema of the catalogue from the classpath. */
  public static Ocpp201PayloadSchemas load() {
    SchemaRegistry registry = PayloadSchemas.registry();
    Map<String, Schema> schemas = new HashMap<>();
    for (String action : Ocpp201SchemaCatalog.actions()) {
      for (String name : List.of(action, action + "Response")) {
        schemas.put(name, registry.getSchema(read(name)));
      }
    }
    return new Ocpp201PayloadSchemas(Map.copyOf(schemas));
  }

  /** True when the profile handles this 2.0.1 action (it has its schemas). */
  public boolean knows(String action) {
    return !action.endsWith("Response") && byName.containsKey(action);
  }

  /** True when OCPP 2.0.1 has this action but the profile refuses it (no 1.x counterpart). */
  public boolean refuses(String action) {
    return refused.contains(action);
  }

  /**
   * Checks a 2.0.1 payload.
   *
   * @param request true for a CALL's payload, false for a CALLRESULT's
   * @throws OcppException NotImplemented for an action the profile has no schema for, else the
   *     code of the first violation with up to three of them named
   */
  public void check(String action, boolean request, JsonNode payload) {
    Schema schema = knows(action) ? byName.get(request ? action : action + "Response") : null;
    if (schema == null) {
      throw new OcppException(OcppErrorCode.NOT_IMPLEMENTED,
          "the OCPP 2.0.1 profile has no action '" + action + "'");
    }
    List<Error> errors = schema.validate(payload);
    if (!errors.isEmpty()) {
      throw PayloadSchemas.violation(errors);
    }
  }

  private static JsonNode read(String name) {
    String resource = "schemas-json/" + Ocpp201SchemaCatalog.DIRECTORY + "/" + name + ".json";
    try (InputStream in = Ocpp201PayloadSchemas.class.getClassLoader()
        .getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("JSON schema not on the classpath: " + resource);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }
}
