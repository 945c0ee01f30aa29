package io.ocppbridge.session;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link ChargerStore} that forgets everything when the process ends: for tests, and for
 * {@code sessions.store: memory} where an operator wants no file on disk (a restart then
 * reconnects no charger until it sends a request).
 */
public final class InMemoryChargerStore implements ChargerStore {

  private final ConcurrentMap<String, ChargerRecord> records = new ConcurrentHashMap<>();

  @Override
  public void saveAll(Collection<ChargerRecord> batch) {
    for (ChargerRecord r : batch) {
      records.put(r.identity(), r);
    }
  }

  @Override
  public List<ChargerRecord> seenSince(Instant since) {
    return records.values().stream()
        .filter(r -> !r.lastSeen().isBefore(since))
        .sorted(Comparator.comparing(ChargerRecord::identity))
        .toList();
  }

  @Override
  public Optional<ChargerRecord> find(String identity) {
    return Optional.ofNullable(records.get(identity));
  }

  @Override
  public void delete(String identity) {
    records.remove(identity);
  }

  @Override
  public void close() {
    // nothing to release
  }
}
