package io.ocppbridge.session;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The child JVM of {@link StoreCrashTest}: writes new chargers through a {@link WriteBehindStore}
 * (200 ms interval) into the H2 file named by its argument until it is killed, printing
 * {@code written N} (N = records committed so far) after every successful flush.
 */
public final class StoreCrashWriter {

  static final Duration FLUSH_INTERVAL = Duration.ofMillis(200);

  private StoreCrashWriter() {}

  public static void main(String[] args) throws InterruptedException {
    ChargerStore h2 = JdbcChargerStore.open(JdbcChargerStore.h2FileUrl(Path.of(args[0])));
    WriteBehindStore writer = new WriteBehindStore(new Reporting(h2), FLUSH_INTERVAL, 100_000);
    for (int i = 0; ; i++) {
      writer.update(record(i));
      if (i % 20 == 19) {
        Thread.sleep(10); // a few hundred new chargers per flush: busy, not flooded
      }
    }
  }

  /** The record the writer makes for its {@code i}th charger; the test checks rows against it. */
  static ChargerRecord record(int i) {
    return new ChargerRecord(identity(i), "1.5", "1.2", "http://www.w3.org/2005/08/addressing",
        "http://10.1." + (i / 250 % 250) + "." + (i % 250) + ":8080/ocpp", "wsa:From", "ocpp1.5",
        "UTC", Instant.parse("2026-03-01T10:00:00Z").plusMillis(i), 60 + i % 3600, null);
  }

  static String identity(int i) {
    return "CRASH-" + i;
  }

  /** Counts what each successful saveAll committed and says so on standard output. */
  private static final class Reporting implements ChargerStore {
    private final ChargerStore delegate;
    private long written;

    Reporting(ChargerStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public void saveAll(Collection<ChargerRecord> records) {
      delegate.saveAll(records); // returns after the commit
      written += records.size(); // every identity is new, so this counts rows
      System.out.println("written " + written);
      System.out.flush();
    }

    @Override
    public List<ChargerRecord> seenSince(Instant since) {
      return delegate.seenSince(since);
    }

    @Override
    public Optional<ChargerRecord> find(String identity) {
      return delegate.find(identity);
    }

    @Override
    public void delete(String identity) {
      delegate.delete(identity);
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
