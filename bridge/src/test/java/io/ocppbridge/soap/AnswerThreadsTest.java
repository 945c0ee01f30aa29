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
}
