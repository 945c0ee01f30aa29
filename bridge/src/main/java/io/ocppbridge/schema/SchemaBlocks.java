package io.ocppbridge.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The building blocks {@link Ocpp201SchemaCatalog} states its payloads with: objects of required
 * and optional properties (closed to other properties), arrays, strings with a length,
 * enumerations, numbers, date-times. Each call returns a fresh node, so a type can be reused
 * freely.
 */
final class SchemaBlocks {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SchemaBlocks() {}

  /** One property of an object. */
  record Property(String name, ObjectNode schema, boolean required) {}

  static Property req(String name, ObjectNode schema) {
    return new Property(name, schema, true);
  }

  static Property opt(String name, ObjectNode schema) {
    return new Property(name, schema, false);
  }

  /** An object with these properties, in this order, and no others. */
  static ObjectNode obj(Property... properties) {
    return object(properties).put("additionalProperties", false);
  }

  /** An object with these properties that admits others (OCPP 2.0.1 CustomDataType). */
  static ObjectNode openObj(Property... properties) {
    return object(properties);
  }

  private static ObjectNode object(Property... properties) {
    ObjectNode node = NODES.objectNode().put("type", "object");
    ObjectNode props = node.putObject("properties");
    ArrayNode required = NODES.arrayNode();
    for (Property p : properties) {
      props.set(p.name(), p.schema());
      if (p.required()) {
        required.add(p.name());
      }
    }
    if (!required.isEmpty()) {
      node.set("required", required);
    }
    return node;
  }

  static ObjectNode array(ObjectNode items) {
    ObjectNode node = NODES.objectNode().put("type", "array");
    node.set("items", items);
    return node;
  }

  /** An array of at least {@code min} items. */
  static ObjectNode array(ObjectNode items, int min) {
    return array(items).put("minItems", min);
  }

  /** An array of {@code min} to {@code max} items. */
  static ObjectNode array(ObjectNode items, int min, int max) {
    return array(items, min).put("maxItems", max);
  }

  static ObjectNode str() {
    return NODES.objectNode().put("type", "string");
  }

  static ObjectNode str(int maxLength) {
    return str().put("maxLength", maxLength);
  }

  static ObjectNode oneOf(String... values) {
    ObjectNode node = str();
    ArrayNode list = node.putArray("enum");
    for (String v : values) {
      list.add(v);
    }
    return node;
  }

  static ObjectNode integer() {
    return NODES.objectNode().put("type", "integer");
  }

  static ObjectNode number() {
    return NODES.objectNode().put("type", "number");
  }

  static ObjectNode bool() {
    return NODES.objectNode().put("type", "boolean");
  }

  static ObjectNode dateTime() {
    return str().put("format", "date-time");
  }

  /** Any JSON value (OCPP 2.0.1 DataTransfer data). */
  static ObjectNode any() {
    return NODES.objectNode();
  }
}
