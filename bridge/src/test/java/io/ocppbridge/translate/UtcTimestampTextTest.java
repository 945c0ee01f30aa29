package io.ocppbridge.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import javax.xml.datatype.DatatypeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shortcut for the usual UTC timestamp gives what parsing and formatting it would, and takes
 * nothing else.
 */
class UtcTimestampTextTest {

  @ParameterizedTest
  @ValueSource(strings = {"2013-02-01T15:09:18Z", "2013-02-01T15:09:18.5Z",
      "2013-02-01T15:09:18.500Z", "2013-02-01T15:09:18.123456789Z", "2024-02-29T23:59:59Z",
      "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.0Z"})
  void takesTheUsualUtcFormAndItsValueGivesTheSameText(String text) throws Exception {
    assertThat(UtcTimestampText.isCanonical(text)).isTrue();
    assertThat(generalWay(text)).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2013-02-01T15:09:18", "2013-02-01T15:09:18+00:00",
      "2013-02-01T15:09:18+02:00", "2013-02-01T24:00:00Z", "2013-02-01T15:09:18.Z",
      "2013-02-01T15:09:18.1234567891Z", "12013-02-01T15:09:18Z", "-2013-02-01T15:09:18Z",
      "0000-01-01T00:00:00Z", "2013-13-01T15:09:18Z", "2013-02-29T15:09:18Z",
      "2100-02-29T15:09:18Z", "2013-04-31T15:09:18Z", "2013-02-01T15:60:18Z",
      "2013-02-01T15:09:60Z", "2013-02-01 15:09:18Z", "2013-02-01T15:09:18z",
      "2013-02-0aT15:09:18Z", "2013-02-01T15:09:18.1a3Z", ""})
  void leavesEverythingElseToTheGeneralWay(String text) {
    assertThat(UtcTimestampText.isCanonical(text)).isFalse();
  }

  /** Verifies on 20,000 random timestamps, many of them out of range, that a taken one is exact. */
  @Test
  void everyTakenRandomTimestampIsWhatTheGeneralWayGives() throws Exception {
    Random random = new Random(20261204L);
    int taken = 0;
    for (int i = 0; i < 20_000; i++) {
      String fraction = random.nextInt(3) == 0 ? ""
          : "." + String.valueOf(random.nextLong() & Long.MAX_VALUE)
              .substring(0, 1 + random.nextInt(10));
      String text = String.format("%04d-%02d-%02dT%02d:%02d:%02d%sZ", random.nextInt(10_000),
          random.nextInt(14), random.nextInt(33), random.nextInt(25), random.nextInt(61),
          random.nextInt(61), fraction);
      if (UtcTimestampText.isCanonical(text)) {
        taken++;
        assertThat(generalWay(text)).as(text).isEqualTo(text);
      }
    }
    assertThat(taken).as("random timestamps taken").isGreaterThan(5_000);
  }

  private static String generalWay(String text) throws Exception {
    return OcppJson.timestampText(DatatypeFactory.newInstance().newXMLGregorianCalendar(text),
        ChargerClock.UTC);
  }
}
