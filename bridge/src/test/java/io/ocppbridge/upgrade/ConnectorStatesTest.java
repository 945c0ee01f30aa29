package io.ocppbridge.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The per-charger state on its own, without the translation around it. */
class ConnectorStatesTest {

  // Verifies that the remote stops waiting for their StopTransaction are bounded, oldest first.
  @Test
  void pendingRemoteStopsAreBounded() {
    ConnectorStates states = new ConnectorStates();
    for (int tx = 1; tx <= ConnectorStates.MAX_PENDING_REMOTE_STOPS + 1; tx++) {
      states.remoteStopAccepted(tx);
    }

    assertThat(states.transactionStopping(1)).isEmpty();
    assertThat(states.transactionStopping(2)).hasValue("Remote");
    assertThat(states.transactionStopping(ConnectorStates.MAX_PENDING_REMOTE_STOPS + 1))
        .hasValue("Remote");
    assertThat(states.transactionStopping(2)).isEmpty();
  }

  // Verifies that the JSON form gives back every part of the state: phases, transaction numbers,
  // pending remote stops (with their order) and remembered stops; and that what cannot be read
  // (a document of another version) is left out rather than guessed.
  @Test
  void jsonFormKeepsTheWholeState() {
    ConnectorStates states = new ConnectorStates();
    states.transactionStarting(1);
    states.transactionStarted(1, 10);
    states.remoteStartAccepted(2);
    states.remoteStopAccepted(10);
    states.transactionStarting(3);
    states.transactionStarted(3, 12);
    states.transactionStopping(12);

    ConnectorStates copy = ConnectorStates.fromJson(states.toJson());

    assertThat(copy.toJson()).isEqualTo(states.toJson());
    assertThat(copy.occupancy(1)).isEqualTo(ConnectorStates.Occupancy.CHARGING);
    assertThat(copy.occupancy(3)).isEqualTo(ConnectorStates.Occupancy.FINISHING);
    assertThat(copy.transactionOn(1)).hasValue(10);
    assertThat(copy.transactionStopping(10)).hasValue("Remote");

    ConnectorStates odd = ConnectorStates.fromJson(UpgradeFixture.json(
        "{\"phases\":{\"1\":\"SOMETHING_NEW\",\"x\":\"TRANSACTION\",\"2\":\"TRANSACTION\"},"
            + "\"transactions\":{\"7\":\"two\",\"8\":2},\"stopped\":[\"a\",9]}"));
    assertThat(odd.occupancy(1)).isEqualTo(ConnectorStates.Occupancy.PREPARING);
    assertThat(odd.transactionOn(2)).hasValue(8);
    odd.transactionSeen(4, 9);
    assertThat(odd.occupancy(4)).isEqualTo(ConnectorStates.Occupancy.PREPARING);
  }

  // Verifies that a new transaction on a connector replaces the old one's number.
  @Test
  void newTransactionReplacesTheOld() {
    ConnectorStates states = new ConnectorStates();
    states.transactionStarting(1);
    states.transactionStarted(1, 10);
    states.transactionStarting(1);
    states.transactionStarted(1, 11);

    assertThat(states.transactionOn(1)).hasValue(11);
    assertThat(states.transactionStopping(10)).isEmpty();
    assertThat(states.occupancy(1)).isEqualTo(ConnectorStates.Occupancy.CHARGING);
    states.transactionStopping(11);
    assertThat(states.occupancy(1)).isEqualTo(ConnectorStates.Occupancy.FINISHING);
    assertThat(states.transactionOn(1)).isEmpty();
  }

  // Verifies that a transaction named by MeterValues is learnt after a restart, unless it stopped.
  @Test
  void meterValuesRestoreARunningTransaction() {
    ConnectorStates afterRestart = new ConnectorStates();
    assertThat(afterRestart.occupancy(1)).isEqualTo(ConnectorStates.Occupancy.PREPARING);

    afterRestart.transactionSeen(1, 42);
    assertThat(afterRestart.occupancy(1)).isEqualTo(ConnectorStates.Occupancy.CHARGING);
    assertThat(afterRestart.transactionOn(1)).hasValue(42);

    afterRestart.transactionStopping(42);
    assertThat(afterRestart.occupancy(1)).isEqualTo(ConnectorStates.Occupancy.FINISHING);
    afterRestart.available(1);
    // a late MeterValues of the stopped transaction does not revive it
    afterRestart.transactionSeen(1, 42);
    assertThat(afterRestart.occupancy(1)).isEqualTo(ConnectorStates.Occupancy.PREPARING);
    // nor does connector 0 (the whole charger) count
    afterRestart.transactionSeen(0, 43);
    assertThat(afterRestart.occupancy(0)).isEqualTo(ConnectorStates.Occupancy.PREPARING);
  }
}
