package io.ocppbridge.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.core.ChargerId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoggingLossRecorderTest {

  // Verifies that the default recorder counts every occurrence per case.
  @Test
  void countsPerCase() {
    LoggingLossRecorder recorder = new LoggingLossRecorder();
    ChargerId cb = new ChargerId("CB1");

    recorder.record(LossCase.TEXT_TRUNCATED, cb, "a");
    recorder.record(LossCase.TEXT_TRUNCATED, cb, "b");
    recorder.record(LossCase.MODE3_ERROR_RENAMED, new ChargerId("CB2"), "c");

    assertThat(recorder.snapshot()).isEqualTo(Map.of(
        LossCase.TEXT_TRUNCATED, 2L, LossCase.MODE3_ERROR_RENAMED, 1L));
  }
}
