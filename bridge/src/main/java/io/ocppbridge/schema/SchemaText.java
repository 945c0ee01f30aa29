package io.ocppbridge.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * The committed form of a schema file, identical on every machine: two-space indentation, one
 * value per line, {@code "key": value}, keys in insertion order, LF line ends and a final newline.
 */
final class SchemaText {

  private static final ObjectWriter WRITER = writer();

  private SchemaText() {}

  static String of(JsonNode schema) {
    try {
      return WRITER.writeValueAsString(schema) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON schema", e);
    }
  }

  private static ObjectWriter writer() {
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    DefaultIndenter lines = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
        .withObjectIndenter(lines)
        .withArrayIndenter(lines);
    return new ObjectMapper().writer(printer);
  }
}
