package io.ocppbridge.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.ocppbridge.core.CsmsProtocol;
import io.ocppbridge.core.JsonDialect;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * How the configuration writes its values, as Jackson deserializers: durations ({@code 500ms},
 * {@code 30s}, {@code 2m}, {@code 1h}, ISO-8601 {@code PT30S}), whole numbers and decimals
 * within the bounds their {@link Key} states, {@code true}/{@code yes}/{@code false}/{@code no},
 * time zones, URLs, files, CIDR networks, callback rewrites and the named choices. Values arrive
 * as YAML scalars or as the text of an environment variable alike; each refusal quotes the value
 * and the loader names its key.
 */
final class ConfigValues {

  private ConfigValues() {}

  static SimpleModule module() {
    SimpleModule module = new SimpleModule("bridge-config");
    module.addDeserializer(String.class, scalar(String.class, text -> text));
    module.addDeserializer(Integer.class, new WholeNumber(null));
    module.addDeserializer(int.class, new WholeNumber(null));
    module.addDeserializer(Double.class, new Decimal(null));
    module.addDeserializer(double.class, new Decimal(null));
    module.addDeserializer(Boolean.class, scalar(Boolean.class, ConfigValues::bool));
    module.addDeserializer(boolean.class, scalar(Boolean.class, ConfigValues::bool));
    module.addDeserializer(Duration.class, new Length(null));
    module.addDeserializer(URI.class, scalar(URI.class, ConfigValues::uri));
    module.addDeserializer(Path.class, scalar(Path.class, ConfigValues::path));
    module.addDeserializer(ZoneId.class, scalar(ZoneId.class, ConfigValues::zone));
    module.addDeserializer(IpNetwork.class, scalar(IpNetwork.class, ConfigValues::network));
    module.addDeserializer(CallbackConfig.Rewrite.class,
        scalar(CallbackConfig.Rewrite.class, ConfigValues::rewrite));
    module.addDeserializer(CallbackConfig.Policy.class, scalar(CallbackConfig.Policy.class,
        text -> named(text, CallbackConfig.Policy.values(), CallbackConfig.Policy::configName)));
    module.addDeserializer(ChargersConfig.AnswerStyle.class,
        scalar(ChargersConfig.AnswerStyle.class, text -> named(text,
            ChargersConfig.AnswerStyle.values(), ChargersConfig.AnswerStyle::configName)));
    module.addDeserializer(CsmsProtocol.class, scalar(CsmsProtocol.class,
        text -> named(text, CsmsProtocol.values(), CsmsProtocol::configName)));
    module.addDeserializer(JsonDialect.class, scalar(JsonDialect.class,
        text -> named(text, JsonDialect.values(), JsonDialect::configName)));
    module.addDeserializer(CsmsConfig.Transport.class, scalar(CsmsConfig.Transport.class,
        text -> named(text, CsmsConfig.Transport.values(), CsmsConfig.Transport::configName)));
    module.addDeserializer(Secret.class, new SecretValue());
    return module;
  }

  /** {@code validation: strict|lenient} read as "lenient". */
  static final class Validation extends JsonDeserializer<Boolean> {
    @Override
    public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return convert(p, Boolean.class, text -> switch (text) {
        case "strict" -> false;
        case "lenient" -> true;
        default -> throw new IllegalArgumentException("is not strict or lenient");
      });
    }
  }

  /** A refusal of one value: the message follows the quoted value. */
  private static <T> JsonDeserializer<T> scalar(Class<T> type, Function<String, T> parse) {
    return new JsonDeserializer<>() {
      @Override
      public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return convert(p, type, parse);
      }
    };
  }

  private static <T> T convert(JsonParser p, Class<T> type, Function<String, T> parse)
      throws IOException {
    String text = p.getValueAsString();
    if (text == null) {
      text = p.getText();
    }
    try {
      return parse.apply(text.trim());
    } catch (IllegalArgumentException | DateTimeException e) {
      throw InvalidFormatException.from(p, "'" + text + "' " + e.getMessage(), text, type);
    }
  }

  /** An {@code int} within {@link Key#min()}..{@link Key#max()}. */
  private static final class WholeNumber extends JsonDeserializer<Integer>
      implements ContextualDeserializer {
    private final Key key;

    WholeNumber(Key key) {
      this.key = key;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty prop) {
      return new WholeNumber(prop == null ? null : prop.getAnnotation(Key.class));
    }

    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      int n = convert(p, Integer.class, text -> {
        try {
          return Integer.parseInt(text);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("is not a whole number");
        }
      });
      if (key != null && (n < key.min() || n > key.max())) {
        throw InvalidFormatException.from(p, n + " is outside " + (long) key.min() + ".."
            + (long) key.max(), n, Integer.class);
      }
      return n;
    }
  }

  /** A decimal within {@link Key#min()}..{@link Key#max()}. */
  private static final class Decimal extends JsonDeserializer<Double>
      implements ContextualDeserializer {
    private final Key key;

    Decimal(Key key) {
      this.key = key;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty prop) {
      return new Decimal(prop == null ? null : prop.getAnnotation(Key.class));
    }

    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getText().trim();
      double d = convert(p, Double.class, t -> {
        try {
          return Double.parseDouble(t);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("is not a number");
        }
      });
      if (key != null && !(d >= key.min() && d <= key.max())) {
        throw InvalidFormatException.from(p, text + " is outside " + key.min() + ".."
            + key.max(), text, Double.class);
      }
      return d;
    }
  }

  /** A positive duration, or 0 where {@link Key#zeroMeansOff()}. */
  private static final class Length extends JsonDeserializer<Duration>
      implements ContextualDeserializer {
    private final Key key;

    Length(Key key) {
      this.key = key;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty prop) {
      return new Length(prop == null ? null : prop.getAnnotation(Key.class));
    }

    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      boolean zeroAllowed = key != null && key.zeroMeansOff();
      return convert(p, Duration.class, text -> {
        if (zeroAllowed && (text.equals("0") || text.equals("0s") || text.equals("0ms"))) {
          return Duration.ZERO;
        }
        Duration d = duration(text);
        if (d.isNegative() || d.isZero()) {
          throw new IllegalArgumentException("must be positive");
        }
        return d;
      });
    }
  }

  /** Durations as {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h} or ISO-8601 {@code PT30S}. */
  static Duration duration(String s) {
    try {
      if (s.toUpperCase(Locale.ROOT).startsWith("PT")) {
        return Duration.parse(s);
      } else if (s.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).trim()));
      } else if (s.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1).trim()));
      } else if (s.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1).trim()));
      } else if (s.endsWith("h")) {
        return Duration.ofHours(Long.parseLong(s.substring(0, s.length() - 1).trim()));
      }
    } catch (RuntimeException e) {
      // refused below
    }
    throw new IllegalArgumentException(
        "is not a duration (use e.g. 500ms, 30s, 2m, 1h or PT30S)");
  }

  private static boolean bool(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default -> throw new IllegalArgumentException("is not true or false");
    };
  }

  private static URI uri(String text) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("is not a URL");
    }
  }

  private static Path path(String text) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("is not a file name");
    }
  }

  private static ZoneId zone(String text) {
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "is not a time zone (write e.g. Europe/Amsterdam or +01:00)");
    }
  }

  private static IpNetwork network(String text) {
    return IpNetwork.parse(text);
  }

  private static CallbackConfig.Rewrite rewrite(String text) {
    int arrow = text.indexOf("=>");
    if (arrow <= 0 || arrow == text.length() - 2) {
      throw new IllegalArgumentException("is not written 'PREFIX => REPLACEMENT'");
    }
    String to = text.substring(arrow + 2).trim();
    String scheme = uri(to).getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("must end in an http:// or https:// URL");
    }
    return new CallbackConfig.Rewrite(text.substring(0, arrow).trim(), to);
  }

  private static <E extends Enum<E>> E named(String text, E[] values, Function<E, String> name) {
    for (E value : values) {
      if (name.apply(value).equals(text)) {
        return value;
      }
    }
    List<String> names = Arrays.stream(values).map(name).toList();
    throw new IllegalArgumentException("is not " + String.join(", ",
        names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1));
  }

  /** A secret as {@link Secrets} resolved it: {@code {value, source}}. */
  private static final class SecretValue extends JsonDeserializer<Secret> {
    @Override
    public Secret deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode node = p.readValueAsTree();
      return new Secret(node.get("value").asText(), node.get("source").asText());
    }
  }
}
