package io.ocppbridge.session;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Tests of {@link WriteBehindStore} over a scripted store: updates coalesce per identity, a
 * flush is one batch, callers never wait for the store, and failures are retried and logged
 * once per streak.
 */
class WriteBehindStoreTest {

  /** Never passes during a test: flushes happen only when a test asks. */
  private static final Duration MANUAL = Duration.ofMinutes(10);
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final ScriptedStore store = new ScriptedStore();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(WriteBehindStore.class);
  private WriteBehindStore writer;

  @BeforeEach
  void captureLogs() {
    logs.start();
    logger.addAppender(logs);
  }

  @AfterEach
  void release() {
    store.gate.countDown();
    if (writer != null) {
      writer.close();
    }
    logger.detachAppender(logs);
  }

  private static ChargerRecord record(String identity, int seconds) {
    return new ChargerRecord(identity, "1.5", "1.1", null, "http://10.0.0.7:8080/", "wsa:From",
        "ocpp1.5", null, T0.plusSeconds(seconds), 300, null);
  }

  /** Verifies that several updates of one charger become one record, the latest. */
  @Test
  void updatesCoalescePerIdentity() {
    // GIVEN a writer that flushes only when asked
    writer = new WriteBehindStore(store, MANUAL, 100);

    // WHEN CP1 is updated three times and CP2 once
    writer.update(record("CP1", 1));
    writer.update(record("CP2", 1));
    writer.update(record("CP1", 2));
    writer.update(record("CP1", 3));
    assertThat(writer.pendingCount()).isEqualTo(2);
    boolean written = writer.flush();

    // THEN one batch holds two records, CP1 in its last state
    assertThat(written).isTrue();
    assertThat(store.batches).hasSize(1);
    assertThat(store.batches.get(0))
        .containsExactlyInAnyOrder(record("CP1", 3), record("CP2", 1));
    assertThat(writer.pendingCount()).isZero();
  }

  /** Verifies that everything pending goes to the store in one saveAll, and only once. */
  @Test
  void flushWritesOneBatch() {
    // GIVEN 1,000 chargers updated
    writer = new WriteBehindStore(store, MANUAL, 100_000);
    for (int i = 0; i < 1000; i++) {
      writer.update(record("CP" + i, i));
    }

    // WHEN flushed twice
    writer.flush();
    writer.flush();

    // THEN the store saw one batch of 1,000 (the second flush had nothing to write)
    assertThat(store.batches).hasSize(1);
    assertThat(store.batches.get(0)).hasSize(1000);
  }

  /** Verifies that the writer thread flushes on its own, at the interval. */
  @Test
  void flushesOnItsOwnEveryInterval() throws Exception {
    // GIVEN a writer with a 50 ms interval
    writer = new WriteBehindStore(store, Duration.ofMillis(50), 100);

    // WHEN a charger is updated and nobody flushes
    writer.update(record("CP1", 1));

    // THEN the record reaches the store
    assertThat(store.saved.poll(5, SECONDS)).containsExactly(record("CP1", 1));
  }

  /** Verifies that update returns at once while the store is stuck in a write. */
  @Test
  void updateNeverWaitsForTheStore() throws Exception {
    // GIVEN a store whose writes hang until the test releases them, and a flush stuck in it
    store.gate = new CountDownLatch(1);
    writer = new WriteBehindStore(store, Duration.ofMillis(20), 100_000);
    writer.update(record("CP0", 0));
    assertThat(store.entered.await(5, SECONDS)).isTrue();

    // WHEN 10,000 updates are made meanwhile
    for (int i = 1; i <= 10_000; i++) {
      writer.update(record("CP" + i, i));
    }

    // THEN they all returned while the store was still stuck (its gate is still closed: no
    // clock needed), and are written once it is free
    assertThat(store.gate.getCount()).isEqualTo(1);
    assertThat(store.batches).isEmpty();
    assertThat(writer.pendingCount()).isEqualTo(10_001);
    store.gate.countDown();
    assertThat(store.saved.poll(5, SECONDS)).hasSize(1);
    writer.flush();
    assertThat(writer.pendingCount()).isZero();
    assertThat(store.all()).hasSize(10_001);
  }

  /** Verifies that an update made while its older state is being written is not lost. */
  @Test
  void updateDuringAFlushWaitsForTheNextOne() throws Exception {
    // GIVEN a flush stuck in writing CP1 at second 1
    store.gate = new CountDownLatch(1);
    writer = new WriteBehindStore(store, Duration.ofMillis(20), 100);
    writer.update(record("CP1", 1));
    assertThat(store.entered.await(5, SECONDS)).isTrue();

    // WHEN CP1 is updated to second 2 meanwhile, and the write then completes
    writer.update(record("CP1", 2));
    store.gate.countDown();
    assertThat(store.saved.poll(5, SECONDS)).containsExactly(record("CP1", 1));

    // THEN the newer state is still pending, and the next flush writes it
    writer.flush();
    assertThat(store.all().get(store.all().size() - 1)).isEqualTo(record("CP1", 2));
    assertThat(writer.pendingCount()).isZero();
  }

  /** Verifies that failed writes keep their records, are retried, and log one WARN a streak. */
  @Test
  void failuresAreRetriedAndLoggedOncePerStreak() {
    // GIVEN a store that fails its next three writes
    writer = new WriteBehindStore(store, MANUAL, 100);
    store.failuresLeft.set(3);
    writer.update(record("CP1", 1));
    writer.update(record("CP2", 1));

    // WHEN three flushes fail (CP1 being updated in between) and the fourth succeeds
    assertThat(writer.flush()).isFalse();
    writer.update(record("CP1", 2));
    assertThat(writer.flush()).isFalse();
    assertThat(writer.flush()).isFalse();
    assertThat(writer.flush()).isTrue();

    // THEN the successful write holds the latest of both, and the log has one WARN, one INFO
    assertThat(store.batches).hasSize(1);
    assertThat(store.batches.get(0))
        .containsExactlyInAnyOrder(record("CP1", 2), record("CP2", 1));
    assertThat(events(Level.WARN)).hasSize(1);
    assertThat(events(Level.WARN).get(0)).contains("2 charger records", "disk full");
    assertThat(events(Level.INFO)).singleElement().asString().contains("3 failed attempts");

    // AND a new streak gets its own WARN
    store.failuresLeft.set(1);
    writer.update(record("CP3", 1));
    assertThat(writer.flush()).isFalse();
    assertThat(events(Level.WARN)).hasSize(2);
  }

  /** Verifies that health shows a failure streak while it lasts, and its end. */
  @Test
  void healthNamesAFailingRegistry() {
    writer = new WriteBehindStore(store, MANUAL, 100);
    assertThat(writer.health().failing()).isFalse();
    store.failuresLeft.set(2);
    writer.update(record("CP1", 1));
    writer.flush();
    writer.flush();

    WriteBehindStore.Health failing = writer.health();
    assertThat(failing.failing()).isTrue();
    assertThat(failing.pending()).isEqualTo(1);
    assertThat(failing.failedWrites()).isEqualTo(2);
    assertThat(failing.failingSince()).isNotNull();
    assertThat(failing.lastError()).contains("disk full");

    writer.flush();
    WriteBehindStore.Health healed = writer.health();
    assertThat(healed.failing()).isFalse();
    assertThat(healed.pending()).isZero();
    assertThat(healed.failedWrites()).isEqualTo(2);
    assertThat(healed.failingSince()).isNull();
  }

  /**
   * Verifies that the writer thread backs off from a failing registry: over a second at a 10 ms
   * interval it would try about 100 times without backoff, and with it (10, 20, 40, ... ms) only
   * about 7; the bound leaves room for a slow machine either way.
   */
  @Test
  void theWriterBacksOffFromAFailingRegistry() throws Exception {
    store.failuresLeft.set(Integer.MAX_VALUE);
    writer = new WriteBehindStore(store, Duration.ofMillis(10), 100);
    writer.update(record("CP1", 1));
    Thread.sleep(1_000);
    long attempts = writer.health().failedWrites();
    assertThat(attempts).isBetween(2L, 20L);
    assertThat(events(Level.WARN)).hasSize(1);
  }

  /** Verifies that the writer thread retries by itself after a failure. */
  @Test
  void writerThreadRetriesAfterAFailure() throws Exception {
    // GIVEN a store that fails its first write, and a 20 ms interval
    store.failuresLeft.set(1);
    writer = new WriteBehindStore(store, Duration.ofMillis(20), 100);

    // WHEN a charger is updated
    writer.update(record("CP1", 1));

    // THEN a later flush writes it without anyone asking
    assertThat(store.saved.poll(5, SECONDS)).containsExactly(record("CP1", 1));
  }

  /** Verifies that more pending identities than the bound bring the flush forward. */
  @Test
  void pastTheBoundTheFlushComesEarly() throws Exception {
    // GIVEN a bound of 10 pending identities and an interval that never passes
    writer = new WriteBehindStore(store, MANUAL, 10);

    // WHEN 11 chargers are updated
    for (int i = 0; i < 11; i++) {
      writer.update(record("CP" + i, i));
    }

    // THEN they are written without waiting for the interval, with no update dropped
    assertThat(store.saved.poll(5, SECONDS)).hasSize(11);
    assertThat(events(Level.WARN)).singleElement().asString().contains("more than 10");
  }

  /** Verifies that close writes what is pending and then closes the store. */
  @Test
  void closeFlushesThenClosesTheStore() {
    // GIVEN a pending update
    writer = new WriteBehindStore(store, MANUAL, 100);
    writer.update(record("CP1", 1));

    // WHEN the writer is closed (twice)
    writer.close();
    writer.close();

    // THEN the update was written before the store was closed, and later updates are ignored
    assertThat(store.all()).containsExactly(record("CP1", 1));
    assertThat(store.closes.get()).isEqualTo(1);
    writer.update(record("CP2", 1));
    assertThat(writer.pendingCount()).isZero();
  }

  private List<String> events(Level level) {
    return logs.list.stream()
        .filter(e -> e.getLevel() == level)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  /** A store that records batches and can be told to fail or to hang. */
  private static final class ScriptedStore implements ChargerStore {
    final List<List<ChargerRecord>> batches = Collections.synchronizedList(new ArrayList<>());
    final BlockingQueue<List<ChargerRecord>> saved = new LinkedBlockingQueue<>();
    final AtomicInteger failuresLeft = new AtomicInteger();
    final AtomicInteger closes = new AtomicInteger();
    final CountDownLatch entered = new CountDownLatch(1);
    volatile CountDownLatch gate = new CountDownLatch(0);

    @Override
    public void saveAll(Collection<ChargerRecord> records) {
      entered.countDown();
      try {
        if (!gate.await(30, SECONDS)) {
          throw new IllegalStateException("test never released the store");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new ChargerStoreException("could not save " + records.size() + " records",
            new IOException("disk full"));
      }
      List<ChargerRecord> copy = List.copyOf(records);
      batches.add(copy);
      saved.add(copy);
    }

    List<ChargerRecord> all() {
      synchronized (batches) {
        return batches.stream().flatMap(List::stream).toList();
      }
    }

    @Override
    public List<ChargerRecord> seenSince(Instant since) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<ChargerRecord> find(String identity) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void delete(String identity) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }
}
