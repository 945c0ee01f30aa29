package io.ocppbridge.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Verifies that {@link RelayBenchmark}'s harness relays for real: the bridge between the raw
 * peers carries a Heartbeat and a MeterValues from the charger and a ChangeAvailability from the
 * central system, each answered (the benchmark methods throw on any other answer), and the bare
 * endpoint and the peers alone answer the Heartbeat.
 */
class RelayPeersTest {

  @Test
  void everyBenchmarkRelaysAndIsAnswered() throws Exception {
    // GIVEN the bridge started between the raw charger and the raw central system
    RelayBenchmark bench = new RelayBenchmark();
    bench.setUp();
    try {
      // WHEN each benchmark runs twice (the message ids change in place)
      for (int i = 0; i < 2; i++) {
        bench.chargerToCsms();
        bench.chargerToCsmsMeterValues();
        int length = bench.csmsToCharger();
        // THEN the central system got the CALLRESULT with the charger's status
        assertThat(length).isGreaterThan(0);
        bench.bareHeartbeat();
        bench.peersOnly();
      }
    } finally {
      bench.tearDown();
    }
  }

  @Test
  void digitsAreWrittenInPlaceAndWrap() {
    byte[] bytes = HttpWire.ascii("id-0000-x");
    HttpWire.patchDigits(bytes, 3, 4, 12345);
    assertThat(new String(bytes, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("id-2345-x");
  }
}
