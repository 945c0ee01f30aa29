package io.ocppbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocppbridge.logging.LogContext;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The log encoder writes readable lines or JSON objects with the MDC, by one setting. */
class LogEncoderTest {

  /** Verifies that the JSON format is one parseable object with the charger and message id. */
  @Test
  void jsonCarriesTheMdc() throws Exception {
    LogEncoder encoder = encoder("json");
    LoggingEvent event;
    try (LogContext log = LogContext.open("CB1", "urn:uuid:42")) {
      event = event("[CB1] offline");
    }
    String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
    assertThat(line).endsWith("\n").doesNotContain("\n{");
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.get("level").asText()).isEqualTo("WARN");
    assertThat(json.get("loggerName").asText()).isEqualTo("io.ocppbridge.test");
    assertThat(json.get("formattedMessage").asText()).isEqualTo("[CB1] offline");
    assertThat(json.get("mdc").get("charger").asText()).isEqualTo("CB1");
    assertThat(json.get("mdc").get("messageId").asText()).isEqualTo("urn:uuid:42");
  }

  /** Verifies that the text format follows the pattern. */
  @Test
  void textFollowsThePattern() {
    LogEncoder encoder = new LogEncoder();
    encoder.setContext(new LoggerContext());
    encoder.setFormat("text");
    encoder.setPattern("%-5level %msg%n");
    encoder.start();
    assertThat(new String(encoder.encode(event("[CB1] offline")), StandardCharsets.UTF_8))
        .isEqualTo("WARN  [CB1] offline" + System.lineSeparator());
  }

  /** Verifies that an unknown format falls back to text with a status warning. */
  @Test
  void unknownFormatFallsBackToText() {
    LogEncoder encoder = encoder("yaml");
    assertThat(new String(encoder.encode(event("x")), StandardCharsets.UTF_8))
        .contains("WARN").doesNotStartWith("{");
    assertThat(encoder.getContext().getStatusManager().getCopyOfStatusList())
        .anyMatch(s -> s.getMessage().contains("unknown log format 'yaml'"));
  }

  private static LogEncoder encoder(String format) {
    LogEncoder encoder = new LogEncoder();
    encoder.setContext(new LoggerContext());
    encoder.setFormat(format);
    encoder.start();
    return encoder;
  }

  private static LoggingEvent event(String message) {
    LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
    LoggingEvent event = new LoggingEvent("fqcn", context.getLogger("io.ocppbridge.test"),
        Level.WARN, message, null, null);
    event.prepareForDeferredProcessing();
    return event;
  }
}
