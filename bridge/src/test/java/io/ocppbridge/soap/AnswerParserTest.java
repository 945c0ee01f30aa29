package io.ocppbridge.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

/** The per-thread answer parser keeps SecureXml's refusals across reuse. */
class AnswerParserTest {

  private static final byte[] GOOD = "<a xmlns='urn:x'><b>1</b></a>"
      .getBytes(StandardCharsets.UTF_8);

  /** Verifies a DOCTYPE and an external entity are refused every time, and good XML still reads. */
  @Test
  void refusesDoctypesEveryTimeAndStillReads() throws Exception {
    byte[] xxe = ("<?xml version='1.0'?><!DOCTYPE a [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>"
        + "<a>&e;</a>").getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 3; i++) {
      assertThat(AnswerParser.parse(GOOD).getDocumentElement().getTextContent()).isEqualTo("1");
      assertThatThrownBy(() -> AnswerParser.parse(xxe)).isInstanceOf(SAXException.class)
          .hasMessageContaining("DOCTYPE");
      assertThatThrownBy(() -> AnswerParser.parse("<a><b></a>".getBytes(StandardCharsets.UTF_8)))
          .isInstanceOf(SAXException.class);
    }
    // AND the namespace of a reused parser's document is read
    assertThat(AnswerParser.parse(GOOD).getDocumentElement().getNamespaceURI())
        .isEqualTo("urn:x");
  }
}
