package io.ocppbridge.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * When a request may be parsed in place, with the parser finding the encoding from the document:
 * only when that gives the encoding the Content-Type named (else the request is read the usual
 * way, in the named encoding, and its faults stay the same).
 */
class InPlaceParseTest {

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void withoutACharsetTheDocumentAlwaysSays() {
    assertThat(WellFormedInterceptor.readsAsDeclared(bytes("<a/>"), null)).isTrue();
    assertThat(WellFormedInterceptor.readsAsDeclared(
        bytes("<?xml version='1.0' encoding='ISO-8859-1'?><a/>"), null)).isTrue();
  }

  @Test
  void utf8NamedAndNothingElseDeclared() {
    assertThat(WellFormedInterceptor.readsAsDeclared(bytes("<a/>"), "UTF-8")).isTrue();
    assertThat(WellFormedInterceptor.readsAsDeclared(bytes("<?xml version=\"1.0\"?><a/>"),
        "utf-8")).isTrue();
    assertThat(WellFormedInterceptor.readsAsDeclared(
        bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><a/>"), "utf-8")).isTrue();
    assertThat(WellFormedInterceptor.readsAsDeclared(
        bytes("\uFEFF<?xml version='1.0' encoding='utf-8'?><a/>"), "UTF-8")).isTrue();
  }

  @Test
  void anotherEncodingInTheDocumentOrTheContentTypeIsReadTheUsualWay() {
    assertThat(WellFormedInterceptor.readsAsDeclared(
        bytes("<?xml version='1.0' encoding='ISO-8859-1'?><a/>"), "UTF-8")).isFalse();
    assertThat(WellFormedInterceptor.readsAsDeclared(bytes("<a/>"), "ISO-8859-1")).isFalse();
    assertThat(WellFormedInterceptor.readsAsDeclared(
        "<a/>".getBytes(StandardCharsets.UTF_16), "UTF-8")).isFalse();
    // a declaration that does not end where it is looked for, or text before the root
    assertThat(WellFormedInterceptor.readsAsDeclared(bytes("<?xml version='1.0'"), "UTF-8"))
        .isFalse();
    assertThat(WellFormedInterceptor.readsAsDeclared(bytes("  <a/>"), "UTF-8")).isFalse();
  }
}
