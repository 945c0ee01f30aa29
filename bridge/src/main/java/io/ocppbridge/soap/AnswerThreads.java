package io.ocppbridge.soap;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's own threads that read a charger's SOAP answer and relay it on (translation,
 * validation, the CALLRESULT to the central system). The JDK HTTP client completes its
 * futures on the common fork-join pool, whose workers may drop their thread-local state after
 * each task; on these threads the per-thread parser and validator caches survive from one
 * answer to the next.
 *
 * <p>At most one thread per core (two at least), named {@code callback-answer-N}, daemon, and
 * ended after {@value #IDLE_SECONDS} s idle. At most {@value #QUEUED} answers wait for them;
 * beyond that an answer is handled on the thread that received it, so none is ever dropped and
 * the HTTP client's threads slow down with the bridge. {@link #close} ends the threads, waiting
 * {@value #CLOSE_WAIT_SECONDS} s for answers being handled.
 */
final class AnswerThreads implements Executor, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AnswerThreads.class);
  static final int QUEUED = 4096;
  static final int IDLE_SECONDS = 30;
  static final int CLOSE_WAIT_SECONDS = 2;

  private final ThreadPoolExecutor pool;
  private final AtomicBoolean saturationLogged = new AtomicBoolean();
  private final java.util.concurrent.atomic.LongAdder handledInline =
      new java.util.concurrent.atomic.LongAdder();

  AnswerThreads() {
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    AtomicInteger number = new AtomicInteger();
    pool = new ThreadPoolExecutor(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(QUEUED), task -> {
          Thread t = new Thread(task, "callback-answer-" + number.incrementAndGet());
          t.setDaemon(true);
          return t;
        }, inCaller());
    pool.allowCoreThreadTimeOut(true);
  }

  @Override
  public void execute(Runnable answer) {
    pool.execute(answer);
  }

  /** Full, or closed: the answer is handled where it arrived rather than lost. */
  private RejectedExecutionHandler inCaller() {
    return (task, executor) -> {
      if (!executor.isShutdown()) {
        handledInline.increment();
      }
      if (!executor.isShutdown() && saturationLogged.compareAndSet(false, true)) {
        LOG.warn("{} charger answers wait to be relayed; further ones are handled on the"
            + " HTTP client's threads (logged once)", QUEUED);
      }
      task.run();
    };
  }

  /** Charger answers waiting for one of these threads now. */
  int waiting() {
    return pool.getQueue().size();
  }

  /** Charger answers handled where they arrived because {@value #QUEUED} were waiting. */
  long handledInline() {
    return handledInline.sum();
  }

  @Override
  public void close() {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("charger answers still being relayed after {} s at shutdown; stopping them",
            CLOSE_WAIT_SECONDS);
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
