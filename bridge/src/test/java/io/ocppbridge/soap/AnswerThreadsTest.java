package io.ocppbridge.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The callback client's own threads: named, daemon, ended by close, never losing an answer. */
class AnswerThreadsTest {

  /** Verifies answers run on named daemon threads, none of which outlives close. */
  @Test
  void runsOnNamedDaemonThreadsEndedByClose() throws Exception {
    AnswerThreads threads = new AnswerThreads();
    // WHEN an answer is handled
    Thread ran = CompletableFuture.supplyAsync(Thread::currentThread, threads)
        .get(10, TimeUnit.SECONDS);
    // THEN on a named daemon thread of the pool
    assertThat(ran.getName()).startsWith("callback-answer-");
    assertThat(ran.isDaemon()).isTrue();
    // AND after close the thread has ended
    threads.close();
    ran.join(TimeUnit.SECONDS.toMillis(10));
    assertThat(ran.isAlive()).isFalse();
  }

  /** Verifies an answer arriving after close is still handled, on the thread that brought it. */
  @Test
  void handlesAnAnswerAfterCloseInItsOwnThread() throws Exception {
    AnswerThreads threads = new AnswerThreads();
    threads.close();
    Thread caller = Thread.currentThread();
    Thread ran = CompletableFuture.supplyAsync(Thread::currentThread, threads)
        .get(10, TimeUnit.SECONDS);
    assertThat(ran).isSameAs(caller);
  }

  /**
   * Verifies that the waiting answers are counted, and that answers beyond the bound are handled
   * where they arrive and counted too, none lost.
   */
  @Test
  void countsWaitingAnswersAndThoseHandledWhereTheyArrive() throws Exception {
    AnswerThreads threads = new AnswerThreads();
    java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicInteger handled =
        new java.util.concurrent.atomic.AtomicInteger();
    int workers = Math.max(2, Runtime.getRuntime().availableProcessors());
    try {
      // GIVEN every answer thread busy
      for (int i = 0; i < workers; i++) {
        threads.execute(() -> {
          try {
            hold.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          handled.incrementAndGet();
        });
      }
      // WHEN the queue fills and three more answers arrive
      for (int i = 0; i < AnswerThreads.QUEUED + 3; i++) {
        threads.execute(handled::incrementAndGet);
      }
      // THEN the bound is what waits, and the three beyond it ran here, counted
      assertThat(threads.waiting()).isEqualTo(AnswerThreads.QUEUED);
      assertThat(threads.handledInline()).isEqualTo(3);
      assertThat(handled.get()).isEqualTo(3);
    } finally {
      hold.countDown();
    }
    // AND once the threads are free every answer is handled and nothing waits
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (handled.get() < workers + AnswerThreads.QUEUED + 3 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(handled.get()).isEqualTo(workers + AnswerThreads.QUEUED + 3);
    assertThat(threads.waiting()).isZero();
    threads.close();
  }
}
