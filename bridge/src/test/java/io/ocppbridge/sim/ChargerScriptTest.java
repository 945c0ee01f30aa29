package io.ocppbridge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.testsupport.BridgeFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pace of the scripted session's heartbeats, through a real bridge (interval 300 s). */
class ChargerScriptTest {

  private static BridgeFixture fixture;

  @BeforeAll
  static void startBridge() {
    fixture = BridgeFixture.start();
  }

  @AfterAll
  static void stopBridge() {
    fixture.close();
  }

  /** Verifies that heartbeats after the first wait the interval the boot answer gave. */
  @Test
  void heartbeatsAfterTheFirstWaitTheBootInterval() throws Exception {
    assertThat(pausesOf("PACE-1", null)).containsExactly(Duration.ofSeconds(300),
        Duration.ofSeconds(300));
  }

  /** Verifies that --heartbeat-every caps those waits. */
  @Test
  void theCapShortensTheWaits() throws Exception {
    assertThat(pausesOf("PACE-2", Duration.ofSeconds(2))).containsExactly(Duration.ofSeconds(2),
        Duration.ofSeconds(2));
  }

  /** Plays a session with three heartbeats, recording the pauses instead of waiting them. */
  private static List<Duration> pausesOf(String id, Duration cap) throws Exception {
    List<Duration> pauses = new CopyOnWriteArrayList<>();
    ByteArrayOutputStream trace = new ByteArrayOutputStream();
    try (SoapChargerSimulator charger = new SoapChargerSimulator(fixture.soapUrl(), id,
        OcppVersion.V1_5, true, null)) {
      ChargerSession session = new ChargerSession(charger, OcppVersion.V1_5,
          Clock.systemUTC(), new PrintStream(trace, true, StandardCharsets.UTF_8));
      boolean ok = new ChargerScript(new ChargerScript.Plan(1, 3, cap, "PACE", 0,
          ChargerScript.METER_START_WH), pauses::add,
          new PrintStream(trace, true, StandardCharsets.UTF_8)).run(session);
      assertThat(ok).as(trace.toString(StandardCharsets.UTF_8)).isTrue();
    }
    assertThat(fixture.csms().received().stream().filter(c -> c.chargerId().equals(id)
        && c.action().equals("Heartbeat"))).hasSize(3);
    return pauses;
  }
}
