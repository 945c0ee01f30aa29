package io.ocppbridge.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ocppbridge.logging.LogContext;
import io.ocppbridge.logging.MessageTrace;
import io.ocppbridge.relay.ChargerRequestRelay;
import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.SoapPost;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The admin listener with a bearer token, the per-charger trace switch, and the charger and
 * message id in the logging MDC.
 */
class AdminTraceAndTokenTest {

  private static final String TOKEN = "a-long-admin-token-for-tests";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static BridgeFixture fixture;

  @BeforeAll
  static void start() {
    fixture = BridgeFixture.start(Map.of("admin.token", TOKEN));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  /** Verifies that only the health checks answer without the token. */
  @Test
  void everythingButHealthNeedsTheToken() throws Exception {
    assertThat(send("GET", "/health/live", null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/health/ready", null).statusCode()).isEqualTo(200);
    for (String path : List.of("/metrics", "/api/chargers", "/", "/api/trace")) {
      HttpResponse<String> refused = send("GET", path, null);
      assertThat(refused.statusCode()).as(path).isEqualTo(401);
      assertThat(refused.headers().firstValue("www-authenticate")).hasValue(
          "Bearer realm=\"ocpp-soap-bridge\"");
    }
    assertThat(send("GET", "/metrics", "wrong-token-of-some-length").statusCode())
        .isEqualTo(401);
    assertThat(send("PUT", "/api/chargers/CB-X/trace", null).statusCode()).isEqualTo(401);
    assertThat(MessageTrace.isSelected(new io.ocppbridge.core.ChargerId("CB-X"))).isFalse();
    assertThat(send("GET", "/metrics", TOKEN).statusCode()).isEqualTo(200);
    assertThat(send("POST", "/metrics", TOKEN).statusCode()).isEqualTo(405);
  }

  /** Verifies that the trace switched on for one charger logs its messages and no other's. */
  @Test
  void traceSwitchedOnForOneChargerOnly() throws Exception {
    ListAppender<ILoggingEvent> trace = capture(MessageTrace.LOGGER);
    try {
      HttpResponse<String> on = send("PUT", "/api/chargers/CB-TRACED/trace", TOKEN);
      assertThat(on.statusCode()).isEqualTo(200);
      assertThat(on.body()).isEqualTo("{\"id\":\"CB-TRACED\",\"traced\":true}");
      assertThat(send("GET", "/api/trace", TOKEN).body()).contains("\"CB-TRACED\"");

      heartbeat("CB-TRACED");
      heartbeat("CB-QUIET");
      List<String> lines = trace.list.stream().filter(e -> e.getLevel() == Level.INFO)
          .map(ILoggingEvent::getFormattedMessage).toList();
      assertThat(lines).anyMatch(l -> l.startsWith("[CB-TRACED] <<cp Heartbeat"))
          .anyMatch(l -> l.startsWith("[CB-TRACED] >>csms Heartbeat {}"))
          .anyMatch(l -> l.startsWith("[CB-TRACED] <<csms Heartbeat {\"currentTime\""))
          .noneMatch(l -> l.contains("CB-QUIET"));
      assertThat(send("GET", "/api/chargers/CB-TRACED", TOKEN).body())
          .contains("\"traced\":true");

      assertThat(send("DELETE", "/api/chargers/CB-TRACED/trace", TOKEN).body())
          .isEqualTo("{\"id\":\"CB-TRACED\",\"traced\":false}");
      trace.list.clear();
      heartbeat("CB-TRACED");
      assertThat(trace.list).noneMatch(e -> e.getLevel() == Level.INFO);
    } finally {
      release(MessageTrace.LOGGER, trace);
    }
  }

  /** Verifies that a log line written while relaying carries the charger and the MessageID. */
  @Test
  void logLinesCarryChargerAndMessageIdInTheMdc() throws Exception {
    ListAppender<ILoggingEvent> relay = capture(ChargerRequestRelay.class.getName());
    try {
      heartbeat("CB-MDC");
      ILoggingEvent callbackLine = relay.list.stream()
          .filter(e -> e.getFormattedMessage().startsWith("[CB-MDC] callback address"))
          .findFirst().orElseThrow();
      assertThat(callbackLine.getMDCPropertyMap()).containsEntry(LogContext.CHARGER, "CB-MDC");
      assertThat(callbackLine.getMDCPropertyMap().get(LogContext.MESSAGE_ID))
          .startsWith("urn:uuid:");
    } finally {
      release(ChargerRequestRelay.class.getName(), relay);
    }
  }

  /** Verifies that a bad identity in the trace path is refused, not stored. */
  @Test
  void traceOfAnUnusableIdentityIsRefused() throws Exception {
    assertThat(send("PUT", "/api/chargers/%20/trace", TOKEN).statusCode()).isEqualTo(400);
  }

  private static void heartbeat(String id) throws Exception {
    assertThat(SoapPost.heartbeat15(fixture.soapUrl(), id, "http://127.0.0.1:9302/")
        .statusCode()).isEqualTo(200);
  }

  private static ListAppender<ILoggingEvent> capture(String logger) {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    ((Logger) LoggerFactory.getLogger(logger)).addAppender(appender);
    return appender;
  }

  private static void release(String logger, ListAppender<ILoggingEvent> appender) {
    ((Logger) LoggerFactory.getLogger(logger)).detachAppender(appender);
  }

  private static HttpResponse<String> send(String method, String path, String token)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
            + fixture.bridge().adminPort() + path)).timeout(Duration.ofSeconds(5))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
