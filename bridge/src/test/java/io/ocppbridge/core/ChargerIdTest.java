package io.ocppbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A charger's identity as a key: equal by its exact text, and refused when it cannot be one. */
class ChargerIdTest {

  @Test
  void equalByExactText() {
    ChargerId a = new ChargerId("CB-1");
    ChargerId same = new ChargerId(new String("CB-1".toCharArray()));
    assertThat(a).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(a).isNotEqualTo(new ChargerId("cb-1")).isNotEqualTo(new ChargerId("CB-1 "))
        .isNotEqualTo("CB-1").isNotEqualTo(null);
    Map<ChargerId, Integer> map = new HashMap<>();
    map.put(a, 1);
    assertThat(map).containsEntry(same, 1).doesNotContainKey(new ChargerId("CB-2"));
  }

  @Test
  void refusesWhatCannotNameACharger() {
    assertThatThrownBy(() -> new ChargerId(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ChargerId("..")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ChargerId("a\u0007b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ChargerId("x".repeat(ChargerId.MAX_LENGTH + 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
