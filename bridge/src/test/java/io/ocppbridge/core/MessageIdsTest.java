package io.ocppbridge.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

  @Test
  void idsAreVersionFourUuidsInTextForm() {
    for (int i = 0; i < 1_000; i++) {
      String id = MessageIds.next();
      UUID parsed = UUID.fromString(id);
      assertThat(id).hasSize(36).isEqualTo(parsed.toString());
      assertThat(parsed.version()).isEqualTo(4);
      assertThat(parsed.variant()).isEqualTo(2);
    }
  }

  @Test
  void idsDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200_000; i++) {
      assertThat(seen.add(MessageIds.next())).isTrue();
    }
  }
}
