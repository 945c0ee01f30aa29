package io.ocppbridge.session;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The persistent charger registry: one {@link ChargerRecord} per identity. Implementations are
 * thread-safe; failures surface as {@link ChargerStoreException}.
 *
 * <p>Request paths never call a store directly: they go through {@link WriteBehindStore}, which
 * keeps disk latency off them.
 */
public interface ChargerStore extends AutoCloseable {

  /**
   * Inserts or replaces every record, keyed by identity, all or none. Two records with one
   * identity in the same call: the later one in iteration order wins.
   */
  void saveAll(Collection<ChargerRecord> records);

  /** Every charger whose last contact is at or after {@code since}, ordered by identity. */
  List<ChargerRecord> seenSince(Instant since);

  Optional<ChargerRecord> find(String identity);

  /** Forgets a charger; nothing happens when it is unknown. */
  void delete(String identity);

  /** Releases the store's resources; idempotent. */
  @Override
  void close();
}
