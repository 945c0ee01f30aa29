package io.ocppbridge.upgrade.v201;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.upgrade.v201.StationState.RemoteStart;
import io.ocppbridge.upgrade.v201.StationState.TxEvent;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What the 2.0.1 profile remembers of a charger, and that it survives its JSON form. */
class StationStateTest {

  // Verifies that the JSON form keeps the id pairs, sequence numbers, pending remote starts,
  // token types, boot reason and request ids: a state read back continues where it stopped.
  @Test
  void survivesItsJsonForm() {
    // GIVEN a state with a running transaction begun by a remote start, and more
    StationState state = new StationState(1_700_000_000L);
    state.remoteStartAccepted(new RemoteStart(1, "TAG1", "eMAID", 77));
    state.remoteStartAccepted(new RemoteStart(null, "TAG9", "Central", 78));
    TxEvent started = state.started(1, "TAG1", "fp-start");
    state.updated(started.localId(), "fp-meter-1");
    state.learnType("TAG2", "KeyCode");
    state.nextBootReason("RemoteReset");
    state.firmwareRequest(5);
    state.logRequest(6);

    // WHEN it is written and read back
    StationState restored = StationState.fromJson(state.toJson());

    // THEN the next event of that transaction continues the sequence
    TxEvent next = restored.updated(started.localId(), "fp-meter-2").orElseThrow();
    assertThat(next.transactionId()).isEqualTo(started.transactionId());
    assertThat(next.seqNo()).isEqualTo(2);
    assertThat(next.remoteStartId()).isEqualTo(77);
    assertThat(restored.localIdOf(started.transactionId())).hasValue(started.localId());
    assertThat(restored.takeRemoteStart(3, "TAG9")).hasValueSatisfying(r ->
        assertThat(r.remoteStartId()).isEqualTo(78));
    assertThat(restored.typeOf("TAG2")).hasValue("KeyCode");
    assertThat(restored.takeBootReason()).hasValue("RemoteReset");
    assertThat(restored.firmwareRequest()).hasValue(5);
    assertThat(restored.logRequest()).hasValue(6);
    // AND a new transaction gets a new charger number
    assertThat(restored.started(1, "TAG3", "fp-start-2").localId())
        .isEqualTo(started.localId() + 1);
  }

  // Verifies that a fresh state numbers transactions from the clock, not from 1.
  @Test
  void freshNumbersComeFromTheClock() {
    StationState state = new StationState(1_700_000_123L);

    assertThat(state.started(1, "T", "fp").localId()).isEqualTo(700_000_123);
  }

  // Verifies that every change is announced (persistence) and that the sizes are bounded.
  @Test
  void announcesChangesAndStaysBounded() {
    StationState state = new StationState(1);
    AtomicInteger changes = new AtomicInteger();
    state.onChange(changes::incrementAndGet);

    for (int i = 0; i < StationState.MAX_TRANSACTIONS + 10; i++) {
      TxEvent e = state.started(1, "T", "fp-" + i);
      state.ended(e.localId(), "fp-end-" + i);
    }
    for (int i = 0; i < StationState.MAX_REMOTE_STARTS + 3; i++) {
      state.remoteStartAccepted(new RemoteStart(null, "R" + i, "Central", i));
    }

    assertThat(changes.get()).isGreaterThan(2 * (StationState.MAX_TRANSACTIONS + 10));
    assertThat(state.toJson().get("transactions").size())
        .isEqualTo(StationState.MAX_TRANSACTIONS);
    assertThat(state.toJson().get("remoteStarts").size())
        .isEqualTo(StationState.MAX_REMOTE_STARTS);
    assertThat(state.takeRemoteStart(1, "R0")).isEmpty();
  }
}
