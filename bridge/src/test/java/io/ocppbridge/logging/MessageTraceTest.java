package io.ocppbridge.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ocppbridge.core.ChargerId;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Tests of {@link MessageTrace}: the charger's identity is data, never part of a format. */
class MessageTraceTest {

  /** Verifies that an identity holding a placeholder is written as it is, arguments in place. */
  @Test
  void anIdentityWithPlaceholdersStaysItself() {
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    Logger logger = (Logger) LoggerFactory.getLogger(MessageTrace.LOGGER);
    logger.addAppender(lines);
    ChargerId odd = new ChargerId("CB-{}-X");
    MessageTrace.select(odd);
    try {
      MessageTrace.line(odd.value(), "<<cp {} {}", "Heartbeat", "{}");
    } finally {
      MessageTrace.deselect(odd);
      logger.detachAppender(lines);
    }
    assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly("[CB-{}-X] <<cp Heartbeat {}");
  }
}
