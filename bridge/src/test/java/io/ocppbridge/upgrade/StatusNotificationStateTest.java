package io.ocppbridge.upgrade;

import static io.ocppbridge.core.OcppVersion.V1_2;
import static io.ocppbridge.core.OcppVersion.V1_5;
import static io.ocppbridge.upgrade.UpgradeFixture.CB1;
import static io.ocppbridge.upgrade.UpgradeFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.OcppVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The 1.6 split of Occupied (section 4.9), derived from the transactions seen per connector. */
class StatusNotificationStateTest {

  private final UpgradeFixture fixture = new UpgradeFixture();

  private String status(OcppVersion version, ChargerId charger, int connector, String status) {
    return fixture.profile.chargerRequest(version, "StatusNotification", json(
        "{\"connectorId\":" + connector + ",\"status\":\"" + status
            + "\",\"errorCode\":\"NoError\"}"), charger).path("status").asText();
  }

  private void start(ChargerId charger, int connector, int transactionId) {
    String request = "{\"connectorId\":" + connector
        + ",\"idTag\":\"A\",\"timestamp\":\"2013-02-01T15:09:18Z\",\"meterStart\":0}";
    fixture.profile.chargerRequest(V1_5, "StartTransaction", json(request), charger);
    fixture.profile.csmsAnswer(V1_5, "StartTransaction", json(request),
        json("{\"transactionId\":" + transactionId + ",\"idTagInfo\":{\"status\":\"Accepted\"}}"),
        charger);
  }

  private void stop(ChargerId charger, int transactionId) {
    fixture.profile.chargerRequest(V1_5, "StopTransaction", json("{\"transactionId\":"
        + transactionId + ",\"timestamp\":\"2013-02-01T15:09:18Z\",\"meterStop\":9}"), charger);
  }

  // Verifies that after a restart (no state) a 1.5 MeterValues naming its transaction is enough
  // to report the connector Charging again, and its StopTransaction then Finishing.
  @Test
  void meterValuesOfARunningTransactionRestoreChargingAfterARestart() {
    fixture.profile.chargerRequest(V1_5, "MeterValues", json("{\"connectorId\":1,"
        + "\"transactionId\":77,\"values\":[{\"timestamp\":\"2013-02-01T15:09:18Z\","
        + "\"values\":[{\"value\":\"1200\"}]}]}"), CB1);
    assertThat(status(V1_5, CB1, 1, "Occupied")).isEqualTo("Charging");
    stop(CB1, 77);
    assertThat(status(V1_5, CB1, 1, "Occupied")).isEqualTo("Finishing");
  }

  // Verifies that the connector states survive a restart of the bridge: a profile reading the
  // same saved state reports a transaction started before the restart as Charging at once, and
  // its stop as Finishing, with no MeterValues needed to learn it again.
  @Test
  void connectorStatesSurviveARestart() {
    start(CB1, 1, 31);
    start(CB1, 2, 32);
    stop(CB1, 32);

    UpgradeFixture restarted = new UpgradeFixture(UpgradeOptions.DEFAULT, fixture.saved);
    String afterRestart = restarted.profile.chargerRequest(V1_5, "StatusNotification", json(
        "{\"connectorId\":1,\"status\":\"Occupied\",\"errorCode\":\"NoError\"}"), CB1)
        .path("status").asText();
    assertThat(afterRestart).isEqualTo("Charging");
    assertThat(restarted.profile.states(CB1).occupancy(2))
        .isEqualTo(ConnectorStates.Occupancy.FINISHING);
    assertThat(restarted.profile.states(CB1).transactionOn(1)).hasValue(31);
    // and a stop remembered before the restart is not revived by a late MeterValues
    restarted.profile.states(CB1).available(2);
    restarted.profile.states(CB1).transactionSeen(2, 32);
    assertThat(restarted.profile.states(CB1).occupancy(2))
        .isEqualTo(ConnectorStates.Occupancy.PREPARING);
  }

  // Verifies that a conversion that changes nothing saves nothing, and one per charger is kept.
  @Test
  void savesOnlyWhatChanged() {
    status(V1_5, CB1, 1, "Available");
    assertThat(fixture.saved.size()).isZero();
    start(CB1, 1, 41);
    assertThat(fixture.saved.size()).isEqualTo(1);
    assertThat(fixture.saved.load(CB1, ConnectorStates.MEMBER).orElseThrow()
        .path("transactions").path("41").asInt()).isEqualTo(1);
  }

  // Verifies that Occupied with no transaction is Preparing (plugged in, not yet started).
  @Test
  void occupiedBeforeATransactionIsPreparing() {
    assertThat(status(V1_5, CB1, 1, "Occupied")).isEqualTo("Preparing");
    assertThat(status(V1_2, CB1, 2, "Occupied")).isEqualTo("Preparing");
  }

  // Verifies the whole cycle: Preparing, Charging while the transaction runs, Finishing after
  // StopTransaction, Preparing again once the connector was Available.
  @Test
  void transactionCycle() {
    assertThat(status(V1_5, CB1, 1, "Occupied")).isEqualTo("Preparing");
    start(CB1, 1, 11);
    assertThat(status(V1_5, CB1, 1, "Occupied")).isEqualTo("Charging");
    stop(CB1, 11);
    assertThat(status(V1_5, CB1, 1, "Occupied")).isEqualTo("Finishing");
    assertThat(status(V1_5, CB1, 1, "Available")).isEqualTo("Available");
    assertThat(status(V1_5, CB1, 1, "Occupied")).isEqualTo("Preparing");
  }

  // Verifies that the charger's StartTransaction alone (answer still out) means Charging.
  @Test
  void startRequestAloneMeansCharging() {
    fixture.profile.chargerRequest(V1_5, "StartTransaction", json(
        "{\"connectorId\":2,\"idTag\":\"A\",\"timestamp\":\"2013-02-01T15:09:18Z\",\"meterStart\":0}"),
        CB1);
    assertThat(status(V1_5, CB1, 2, "Occupied")).isEqualTo("Charging");
  }

  // Verifies that an accepted remote start leaves an Occupied connector Preparing until the
  // charger starts the transaction.
  @Test
  void acceptedRemoteStartIsPreparing() {
    fixture.profile.chargerAnswer(V1_5, "RemoteStartTransaction",
        json("{\"idTag\":\"A\",\"connectorId\":1}"), json("{\"status\":\"Accepted\"}"), CB1);
    assertThat(status(V1_5, CB1, 1, "Occupied")).isEqualTo("Preparing");
    start(CB1, 1, 5);
    assertThat(status(V1_5, CB1, 1, "Occupied")).isEqualTo("Charging");
  }

  // Verifies that connectors and chargers are tracked separately.
  @Test
  void stateIsPerConnectorAndPerCharger() {
    ChargerId other = new ChargerId("CB2");
    start(CB1, 1, 11);
    assertThat(status(V1_5, CB1, 2, "Occupied")).isEqualTo("Preparing");
    assertThat(status(V1_5, other, 1, "Occupied")).isEqualTo("Preparing");
    assertThat(status(V1_5, CB1, 1, "Occupied")).isEqualTo("Charging");
  }

  // Verifies that other statuses pass as they are, and a fault during a transaction keeps it.
  @Test
  void otherStatusesPass() {
    start(CB1, 1, 11);
    assertThat(status(V1_5, CB1, 1, "Faulted")).isEqualTo("Faulted");
    assertThat(status(V1_5, CB1, 1, "Unavailable")).isEqualTo("Unavailable");
    assertThat(status(V1_5, CB1, 2, "Reserved")).isEqualTo("Reserved");
    assertThat(status(V1_5, CB1, 1, "Occupied")).isEqualTo("Charging");
    assertThat(fixture.losses).isEmpty();
  }

  // Verifies that Occupied and Reserved on connector 0, which 1.6 forbids, are sent as Available.
  @Test
  void connectorZero() {
    assertThat(status(V1_5, CB1, 0, "Occupied")).isEqualTo("Available");
    assertThat(status(V1_5, CB1, 0, "Reserved")).isEqualTo("Available");
    assertThat(status(V1_5, CB1, 0, "Faulted")).isEqualTo("Faulted");
    assertThat(fixture.lossCases())
        .containsExactly(LossCase.CONNECTOR_ZERO_STATUS, LossCase.CONNECTOR_ZERO_STATUS);
  }

  // Verifies that concurrent transactions of many connectors of one charger end consistent.
  @Test
  void concurrentUseOfOneChargerIsConsistent() throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch go = new CountDownLatch(1);
    List<Runnable> work = new ArrayList<>();
    for (int connector = 1; connector <= 40; connector++) {
      int c = connector;
      work.add(() -> {
        start(CB1, c, 1000 + c);
        if (c % 2 == 0) {
          stop(CB1, 1000 + c);
        }
      });
    }
    work.forEach(w -> pool.submit(() -> {
      go.await();
      w.run();
      return null;
    }));
    go.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(20, TimeUnit.SECONDS)).isTrue();

    for (int connector = 1; connector <= 40; connector++) {
      assertThat(status(V1_5, CB1, connector, "Occupied")).as("connector %d", connector)
          .isEqualTo(connector % 2 == 0 ? "Finishing" : "Charging");
    }
  }
}
