package io.ocppbridge.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.SoapPost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page in a real browser: headless Chromium (Debian's {@code chromium} package) loads
 * the admin listener's page over a real socket, runs it, and dumps the DOM it built. The page
 * must list every charger the bridge knows, with its state, and show what chargers sent (their
 * identity, the address they named) as text, never as markup.
 *
 * <p>Where Chromium is missing: in CI ({@code CI} set, as {@code .ci/run} runs, which installs
 * it) the test fails; on a developer machine without it the test is skipped with a message
 * saying how to install it ({@code apt-get install chromium}).
 */
class StatusPageBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  /** An identity that would run script and change the page if it were written as markup. */
  private static final String HOSTILE_ID =
      "<script>document.title='pwned'</script><b id=\"injected\">B</b>&x";

  /** A callback address with markup in it: the page shows why it is refused, as text. */
  private static final String HOSTILE_FROM = "http://127.0.0.1:9302/<img src=x id=\"img\">";

  // Verifies that the page renders in Chromium, lists the chargers with their state, and that
  // an identity or address holding HTML appears as text in the rendered DOM.
  @Test
  void rendersTheChargersAndEscapesWhatTheySent(@TempDir Path profile) throws Exception {
    requireChromium();
    try (BridgeFixture fixture = BridgeFixture.start()) {
      // GIVEN one ordinary charger and one whose identity and wsa:From hold HTML
      assertThat(SoapPost.heartbeat15(fixture.soapUrl(), "CB-BROWSER",
          "http://127.0.0.1:9302/").statusCode()).isEqualTo(200);
      assertThat(SoapPost.heartbeat15(fixture.soapUrl(), xml(HOSTILE_ID), xml(HOSTILE_FROM))
          .statusCode()).isEqualTo(200);

      // WHEN Chromium loads the status page and dumps the DOM it built
      String dom = dumpDom("http://127.0.0.1:" + fixture.bridge().adminPort() + "/", profile);

      // THEN the page rendered, untouched by any script a charger sent
      assertThat(dom).contains("<h1>OCPP SOAP bridge</h1>")
          .contains("<title>OCPP SOAP bridge</title>");
      // AND it lists both chargers, each with its state
      List<List<String>> rows = rows(dom);
      assertThat(rows).extracting(r -> r.get(0))
          .containsExactlyInAnyOrder("CB-BROWSER", HOSTILE_ID);
      assertThat(rows).allSatisfy(r -> assertThat(r.get(1)).isEqualTo("connected"));
      // AND what the hostile charger sent is text, not elements
      assertThat(dom).doesNotContain("<script>document.title").doesNotContain("<b id=")
          .doesNotContain("<img").contains("&lt;script&gt;document.title");
      assertThat(rows.stream().filter(r -> r.get(0).equals(HOSTILE_ID)).findFirst()
          .orElseThrow().get(5)).contains("<img src=x");
    }
  }

  /** Fails in CI, skips elsewhere, when Chromium is not installed. */
  private static void requireChromium() {
    boolean present = Files.isExecutable(CHROMIUM);
    String ci = System.getenv("CI");
    if (!present && ci != null && !ci.isEmpty()) {
      throw new AssertionError(CHROMIUM + " is missing in CI; .ci/run installs Debian's chromium"
          + " package before the tests");
    }
    Assumptions.assumeTrue(present, CHROMIUM + " is not installed: the status page is not"
        + " tested in a browser here (apt-get install chromium to run this test)");
  }

  /** The DOM Chromium built for {@code url}, serialized; the browser is ended within a bound. */
  private static String dumpDom(String url, Path profile) throws Exception {
    Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--dump-dom", url)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
      try {
        return new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    try {
      if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
        throw new AssertionError("Chromium did not dump the page within 90 s");
      }
      assertThat(chromium.exitValue()).as("chromium exit code").isZero();
      return out.get(10, TimeUnit.SECONDS);
    } finally {
      chromium.destroyForcibly();
    }
  }

  /** The text of each cell of each charger row (the header row left out), entities decoded. */
  private static List<List<String>> rows(String dom) {
    List<List<String>> rows = new ArrayList<>();
    Matcher row = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(dom);
    while (row.find()) {
      if (row.group(1).contains("<th>")) {
        continue;
      }
      List<String> cells = new ArrayList<>();
      Matcher cell = Pattern.compile("<td>(.*?)</td>", Pattern.DOTALL).matcher(row.group(1));
      while (cell.find()) {
        assertThat(cell.group(1)).as("a cell holds text only").doesNotContain("<");
        cells.add(cell.group(1).replace("&lt;", "<").replace("&gt;", ">")
            .replace("&quot;", "\"").replace("&amp;", "&"));
      }
      rows.add(cells);
    }
    return rows;
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
