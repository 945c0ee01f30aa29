package io.ocppbridge.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.sim.CsmsSimulator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes every Heartbeat answer of a simulated central system unique, so that each HTTP 200 a
 * charger got can be matched to the very CALLRESULT the central system wrote: the answers' clock
 * is one second further on at every reading (the simulator writes whole seconds).
 */
final class UniqueAnswers extends Clock {

  private final AtomicLong readings = new AtomicLong();

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("one zone only");
  }

  @Override
  public Instant instant() {
    return Instant.parse("2030-01-01T00:00:00Z").plusSeconds(readings.getAndIncrement());
  }

  /** The currentTime of every Heartbeat CALLRESULT this instance wrote to a socket. */
  static List<Instant> written(CsmsSimulator csms) {
    return csms.answers().values().stream()
        .map(payload -> Instant.parse(payload.get("currentTime").asText())).toList();
  }

  /**
   * Asserts that every 200 carries the answer of one CALLRESULT the central system wrote, and no
   * two the same one: nothing acknowledged to a charger that the central system did not answer.
   */
  static void assertEveryAcknowledgementWasAnswered(List<HeartbeatLoad.Outcome> outcomes,
      Collection<Instant> written) {
    List<HeartbeatLoad.Outcome> ok = outcomes.stream().filter(o -> o.status() == 200).toList();
    assertThat(ok).as("200 answers carrying a currentTime")
        .allSatisfy(o -> assertThat(o.currentTime()).as("%s", o).isNotNull());
    List<Instant> acknowledged = ok.stream().map(o -> Instant.parse(o.currentTime())).toList();
    assertThat(acknowledged).as("answers acknowledged to chargers").isNotEmpty()
        .doesNotHaveDuplicates();
    assertThat(written).as("CALLRESULTs written by the central system")
        .containsAll(acknowledged);
  }
}
