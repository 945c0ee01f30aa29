package io.ocppbridge.translate;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks that a JSON payload has every property the XSD requires, before Jackson fills a JAXB
 * object from it. Jackson would otherwise leave a missing number at 0 — an invented value the
 * charger would take for the central system's. Required-ness comes from the JAXB annotations
 * ({@code @XmlElement(required = true)}), names from the mapper (dialect renames included).
 */
final class RequiredProperties {

  private record Property(String name, boolean required, JavaType type) {}

  private final ObjectMapper mapper;
  private final Map<JavaType, List<Property>> cache = new ConcurrentHashMap<>();

  RequiredProperties(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** @throws OcppException OccurenceConstraintViolation naming the first missing path */
  void check(JsonNode node, Class<?> type) {
    check(node, mapper.constructType(type), "");
  }

  private void check(JsonNode node, JavaType type, String path) {
    if (node == null || node.isNull()) {
      return;
    }
    if (type.isCollectionLikeType() || type.isArrayType()) {
      if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          check(node.get(i), type.getContentType(), path + "[" + i + "]");
        }
      }
      return;
    }
    if (!node.isObject() || !isModelType(type)) {
      return;
    }
    for (Property p : propertiesOf(type)) {
      JsonNode child = node.get(p.name);
      String childPath = path.isEmpty() ? p.name : path + "." + p.name;
      if (child == null || child.isNull()) {
        if (p.required) {
          throw new OcppException(OcppErrorCode.OCCURENCE_CONSTRAINT_VIOLATION,
              "required property '" + childPath + "' is missing");
        }
      } else {
        check(child, p.type, childPath);
      }
    }
  }

  private List<Property> propertiesOf(JavaType type) {
    return cache.computeIfAbsent(type, t -> {
      BeanDescription desc = mapper.getDeserializationConfig().introspect(t);
      return desc.findProperties().stream()
          // xjc writes required="true" only on reference types; a primitive field is what it
          // generates for an element with minOccurs 1, so it is required too.
          .map((BeanPropertyDefinition d) -> new Property(d.getName(),
              d.getMetadata().isRequired() || d.getPrimaryType().isPrimitive(),
              d.getPrimaryType()))
          .toList();
    });
  }

  private static boolean isModelType(JavaType type) {
    return type.getRawClass().getName().startsWith("io.ocppbridge.generated.");
  }
}
