package io.ocppbridge.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppbridge.core.Initiator;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppVersion;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OwnTranslationCheckTest {

  private static final OcppAction HEARTBEAT =
      OcppAction.of("Heartbeat", OcppVersion.V1_5, Initiator.CHARGE_POINT).orElseThrow();
  private static final OcppAction METER_VALUES =
      OcppAction.of("MeterValues", OcppVersion.V1_5, Initiator.CHARGE_POINT).orElseThrow();

  @Test
  void everyTranslationIsCheckedWhenEveryIsOne() {
    OwnTranslationCheck check = OwnTranslationCheck.ALWAYS;
    assertThat(IntStream.range(0, 1_000).filter(i -> check.due(HEARTBEAT, true)).count())
        .isEqualTo(1_000);
  }

  @Test
  void theFirstOnesOfEachKindAreCheckedThenOneInEvery() {
    OwnTranslationCheck check = new OwnTranslationCheck(50);
    boolean[] due = new boolean[OwnTranslationCheck.ALWAYS_FIRST + 1_000];
    for (int i = 0; i < due.length; i++) {
      due[i] = check.due(HEARTBEAT, true);
    }
    assertThat(IntStream.range(0, OwnTranslationCheck.ALWAYS_FIRST).allMatch(i -> due[i]))
        .isTrue();
    // after the first hundred: messages 100, 150, 200, ... of the 1,000 that follow
    assertThat(IntStream.range(OwnTranslationCheck.ALWAYS_FIRST, due.length)
        .filter(i -> due[i]).boxed().toList())
        .hasSize(20)
        .allMatch(i -> i % 50 == 0);
  }

  @Test
  void eachActionAndDirectionCountsOnItsOwn() {
    OwnTranslationCheck check = new OwnTranslationCheck(1_000);
    for (int i = 0; i < OwnTranslationCheck.ALWAYS_FIRST + 10; i++) {
      check.due(HEARTBEAT, true);
    }
    assertThat(check.due(HEARTBEAT, true)).isFalse();
    // a kind not seen yet is checked from its first message, whatever the others did
    assertThat(check.due(HEARTBEAT, false)).isTrue();
    assertThat(check.due(METER_VALUES, true)).isTrue();
  }

  @Test
  void lessThanOneIsRefused() {
    assertThatThrownBy(() -> new OwnTranslationCheck(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
  }
}
