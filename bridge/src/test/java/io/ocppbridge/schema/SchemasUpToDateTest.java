package io.ocppbridge.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.ocppbridge.core.OcppVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the committed {@code schemas-json/ocpp1.2/}, {@code ocpp1.5/} and {@code ocpp1.6/} equal
 * to what {@link JsonSchemaGenerator} makes from {@code wsdl/}. Other files and folders of
 * {@code schemas-json/} (the README, schemas of other versions) are not the generator's.
 */
class SchemasUpToDateTest {

  private static final String REGENERATE = "regenerate from the repository root with:\n"
      + "  mvn -B -q -pl bridge -DskipTests package\n"
      + "  java -cp bridge/target/ocpp-soap-bridge.jar"
      + " io.ocppbridge.schema.JsonSchemaGenerator schemas-json";

  // Verifies that every generated schema is committed, byte for byte, and nothing else is.
  @Test
  void committedSchemasAreWhatTheWsdlsGenerate() throws IOException {
    // GIVEN the schemas generated in memory and the committed ones
    SortedMap<String, String> generated = new JsonSchemaGenerator().files();
    SortedMap<String, String> committed = committedFiles(committedFolder());

    // WHEN the two sets are compared file by file
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> file : generated.entrySet()) {
      String text = committed.get(file.getKey());
      if (text == null) {
        problems.add(file.getKey() + ": missing");
      } else if (!text.equals(file.getValue())) {
        problems.add(file.getKey() + ": " + firstDifference(text, file.getValue()));
      }
    }
    for (String name : committed.keySet()) {
      if (!generated.containsKey(name)) {
        problems.add(name + ": extra (the generator does not produce it)");
      }
    }

    // THEN there is no difference
    assertThat(problems)
        .withFailMessage(() -> "schemas-json/ is out of date in " + problems.size()
            + " file(s):\n  " + String.join("\n  ", problems) + "\n" + REGENERATE)
        .isEmpty();
  }

  // Verifies that the generator's output is stable and in the committed text form.
  @Test
  void generatedTextIsDeterministicWithLfLineEnds() {
    // GIVEN two independent runs of the generator
    SortedMap<String, String> first = new JsonSchemaGenerator().files();
    SortedMap<String, String> second = new JsonSchemaGenerator().files();

    // WHEN / THEN they agree, and every file uses LF only and ends with one newline
    assertThat(second).isEqualTo(first);
    assertThat(first.values()).allSatisfy(text -> {
      assertThat(text).doesNotContain("\r").endsWith("}\n").doesNotContain("\t");
      assertThat(text).startsWith("{\n  \"$schema\": ");
    });
  }

  /** The line where two texts first differ, both versions shown with control characters visible. */
  static String firstDifference(String committed, String generated) {
    String[] ours = committed.split("\n", -1);
    String[] expected = generated.split("\n", -1);
    for (int i = 0; i < Math.max(ours.length, expected.length); i++) {
      String a = i < ours.length ? ours[i] : null;
      String b = i < expected.length ? expected[i] : null;
      if (a == null || !a.equals(b)) {
        return "differs at line " + (i + 1) + ": committed " + visible(a)
            + ", generated " + visible(b);
      }
    }
    return "differs";
  }

  /** The {@code schemas-json} folder of the repository. */
  static Path committedFolder() {
    return projectDir().resolve("schemas-json");
  }

  private static SortedMap<String, String> committedFiles(Path root) throws IOException {
    SortedMap<String, String> files = new TreeMap<>();
    java.util.List<String> folders = new java.util.ArrayList<>();
    for (OcppVersion version : JsonSchemaGenerator.generatedVersions()) {
      for (io.ocppbridge.core.JsonDialect dialect : io.ocppbridge.core.JsonDialect.values()) {
        folders.add(JsonSchemaGenerator.directory(version, dialect));
      }
    }
    for (String folder : folders.stream().distinct().toList()) {
      if (!Files.isDirectory(root.resolve(folder))) {
        continue;
      }
      try (Stream<Path> entries = Files.walk(root.resolve(folder))) {
        for (Path p : entries.filter(Files::isRegularFile).sorted().toList()) {
          files.put(root.relativize(p).toString().replace('\\', '/'),
              Files.readString(p, StandardCharsets.UTF_8));
        }
      }
    }
    return files;
  }

  private static String visible(String line) {
    if (line == null) {
      return "(end of file)";
    }
    return "\"" + line.replace("\r", "\\r").replace("\t", "\\t") + "\"";
  }

  private static Path projectDir() {
    String configured = System.getProperty("bridge.project.dir");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("wsdl")) && Files.isDirectory(p.resolve("bridge"))) {
        return p;
      }
    }
    return fail("no folder holding wsdl/ and bridge/ found above " + here
        + " (set -Dbridge.project.dir)");
  }
}
