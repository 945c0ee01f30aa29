package io.ocppbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadlineSweepTest {

  private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  /** A sweep whose own task never rings during a test: the test sweeps by hand. */
  private DeadlineSweep byHand() {
    return new DeadlineSweep(timer, Duration.ofHours(1));
  }

  @Test
  void aFuturePastItsDeadlineIsFailedWithATimeout() {
    DeadlineSweep sweep = byHand();
    CompletableFuture<String> late = sweep.bound(new CompletableFuture<>(), Duration.ZERO);
    CompletableFuture<String> early = sweep.bound(new CompletableFuture<>(), Duration.ofHours(1));

    sweep.sweep();

    assertThatThrownBy(late::get).isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(TimeoutException.class);
    assertThat(early).isNotDone();
    assertThat(sweep.expired()).isEqualTo(1);
    assertThat(sweep.pending()).as("the failed one is no longer held").isEqualTo(1);
  }

  @Test
  void aSettledFutureIsForgottenAndLeftAlone() {
    DeadlineSweep sweep = byHand();
    CompletableFuture<String> answered = sweep.bound(new CompletableFuture<>(), Duration.ZERO);
    assertThat(sweep.pending()).isEqualTo(1);

    answered.complete("answer");
    sweep.sweep();

    assertThat(sweep.pending()).isZero();
    assertThat(answered.join()).isEqualTo("answer");
    assertThat(sweep.expired()).isZero();
  }

  @Test
  void anAlreadySettledFutureIsNotHeld() {
    DeadlineSweep sweep = byHand();
    CompletableFuture<String> done = CompletableFuture.completedFuture("x");
    assertThat(sweep.bound(done, Duration.ZERO)).isSameAs(done);
    assertThat(sweep.pending()).isZero();
  }

  @Test
  void theSharedTimerFailsAFutureSoonAfterItsDeadline() throws Exception {
    DeadlineSweep sweep = new DeadlineSweep(timer, Duration.ofMillis(20));
    long start = System.nanoTime();
    CompletableFuture<String> unanswered =
        sweep.bound(new CompletableFuture<>(), Duration.ofMillis(100));

    assertThatThrownBy(() -> unanswered.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(
        Duration.ofMillis(100));
  }

  @Test
  void closeTakesItsTaskOffTheTimer() {
    timer.setRemoveOnCancelPolicy(true);
    DeadlineSweep sweep = byHand();
    assertThat(timer.getQueue()).hasSize(1);

    sweep.close();

    assertThat(timer.getQueue()).isEmpty();
  }
}
