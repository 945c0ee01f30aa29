package io.ocppbridge.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.ocppbridge.core.Initiator;
import io.ocppbridge.core.JsonDialect;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.translate.OcppJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The contracts of the OCPP-J side: the schemas of {@code schemas-json/}, loaded once from the
 * classpath, and the check of a payload against the schema of its action and direction. A
 * violation becomes the OCPP error the other side can act on, naming the field:
 * <ul>
 *   <li>a missing required property: OccurenceConstraintViolation;
 *   <li>a property the schema does not have: PropertyConstraintViolation;
 *   <li>a value of the wrong JSON type, or outside its enumeration (as ocppjs answered):
 *       TypeConstraintViolation;
 *   <li>a value too long, a malformed date-time or URI, too few items, a decimal with more
 *       places than allowed (1.6 {@code multipleOf 0.1}): PropertyConstraintViolation.
 * </ul>
 * Thread-safe; one instance serves the whole bridge.
 */
public final class PayloadSchemas {

  /** Reads payloads as the frame codec does (exact decimals): a tree read here is sent as is. */
  private static final ObjectMapper PAYLOADS = OcppJson.frameMapper();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_LISTED = 3;

  private final JsonDialect dialect;
  private final Map<OcppVersion, Map<String, Schema>> schemas;
  /** Every dialect's schemas, this one included; filled while loading only. */
  private final Map<JsonDialect, PayloadSchemas> family;

  private PayloadSchemas(JsonDialect dialect, Map<OcppVersion, Map<String, Schema>> schemas,
      Map<JsonDialect, PayloadSchemas> family) {
    this.dialect = dialect;
    this.schemas = schemas;
    this.family = family;
    family.put(dialect, this);
  }

  /**
   * Loads the schema of every action of the catalogue, both directions, every version, in every
   * {@link JsonDialect}; the one returned checks the ocppjs dialect of the version folders, the
   * others are reached with {@link #in}.
   */
  public static PayloadSchemas load() {
    SchemaRegistry registry = registry();
    Map<JsonDialect, PayloadSchemas> family = new EnumMap<>(JsonDialect.class);
    JsonDialect folders = JsonSchemaGenerator.FOLDER_DIALECT;
    List<JsonDialect> order = java.util.stream.Stream.concat(java.util.stream.Stream.of(folders),
        java.util.Arrays.stream(JsonDialect.values()).filter(d -> d != folders)).toList();
    for (JsonDialect dialect : order) {
      PayloadSchemas base = family.get(folders);
      Map<OcppVersion, Map<String, Schema>> all = new EnumMap<>(OcppVersion.class);
      for (OcppVersion version : OcppVersion.values()) {
        Map<String, Schema> byName = new HashMap<>();
        for (Initiator initiator : Initiator.values()) {
          for (OcppAction action : OcppAction.all(version, initiator)) {
            for (String name : List.of(action.wireName(), action.wireName() + "Response")) {
              byName.computeIfAbsent(name, n -> base == null || hasOwn(version, dialect, n)
                  ? registry.getSchema(read(version, dialect, n)) : base.schema(version, n));
            }
          }
        }
        all.put(version, Map.copyOf(byName));
      }
      new PayloadSchemas(dialect, Map.copyOf(all), family);
    }
    return family.get(JsonSchemaGenerator.FOLDER_DIALECT);
  }

  /** The schemas of another dialect (the same instance for its own). */
  public PayloadSchemas in(JsonDialect other) {
    return family.get(other);
  }

  /** The dialect whose payloads these schemas check. */
  public JsonDialect dialect() {
    return dialect;
  }

  /** The draft-04 registry every OCPP schema is read with, formats asserted. */
  public static SchemaRegistry registry() {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
        builder -> builder.schemaRegistryConfig(
            SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
  }

  /** The schema of a payload by its name ({@code Reset}, {@code ResetResponse}), or null. */
  Schema schema(OcppVersion version, String name) {
    return schemas.get(version).get(name);
  }

  /**
   * Checks a payload.
   *
   * @param request true for a CALL's payload, false for a CALLRESULT's
   * @throws OcppException with the code of the first violation and up to three of them named
   */
  public void check(OcppVersion version, OcppAction action, boolean request, JsonNode payload) {
    check(version, action, request, payload, Set.of());
  }

  /** The keywords a lenient charger may violate: lengths (its text is passed on whole). */
  public static final Set<String> LENGTHS = Set.of("maxLength");

  /** Same, passing over violations of the given keywords. */
  public void check(OcppVersion version, OcppAction action, boolean request, JsonNode payload,
      Set<String> ignoredKeywords) {
    String name = request ? action.wireName() : action.wireName() + "Response";
    Schema schema = schemas.get(version).get(name);
    List<Error> errors = schema.validate(payload).stream()
        .filter(e -> !ignoredKeywords.contains(e.getKeyword())).toList();
    if (!errors.isEmpty()) {
      throw violation(errors);
    }
  }

  /** The error for a payload's violations: the first one's code, up to three of them named. */
  static OcppException violation(List<Error> errors) {
    String listed = errors.stream().limit(MAX_LISTED).map(PayloadSchemas::describe)
        .collect(Collectors.joining("; "));
    if (errors.size() > MAX_LISTED) {
      listed += "; and " + (errors.size() - MAX_LISTED) + " more";
    }
    return new OcppException(codeFor(errors.get(0)), listed);
  }

  /** Same, for JSON text; text that is not a JSON object is a FormationViolation. */
  public void check(OcppVersion version, OcppAction action, boolean request, String payload) {
    check(version, action, request, payload, Set.of());
  }

  /** Same, for JSON text, passing over violations of the given keywords. */
  public void check(OcppVersion version, OcppAction action, boolean request, String payload,
      Set<String> ignoredKeywords) {
    check(version, action, request, object(payload), ignoredKeywords);
  }

  /**
   * Reads a payload given as text (numbers as the frame codec reads them: a decimal stays
   * exact).
   *
   * @throws OcppException FormationViolation for text that is not a JSON object
   */
  private static JsonNode object(String payload) {
    JsonNode tree;
    try {
      tree = PAYLOADS.readTree(payload);
    } catch (IOException e) {
      throw new OcppException(OcppErrorCode.FORMATION_VIOLATION, "the payload is not JSON");
    }
    if (tree == null || !tree.isObject()) {
      throw new OcppException(OcppErrorCode.FORMATION_VIOLATION,
          "the payload is not a JSON object");
    }
    return tree;
  }

  static OcppErrorCode codeFor(Error error) {
    String keyword = error.getKeyword() == null ? "" : error.getKeyword();
    return switch (keyword) {
      case "required" -> OcppErrorCode.OCCURENCE_CONSTRAINT_VIOLATION;
      case "type", "enum" -> OcppErrorCode.TYPE_CONSTRAINT_VIOLATION;
      case "additionalProperties", "maxLength", "minLength", "format", "minItems", "maxItems",
          "minimum", "maximum", "pattern", "multipleOf" ->
          OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION;
      default -> OcppErrorCode.FORMATION_VIOLATION;
    };
  }

  /** "values[0].timestamp: does not match the date-time pattern ...". */
  static String describe(Error error) {
    return fieldPath(error.getInstanceLocation() == null
        ? "" : error.getInstanceLocation().toString()) + ": " + error.getMessage();
  }

  /** A JSON pointer ({@code /values/0/timestamp}) as a reader writes it. */
  static String fieldPath(String pointer) {
    if (pointer.isEmpty() || pointer.equals("/") || pointer.equals("$")) {
      return "payload";
    }
    StringBuilder sb = new StringBuilder();
    for (String segment : pointer.substring(pointer.startsWith("/") ? 1 : 0).split("/")) {
      if (segment.chars().allMatch(Character::isDigit) && !segment.isEmpty()) {
        sb.append('[').append(segment).append(']');
      } else {
        sb.append(sb.length() == 0 ? "" : ".")
            .append(segment.replace("~1", "/").replace("~0", "~"));
      }
    }
    return sb.toString();
  }

  /**
   * A dialect's schema: from its folder of differences ({@code ocpp1.5-xsd/}) when it has the
   * file, else the version folder's.
   */
  private static JsonNode read(OcppVersion version, JsonDialect dialect, String name) {
    return read(hasOwn(version, dialect, name) ? own(version, dialect, name)
        : "schemas-json/" + JsonSchemaGenerator.directory(version) + "/" + name + ".json");
  }

  private static boolean hasOwn(OcppVersion version, JsonDialect dialect, String name) {
    return dialect != JsonSchemaGenerator.FOLDER_DIALECT
        && PayloadSchemas.class.getClassLoader().getResource(own(version, dialect, name)) != null;
  }

  private static String own(OcppVersion version, JsonDialect dialect, String name) {
    return "schemas-json/" + JsonSchemaGenerator.directory(version, dialect) + "/" + name
        + ".json";
  }

  private static JsonNode read(String resource) {
    try (InputStream in = PayloadSchemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("JSON schema not on the classpath: " + resource);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }
}
