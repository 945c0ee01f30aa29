package io.ocppbridge.session;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tests of {@link CallQueue}: one outstanding call per charger (OCPP-J 1.6 section 4.1.1), one
 * deadline per call covering queueing and the wire, a bounded wait.
 */
class CallQueueTest {

  /** Long enough never to pass during a test; the tests complete calls by hand. */
  private static final Duration NO_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration WAIT = Duration.ofSeconds(2);

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final ConcurrentLinkedQueue<String> startOrder = new ConcurrentLinkedQueue<>();

  @AfterEach
  void stopTimer() {
    timer.shutdownNow();
  }

  /** A call whose work records when it starts and answers only when the test says so. */
  private final class HandCall {
    final String name;
    final CompletableFuture<String> reply = new CompletableFuture<>();
    final CompletableFuture<Duration> started = new CompletableFuture<>();
    final OcppException timeoutError;

    HandCall(String name) {
      this.name = name;
      this.timeoutError = new OcppException(OcppErrorCode.INTERNAL_ERROR, name + " timed out");
    }

    Function<Duration, CompletableFuture<String>> work() {
      return left -> {
        startOrder.add(name);
        started.complete(left);
        return reply;
      };
    }

    Supplier<OcppException> timeout() {
      return () -> timeoutError;
    }

    CompletableFuture<String> submitTo(CallQueue queue, Duration timeout) {
      return queue.submit(work(), timeout, timeout());
    }
  }

  private static Throwable failureOf(CompletableFuture<?> result) throws Exception {
    try {
      Object value = result.get(WAIT.toSeconds(), SECONDS);
      throw new AssertionError("expected the call to fail, but it returned " + value);
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  // Verifies that the second call's work is not started before the first call's answer arrives,
  // and that calls start in the order they were submitted.
  @Test
  void runsCallsOneAtATimeInArrivalOrder() throws Exception {
    // GIVEN a queue and three calls submitted in turn
    CallQueue queue = new CallQueue(4, timer);
    HandCall a = new HandCall("A");
    HandCall b = new HandCall("B");
    HandCall c = new HandCall("C");
    CompletableFuture<String> resultA = a.submitTo(queue, NO_TIMEOUT);
    CompletableFuture<String> resultB = b.submitTo(queue, NO_TIMEOUT);
    CompletableFuture<String> resultC = c.submitTo(queue, NO_TIMEOUT);

    // THEN only the first has started and the others wait
    assertThat(a.started).isDone();
    assertThat(b.started).isNotDone();
    assertThat(c.started).isNotDone();
    assertThat(queue.waitingCount()).isEqualTo(2);

    // WHEN the first call is answered
    a.reply.complete("answer A");

    // THEN its caller gets the answer and the second, only the second, starts
    assertThat(resultA.get(WAIT.toSeconds(), SECONDS)).isEqualTo("answer A");
    assertThat(b.started.get(WAIT.toSeconds(), SECONDS)).isPositive().isLessThanOrEqualTo(NO_TIMEOUT);
    assertThat(c.started).isNotDone();
    assertThat(resultB).isNotDone();

    // WHEN the second and third are answered in turn
    b.reply.complete("answer B");
    c.started.get(WAIT.toSeconds(), SECONDS);
    c.reply.complete("answer C");

    // THEN each caller has its own answer and the starts followed arrival order
    assertThat(resultB.get(WAIT.toSeconds(), SECONDS)).isEqualTo("answer B");
    assertThat(resultC.get(WAIT.toSeconds(), SECONDS)).isEqualTo("answer C");
    assertThat(List.copyOf(startOrder)).containsExactly("A", "B", "C");
    assertThat(queue.waitingCount()).isZero();
  }

  // Verifies that a call whose answer does not come before its deadline fails with the supplied
  // timeout error, that its work is cancelled, and that the next call then starts.
  @Test
  void failsACallThatExceedsItsTimeoutAndMovesOn() throws Exception {
    // GIVEN a first call with a short deadline that is never answered, and a second behind it
    CallQueue queue = new CallQueue(4, timer);
    HandCall slow = new HandCall("slow");
    HandCall next = new HandCall("next");
    CompletableFuture<String> slowResult = slow.submitTo(queue, Duration.ofMillis(100));
    CompletableFuture<String> nextResult = next.submitTo(queue, NO_TIMEOUT);
    CompletableFuture<Boolean> slowWorkCancelled =
        slow.reply.handle((r, e) -> e instanceof CancellationException);

    // WHEN the deadline passes
    Throwable failure = failureOf(slowResult);

    // THEN the caller gets exactly the supplied timeout error
    assertThat(failure).isSameAs(slow.timeoutError);
    // AND the abandoned work is cancelled
    assertThat(slowWorkCancelled.get(WAIT.toSeconds(), SECONDS)).isTrue();
    // AND the next call starts and is answered normally
    next.started.get(WAIT.toSeconds(), SECONDS);
    next.reply.complete("on time");
    assertThat(nextResult.get(WAIT.toSeconds(), SECONDS)).isEqualTo("on time");
  }

  // Verifies that an answer arriving after the deadline does not replace the timeout error.
  @Test
  void ignoresAnAnswerThatArrivesAfterTheDeadline() throws Exception {
    // GIVEN a call that timed out
    CallQueue queue = new CallQueue(4, timer);
    HandCall late = new HandCall("late");
    CompletableFuture<String> result = late.submitTo(queue, Duration.ofMillis(50));
    assertThat(failureOf(result)).isSameAs(late.timeoutError);

    // WHEN its work completes afterwards
    late.reply.complete("too late");

    // THEN the caller's result is still the timeout error
    assertThat(failureOf(result)).isSameAs(late.timeoutError);
  }

  // Verifies that a call whose deadline passes while it waits behind another is never started,
  // and the queue goes on to the call after it.
  @Test
  void neverStartsACallThatExpiredWhileWaiting() throws Exception {
    // GIVEN a running call and, behind it, a call with a short deadline
    CallQueue queue = new CallQueue(4, timer);
    HandCall running = new HandCall("running");
    HandCall expiring = new HandCall("expiring");
    CompletableFuture<String> runningResult = running.submitTo(queue, NO_TIMEOUT);
    CompletableFuture<String> expiringResult = expiring.submitTo(queue, Duration.ofMillis(50));

    // WHEN the waiting call's deadline passes
    Throwable failure = failureOf(expiringResult);

    // THEN its caller gets the timeout error while the first call still runs
    assertThat(failure).isSameAs(expiring.timeoutError);
    assertThat(runningResult).isNotDone();

    // WHEN the running call is answered and a third call arrives
    running.reply.complete("done");
    HandCall third = new HandCall("third");
    CompletableFuture<String> thirdResult = third.submitTo(queue, NO_TIMEOUT);

    // THEN the third call starts, and the expired one never did
    third.started.get(WAIT.toSeconds(), SECONDS);
    assertThat(expiring.started).isNotDone();
    assertThat(List.copyOf(startOrder)).containsExactly("running", "third");
    third.reply.complete("ok");
    assertThat(thirdResult.get(WAIT.toSeconds(), SECONDS)).isEqualTo("ok");
  }

  // Verifies that a call is refused at once with an OcppException when maxWaiting calls already
  // wait behind the running one, and that room frees up when the queue advances.
  @Test
  void refusesACallWhenMaxWaitingCallsAlreadyWait() throws Exception {
    // GIVEN a queue allowing one waiting call, with one running and one waiting
    CallQueue queue = new CallQueue(1, timer);
    HandCall running = new HandCall("running");
    HandCall waiting = new HandCall("waiting");
    HandCall refused = new HandCall("refused");
    running.submitTo(queue, NO_TIMEOUT);
    CompletableFuture<String> waitingResult = waiting.submitTo(queue, NO_TIMEOUT);

    // WHEN one more call is submitted
    CompletableFuture<String> refusedResult = refused.submitTo(queue, NO_TIMEOUT);

    // THEN it has already failed with an OcppException and its work never runs
    assertThat(refusedResult).isCompletedExceptionally();
    assertThat(failureOf(refusedResult)).isInstanceOf(OcppException.class)
        .isNotSameAs(refused.timeoutError);
    assertThat(refused.started).isNotDone();
    assertThat(queue.waitingCount()).isEqualTo(1);
    assertThat(waitingResult).isNotDone();

    // WHEN the running call is answered, so the waiting one runs
    running.reply.complete("done");
    waiting.started.get(WAIT.toSeconds(), SECONDS);

    // THEN a new call is accepted again
    HandCall later = new HandCall("later");
    CompletableFuture<String> laterResult = later.submitTo(queue, NO_TIMEOUT);
    assertThat(laterResult).isNotDone();
    assertThat(queue.waitingCount()).isEqualTo(1);
  }

  // Verifies that with maxWaiting 0 only the running call is accepted.
  @Test
  void acceptsOnlyTheRunningCallWhenNoneMayWait() throws Exception {
    // GIVEN a queue that allows no waiting call, with one running
    CallQueue queue = new CallQueue(0, timer);
    HandCall running = new HandCall("running");
    running.submitTo(queue, NO_TIMEOUT);

    // WHEN a second call is submitted
    CompletableFuture<String> second = new HandCall("second").submitTo(queue, NO_TIMEOUT);

    // THEN it is refused with an OcppException
    assertThat(failureOf(second)).isInstanceOf(OcppException.class);
    assertThat(running.started).isDone();
  }

  // Verifies that work which throws fails only its own call: the call behind it still runs.
  @Test
  void workThatThrowsFailsOnlyItsOwnCall() throws Exception {
    // GIVEN a running call, a call whose work throws, and a third call behind both
    CallQueue queue = new CallQueue(4, timer);
    HandCall first = new HandCall("first");
    HandCall third = new HandCall("third");
    IllegalStateException boom = new IllegalStateException("boom");
    CompletableFuture<String> firstResult = first.submitTo(queue, NO_TIMEOUT);
    CompletableFuture<String> throwingResult = queue.submit(left -> {
      throw boom;
    }, NO_TIMEOUT, () -> new OcppException(OcppErrorCode.INTERNAL_ERROR, "unexpected timeout"));
    CompletableFuture<String> thirdResult = third.submitTo(queue, NO_TIMEOUT);

    // WHEN the first call is answered, so the throwing work runs
    first.reply.complete("first done");

    // THEN the throwing call fails with its own exception
    assertThat(firstResult.get(WAIT.toSeconds(), SECONDS)).isEqualTo("first done");
    assertThat(failureOf(throwingResult)).isSameAs(boom);
    // AND the third call still starts and succeeds
    third.started.get(WAIT.toSeconds(), SECONDS);
    third.reply.complete("third done");
    assertThat(thirdResult.get(WAIT.toSeconds(), SECONDS)).isEqualTo("third done");
  }

  // Verifies that when the first call's work throws at once, submit returns a failed future
  // instead of throwing, and the queue stays usable.
  @Test
  void workThatThrowsImmediatelyLeavesTheQueueUsable() throws Exception {
    // GIVEN an idle queue
    CallQueue queue = new CallQueue(4, timer);
    IllegalArgumentException boom = new IllegalArgumentException("bad payload");

    // WHEN the first call's work throws
    CompletableFuture<String> failed = queue.submit(left -> {
      throw boom;
    }, NO_TIMEOUT, () -> new OcppException(OcppErrorCode.INTERNAL_ERROR, "unexpected timeout"));

    // THEN that call fails with the exception
    assertThat(failureOf(failed)).isSameAs(boom);
    // AND the next call starts straight away
    HandCall next = new HandCall("next");
    CompletableFuture<String> nextResult = next.submitTo(queue, NO_TIMEOUT);
    next.started.get(WAIT.toSeconds(), SECONDS);
    next.reply.complete("fine");
    assertThat(nextResult.get(WAIT.toSeconds(), SECONDS)).isEqualTo("fine");
  }

  // Verifies that work whose future fails (rather than throwing) fails only its own call.
  @Test
  void workWhoseFutureFailsFailsOnlyItsOwnCall() throws Exception {
    // GIVEN a call whose work fails with a central system error, and a call behind it
    CallQueue queue = new CallQueue(4, timer);
    HandCall failing = new HandCall("failing");
    HandCall next = new HandCall("next");
    CompletableFuture<String> failingResult = failing.submitTo(queue, NO_TIMEOUT);
    CompletableFuture<String> nextResult = next.submitTo(queue, NO_TIMEOUT);
    OcppException callError = new OcppException(OcppErrorCode.NOT_SUPPORTED, "no such action",
        OcppException.Origin.CENTRAL_SYSTEM, null);

    // WHEN the first call's future fails
    failing.reply.completeExceptionally(callError);

    // THEN its caller gets that error and the next call runs normally
    assertThat(failureOf(failingResult)).isSameAs(callError);
    next.started.get(WAIT.toSeconds(), SECONDS);
    next.reply.complete("ok");
    assertThat(nextResult.get(WAIT.toSeconds(), SECONDS)).isEqualTo("ok");
  }

  // Verifies that calls answered in time leave no scheduled task behind each: the queue's one
  // alarm stands for all of them, so the shared scheduler holds at most one task per queue.
  @Test
  void answeredCallsLeaveAtMostOneAlarmInTheScheduler() throws Exception {
    // GIVEN a queue on a scheduler whose tasks can be counted
    ScheduledThreadPoolExecutor counted = new ScheduledThreadPoolExecutor(1);
    try {
      CallQueue queue = new CallQueue(4, counted);

      // WHEN a hundred calls are answered one after the other
      for (int i = 0; i < 100; i++) {
        HandCall call = new HandCall("call " + i);
        CompletableFuture<String> result = call.submitTo(queue, NO_TIMEOUT);
        call.reply.complete("ok " + i);
        assertThat(result.get(WAIT.toSeconds(), SECONDS)).isEqualTo("ok " + i);
      }

      // THEN the scheduler holds one task, the queue's alarm, not one per call
      assertThat(counted.getQueue()).hasSize(1);
      assertThat(queue.alarmSet()).isTrue();
    } finally {
      counted.shutdownNow();
    }
  }

  // Verifies that a timeout fires once, and that the alarm of a queue gone idle rings for
  // nothing once and is not set again: no timer outlives the calls by more than one timeout.
  @Test
  void timeoutFiresOnceAndAnIdleQueueKeepsNoAlarm() throws Exception {
    // GIVEN a call that is never answered, whose timeout error counts how often it is asked for
    ScheduledThreadPoolExecutor counted = new ScheduledThreadPoolExecutor(1);
    try {
      CallQueue queue = new CallQueue(4, counted);
      AtomicInteger timeouts = new AtomicInteger();
      OcppException timedOut = new OcppException(OcppErrorCode.INTERNAL_ERROR, "timed out");
      HandCall silent = new HandCall("silent");
      CompletableFuture<String> silentResult = queue.submit(silent.work(),
          Duration.ofMillis(50), () -> {
            timeouts.incrementAndGet();
            return timedOut;
          });
      // AND, after it, a call answered at once with a short timeout of its own
      HandCall quick = new HandCall("quick");
      CompletableFuture<String> quickResult = quick.submitTo(queue, Duration.ofMillis(150));

      // WHEN the first deadline passes, the second call runs and is answered
      assertThat(failureOf(silentResult)).isSameAs(timedOut);
      quick.started.get(WAIT.toSeconds(), SECONDS);
      quick.reply.complete("in time");
      assertThat(quickResult.get(WAIT.toSeconds(), SECONDS)).isEqualTo("in time");

      // THEN once the second deadline has passed too, the alarm has rung and is not set again
      long until = System.nanoTime() + WAIT.toNanos();
      while (queue.alarmSet() && System.nanoTime() - until < 0) {
        Thread.sleep(10);
      }
      assertThat(queue.alarmSet()).isFalse();
      assertThat(counted.getQueue()).isEmpty();
      // AND the first call's timeout fired exactly once, the second call's never
      assertThat(timeouts).hasValue(1);
      assertThat(quickResult).isCompleted();
    } finally {
      counted.shutdownNow();
    }
  }

  // Verifies that a call behind the running one with a shorter timeout than it still fails at
  // its own deadline, not at the running call's later one.
  @Test
  void aShorterTimeoutBehindALongerOneFailsAtItsOwnDeadline() throws Exception {
    // GIVEN a running call with a long timeout
    CallQueue queue = new CallQueue(4, timer);
    HandCall running = new HandCall("running");
    running.submitTo(queue, NO_TIMEOUT);

    // WHEN a call with a short timeout waits behind it
    HandCall waiting = new HandCall("waiting");
    long submitted = System.nanoTime();
    CompletableFuture<String> waitingResult = waiting.submitTo(queue, Duration.ofMillis(100));

    // THEN it fails with its timeout error soon after its own deadline
    assertThat(failureOf(waitingResult)).isSameAs(waiting.timeoutError);
    assertThat(Duration.ofNanos(System.nanoTime() - submitted)).isLessThan(WAIT);
  }
}
