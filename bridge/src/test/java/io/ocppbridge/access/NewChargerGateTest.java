package io.ocppbridge.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ocppbridge.core.OcppErrorCode;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Unit tests of {@link NewChargerGate} on a hand-driven clock: the cap, the open-file bound, the
 * per-source burst and rate of new identities, and what a refusal says.
 */
class NewChargerGateTest {

  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong now = new AtomicLong(7 * SECOND);
  private final Set<String> present = new HashSet<>();
  private final Set<String> known = new HashSet<>();
  private final AtomicLong openFiles = new AtomicLong(100);
  private final AtomicLong fileLimit = new AtomicLong(1000);

  private final NewChargerGate.Held held = new NewChargerGate.Held() {
    @Override
    public boolean isPresent(String identity) {
      return present.contains(identity);
    }

    @Override
    public int count() {
      return present.size();
    }

    @Override
    public boolean isKnown(String identity) {
      return present.contains(identity) || known.contains(identity);
    }
  };

  private NewChargerGate gate(int max, int burst, double perMinute) {
    return new NewChargerGate(max, 0.8, burst, perMinute, held,
        new OpenFiles(openFiles::get, fileLimit::get, now::get), now::get);
  }

  /** Admits and holds, as the bridge would after a successful admission. */
  private void admitAndHold(NewChargerGate gate, String id, String source) {
    gate.admit(id, source);
    present.add(id);
  }

  private static AccessRefused refusal(NewChargerGate gate, String id, String source) {
    return catchThrowableOfType(AccessRefused.class, () -> gate.admit(id, source));
  }

  /** Verifies that the cap refuses a charger not held, while the held ones pass. */
  @Test
  void capRefusesNewChargersButNotTheHeldOnes() {
    NewChargerGate gate = gate(3, 100, 600);
    for (int i = 0; i < 3; i++) {
      admitAndHold(gate, "CB" + i, "10.0.0." + i);
    }

    AccessRefused refused = refusal(gate, "CB-NEW", "10.0.0.9");

    assertThat(refused).isNotNull();
    assertThat(refused.reason()).isEqualTo(NewChargerGate.CAPACITY);
    // a Receiver fault ("GenericError") that tells the charger to come back
    assertThat(refused.code()).isEqualTo(OcppErrorCode.GENERIC_ERROR);
    assertThat(refused.code().isSenderFault()).isFalse();
    assertThat(refused.description()).contains("try again later").contains("3 chargers");
    assertThatCode(() -> gate.admit("CB1", "10.0.0.1")).doesNotThrowAnyException();
    assertThat(gate.refusals()).containsEntry(NewChargerGate.CAPACITY, 1L);
    assertThat(gate.saturation()).anySatisfy(line -> assertThat(line).startsWith("saturated:")
        .contains("sessions.maxChargers"));
  }

  /** Verifies that new chargers are refused near the open-file limit, without naming it. */
  @Test
  void refusesNewChargersNearTheOpenFileLimit() {
    NewChargerGate gate = gate(10_000, 100, 600);
    admitAndHold(gate, "CB-HELD", "10.0.0.1");
    openFiles.set(800); // 80 % of 1000
    now.addAndGet(SECOND); // the count read at the admission above is reused for a moment

    AccessRefused refused = refusal(gate, "CB-NEW", "10.0.0.2");

    assertThat(refused.reason()).isEqualTo(NewChargerGate.DESCRIPTORS);
    assertThat(refused.description()).contains("try again later")
        .doesNotContain("file", "descriptor");
    assertThatCode(() -> gate.admit("CB-HELD", "10.0.0.1")).doesNotThrowAnyException();
    assertThat(gate.saturation()).anySatisfy(line -> assertThat(line).contains("open files"));

    // once descriptors are freed (and the cached count is old), new chargers pass again
    openFiles.set(200);
    now.addAndGet(SECOND);
    assertThatCode(() -> gate.admit("CB-NEW", "10.0.0.2")).doesNotThrowAnyException();
  }

  /** Verifies the per-source burst and rate for identities never seen, and known ones passing. */
  @Test
  void newIdentitiesPerSourceHaveABurstAndARate() {
    NewChargerGate gate = gate(10_000, 3, 6); // 6 a minute: one every 10 s after the burst
    for (int i = 0; i < 3; i++) {
      admitAndHold(gate, "NEW" + i, "192.0.2.1");
    }

    AccessRefused refused = refusal(gate, "NEW3", "192.0.2.1");
    assertThat(refused.reason()).isEqualTo(NewChargerGate.NEW_IDENTITY_RATE);
    // another source address has its own allowance
    assertThatCode(() -> gate.admit("OTHER", "192.0.2.2")).doesNotThrowAnyException();
    // an identity seen before (in the registry) is no new identity
    known.add("OLD");
    assertThatCode(() -> gate.admit("OLD", "192.0.2.1")).doesNotThrowAnyException();
    // ten seconds later, one more
    now.addAndGet(10 * SECOND + 1);
    assertThatCode(() -> gate.admit("NEW3", "192.0.2.1")).doesNotThrowAnyException();
    assertThat(refusal(gate, "NEW4", "192.0.2.1")).isNotNull();
    assertThat(gate.refusals()).containsEntry(NewChargerGate.NEW_IDENTITY_RATE, 2L);
    assertThat(gate.saturation()).anySatisfy(line ->
        assertThat(line).contains("new-identity-rate"));
  }

  /** Verifies that nothing is reported saturated while the bounds are far. */
  @Test
  void nothingSaturatedUnderTheBounds() {
    NewChargerGate gate = gate(10, 5, 60);
    admitAndHold(gate, "CB1", "10.0.0.1");
    assertThat(gate.saturation()).isEmpty();
    assertThat(gate.refusals()).isEmpty();
  }
}
