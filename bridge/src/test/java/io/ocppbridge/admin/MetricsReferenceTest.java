package io.ocppbridge.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.SoapPost;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the metrics reference of {@code docs/operations.md} true: every metric a running bridge
 * exposes is documented there, and every metric documented there is one the code defines.
 */
class MetricsReferenceTest {

  private static final Path OPERATIONS = Path.of("..", "docs", "operations.md");
  private static final Path SOURCES = Path.of("src", "main", "java");
  private static final Pattern HELP = Pattern.compile("^# HELP (bridge_[a-z0-9_]+) ",
      Pattern.MULTILINE);
  private static final Pattern DOCUMENTED = Pattern.compile("`(bridge_[a-z0-9_]+)`");
  private static final Pattern DEFINED = Pattern.compile("\"(bridge_[a-z0-9_]+)\"");

  // Verifies that a running bridge exposes no bridge_* metric the reference leaves out.
  @Test
  void everyExposedMetricIsDocumented() throws Exception {
    // GIVEN a running bridge that relayed a request (so the relay's series exist)
    Set<String> exposed = new TreeSet<>();
    try (BridgeFixture fixture = BridgeFixture.start()) {
      assertThat(SoapPost.heartbeat15(fixture.soapUrl(), "CB-METRICS-DOC", null).statusCode())
          .isEqualTo(200);
      // WHEN its metrics are scraped
      Matcher m = HELP.matcher(scrape(fixture));
      while (m.find()) {
        // a timer's companion gauge of its longest recent sample belongs to the timer
        exposed.add(m.group(1).replaceFirst("_seconds_max$", "_seconds"));
      }
    }
    // THEN each family is named in the reference
    Set<String> documented = documented();
    assertThat(exposed).isNotEmpty().contains("bridge_messages_total", "bridge_soap_connections",
        "bridge_callback_answers_waiting", "bridge_callback_answers_inline_total");
    assertThat(exposed).allSatisfy(name -> assertThat(documented)
        .as("docs/operations.md documents %s", name).contains(name));
  }

  // Verifies that the reference names no metric the code does not define.
  @Test
  void everyDocumentedMetricExistsInTheCode() throws IOException {
    // GIVEN the metric names written as string literals in the main sources
    Set<String> defined = new TreeSet<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = DEFINED.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (m.find()) {
          defined.add(m.group(1));
        }
      }
    }
    // WHEN the reference's names are read (the exposition adds _total to counters and the
    // base unit, _seconds, to timers)
    // THEN each is defined
    assertThat(documented()).isNotEmpty().allSatisfy(name -> assertThat(
        defined.contains(name.replaceFirst("_(total|seconds)$", "")) || defined.contains(name))
        .as("%s is defined in the code", name).isTrue());
  }

  /** The metric names in the first column of the reference's metrics table. */
  private static Set<String> documented() throws IOException {
    Set<String> names = new TreeSet<>();
    for (String line : Files.readAllLines(OPERATIONS, StandardCharsets.UTF_8)) {
      if (line.startsWith("| `bridge_")) {
        Matcher m = DOCUMENTED.matcher(line.substring(0, line.indexOf(" |", 2)));
        while (m.find()) {
          names.add(m.group(1));
        }
      }
    }
    return names;
  }

  private static String scrape(BridgeFixture fixture) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + fixture.bridge().adminPort() + "/metrics"))
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }
}
