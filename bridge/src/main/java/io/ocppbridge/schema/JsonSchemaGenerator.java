package io.ocppbridge.schema;

// Regenerates schemas-json/ (run from the repository root after a WSDL change, then commit):
//
//   mvn -B -q -pl bridge -DskipTests package
//   java -cp bridge/target/ocpp-soap-bridge.jar \
//       io.ocppbridge.schema.JsonSchemaGenerator schemas-json
//
// SchemasUpToDateTest fails, naming the file and line, while the committed files lag behind.

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbridge.core.Initiator;
import io.ocppbridge.core.JsonDialect;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Generates the project's draft-04 JSON schemas of the OCPP-J payloads of {@code ocpp1.2},
 * {@code ocpp1.5} and {@code ocpp1.6} from the XML Schema embedded in
 * {@code wsdl/<version>/*.wsdl} (read from the classpath): for every action of the catalogue,
 * {@code <version>/<Action>.json} for the request and {@code <version>/<Action>Response.json}
 * for the response. For 1.6 the OCA's JSON contract differs from the WSDL in three places
 * ({@link Ocpp16JsonContract}).
 *
 * <p>Each file carries {@code "$schema"} (draft-04), {@code "id"}
 * {@code urn:OCPP:<version>:<Action>Request} or {@code ...Response} (the convention of the OCA's
 * OCPP 1.6 schemas, without their errata date), {@code "title"} (the XSD type of the SOAP body,
 * e.g. {@code BootNotificationRequest}) and the object schema made by {@link XsdTypeMapper}.
 *
 * <p>In another {@link JsonDialect} than the folders' (ocppjs), only the files that differ are
 * written, to {@code <version>-<dialect>/} ({@code ocpp1.5-xsd/MeterValues.json}): the names come
 * from {@link io.ocppbridge.translate.DialectNames}, everything else is the same.
 *
 * <p>An action that exists in both directions (DataTransfer in 1.5) gets one file per name; the
 * generator fails if the two services ever declare it differently.
 */
public final class JsonSchemaGenerator {

  /** The JSON schema dialect of every file. */
  public static final String DRAFT_04 = "http://json-schema.org/draft-04/schema#";

  private final ClassLoader classLoader;

  public JsonSchemaGenerator() {
    this(JsonSchemaGenerator.class.getClassLoader());
  }

  /** Reads the WSDLs through {@code classLoader} (resources {@code wsdl/ocpp1.5/...}). */
  public JsonSchemaGenerator(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  /** Writes the schema files below {@code args[0]} (e.g. {@code schemas-json}). */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: JsonSchemaGenerator <output directory, e.g. schemas-json>");
      System.exit(2);
    }
    Path target = Path.of(args[0]);
    int written = new JsonSchemaGenerator().writeTo(target);
    System.out.println("wrote " + written + " JSON schemas below " + target.toAbsolutePath());
  }

  /** The folder of one version below {@code schemas-json/}: its subprotocol, {@code ocpp1.5}. */
  public static String directory(OcppVersion version) {
    return version.subprotocol();
  }

  /** {@code BootNotification.json}. */
  public static String requestFile(OcppAction action) {
    return action.wireName() + ".json";
  }

  /** {@code BootNotificationResponse.json}. */
  public static String responseFile(OcppAction action) {
    return action.wireName() + "Response.json";
  }

  /**
   * The dialect of the version folders ({@code ocpp1.5/}): the ocppjs mapping, which the ocppjs
   * schemas and captures the project is compared with follow.
   */
  public static final JsonDialect FOLDER_DIALECT = JsonDialect.OCPPJS;

  /**
   * The folder of the files in which another dialect differs from {@link #FOLDER_DIALECT}:
   * {@code ocpp1.5-xsd}. Every other payload of that dialect has the version folder's schema.
   */
  public static String directory(OcppVersion version, JsonDialect dialect) {
    return dialect == FOLDER_DIALECT ? directory(version)
        : directory(version) + "-" + dialect.configName();
  }

  /** The schemas of one version in the folders' dialect, by file name, catalogue order. */
  public Map<String, ObjectNode> schemas(OcppVersion version) {
    return schemas(version, FOLDER_DIALECT);
  }

  /**
   * The schemas of one version in a dialect, by file name ({@code BootNotification.json}),
   * catalogue order.
   */
  public Map<String, ObjectNode> schemas(OcppVersion version, JsonDialect dialect) {
    Map<String, ObjectNode> schemas = new LinkedHashMap<>();
    for (Initiator initiator : Initiator.values()) {
      WsdlSchema xsd = WsdlSchema.load(classLoader, wsdlResource(version, initiator));
      XsdTypeMapper mapper = new XsdTypeMapper(xsd, version, dialect);
      for (OcppAction action : OcppAction.all(version, initiator)) {
        add(schemas, requestFile(action), schema(idPrefix(version, dialect),
            action.wireName() + "Request", mapper, action.requestElement()));
        add(schemas, responseFile(action), schema(idPrefix(version, dialect),
            action.wireName() + "Response", mapper, action.responseElement()));
      }
    }
    if (version == OcppVersion.V1_6) {
      Ocpp16JsonContract.apply(schemas);
    }
    return schemas;
  }

  /**
   * The versions whose schemas this generator writes: 1.2 and 1.5 (the ocppjs mapping) and 1.6,
   * whose generated schemas become the Open Charge Alliance's JSON contract through the three
   * differences of {@link Ocpp16JsonContract}.
   */
  public static List<OcppVersion> generatedVersions() {
    return List.of(OcppVersion.V1_2, OcppVersion.V1_5, OcppVersion.V1_6);
  }

  /** The generated versions whose JSON follows the ocppjs mapping (1.2, 1.5). */
  public static List<OcppVersion> ocppjsVersions() {
    return generatedVersions().stream().filter(OcppVersion::ocppjsMapping).toList();
  }

  /**
   * The schemas in which {@code dialect} differs from the version folder's, by file name: empty
   * for a version the dialects spell alike (1.2, 1.6).
   */
  public Map<String, ObjectNode> dialectDifferences(OcppVersion version, JsonDialect dialect) {
    Map<String, ObjectNode> base = schemas(version);
    Map<String, ObjectNode> differing = new LinkedHashMap<>();
    schemas(version, dialect).forEach((name, schema) -> {
      ObjectNode unnamed = schema.deepCopy();
      unnamed.set("id", base.get(name).get("id"));
      if (!unnamed.equals(base.get(name))) {
        differing.put(name, schema);
      }
    });
    return differing;
  }

  /** The folders written: each version's, and each other dialect's differences (1.5 only). */
  private List<String> folders() {
    List<String> folders = new java.util.ArrayList<>();
    for (OcppVersion version : generatedVersions()) {
      folders.add(directory(version));
      for (JsonDialect dialect : JsonDialect.values()) {
        if (dialect != FOLDER_DIALECT && !dialectDifferences(version, dialect).isEmpty()) {
          folders.add(directory(version, dialect));
        }
      }
    }
    return folders;
  }

  /** Every file's text, by path relative to {@code schemas-json/} ({@code ocpp1.5/Reset.json}). */
  public SortedMap<String, String> files() {
    SortedMap<String, String> files = new TreeMap<>();
    for (OcppVersion version : generatedVersions()) {
      schemas(version).forEach((name, schema) ->
          files.put(directory(version) + "/" + name, SchemaText.of(schema)));
      for (JsonDialect dialect : JsonDialect.values()) {
        if (dialect != FOLDER_DIALECT) {
          dialectDifferences(version, dialect).forEach((name, schema) -> files.put(
              directory(version, dialect) + "/" + name, SchemaText.of(schema)));
        }
      }
    }
    return files;
  }

  /**
   * Writes every file below {@code root} and deletes the {@code .json} files of the version
   * folders that are no longer generated; returns the number of files written.
   */
  public int writeTo(Path root) {
    SortedMap<String, String> files = files();
    try {
      for (String name : folders()) {
        Path folder = root.resolve(name);
        Files.createDirectories(folder);
        for (Path stale : jsonFilesIn(folder)) {
          if (!files.containsKey(name + "/" + stale.getFileName())) {
            Files.delete(stale);
          }
        }
      }
      for (Map.Entry<String, String> file : files.entrySet()) {
        Files.writeString(root.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the JSON schemas below " + root, e);
    }
    return files.size();
  }

  /** {@code urn:OCPP:1.5:}, or {@code urn:OCPP:1.5-xsd:} for another dialect than the folders'. */
  private static String idPrefix(OcppVersion version, JsonDialect dialect) {
    return "urn:OCPP:" + version.label()
        + (dialect == FOLDER_DIALECT ? "" : "-" + dialect.configName()) + ":";
  }

  private static ObjectNode schema(String idPrefix, String name, XsdTypeMapper mapper,
      String bodyElement) {
    ObjectNode schema = JsonNodeFactory.instance.objectNode()
        .put("$schema", DRAFT_04)
        .put("id", idPrefix + name)
        .put("title", mapper.typeNameOf(bodyElement));
    schema.setAll(mapper.bodySchema(bodyElement));
    return schema;
  }

  /** Adds a schema, refusing a second, different one under the same file name. */
  private static void add(Map<String, ObjectNode> schemas, String file, ObjectNode schema) {
    ObjectNode earlier = schemas.putIfAbsent(file, schema);
    if (earlier != null && !earlier.equals(schema)) {
      throw new IllegalStateException(file + " is declared differently by the two services: "
          + earlier + " vs " + schema);
    }
  }

  /** Classpath location of a version's WSDL of the service that receives the initiator's calls. */
  private static String wsdlResource(OcppVersion version, Initiator initiator) {
    String service = initiator == Initiator.CHARGE_POINT
        ? "CentralSystemService" : "ChargePointService";
    return "wsdl/" + version.subprotocol() + "/" + service + ".wsdl";
  }

  private static List<Path> jsonFilesIn(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
  }
}
