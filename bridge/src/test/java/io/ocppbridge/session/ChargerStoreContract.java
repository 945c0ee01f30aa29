package io.ocppbridge.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ChargerStore} does, whatever keeps the records: upsert by identity,
 * {@code seenSince} at or after an instant, find, delete. Each implementation's test extends it.
 */
abstract class ChargerStoreContract {

  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  ChargerStore store;

  /** A fresh, empty store. */
  abstract ChargerStore openStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = openStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  /** A 1.5 charger over SOAP 1.2 with every field set. */
  static ChargerRecord full(String identity, Instant lastSeen) {
    return new ChargerRecord(identity, "1.5", "1.2", "http://www.w3.org/2005/08/addressing",
        "http://10.0.0.7:8080/ocpp", "wsa:From", "ocpp1.5", "Europe/Berlin", lastSeen, 900,
        "{\"connectors\":{\"phases\":{\"1\":\"TRANSACTION\"}}}");
  }

  /** A 1.2 charger over SOAP 1.1 with every optional field null. */
  static ChargerRecord bare(String identity, Instant lastSeen) {
    return new ChargerRecord(identity, "1.2", "1.1", null, null, null, "ocpp1.2", null, lastSeen,
        null, null);
  }

  /** Verifies that every field comes back as saved, null fields included. */
  @Test
  void keepsEveryFieldAndNull() {
    // GIVEN one charger with every field set and one with none of the optional ones
    ChargerRecord full = full("CP-FULL", T0);
    ChargerRecord bare = bare("CP-BARE", T0.plusSeconds(1));

    // WHEN both are saved in one batch
    store.saveAll(List.of(full, bare));

    // THEN each is found exactly as saved
    assertThat(store.find("CP-FULL")).contains(full);
    assertThat(store.find("CP-BARE")).contains(bare);
    assertThat(store.find("CP-NONE")).isEmpty();
  }

  /** Verifies that saving an identity again replaces its record instead of adding one. */
  @Test
  void upsertReplacesTheRecordOfTheSameIdentity() {
    // GIVEN a 1.2 charger without a heartbeat interval
    store.saveAll(List.of(bare("CP1", T0)));

    // WHEN the same identity is saved as a 1.5 charger, seen later, with an interval
    ChargerRecord upgraded = full("CP1", T0.plusSeconds(60));
    store.saveAll(List.of(upgraded, bare("CP2", T0)));

    // THEN one record remains for it, the new one
    assertThat(store.find("CP1")).contains(upgraded);
    assertThat(store.seenSince(Instant.EPOCH)).extracting(ChargerRecord::identity)
        .containsExactly("CP1", "CP2");
  }

  /** Verifies that the later of two records for one identity in one batch wins. */
  @Test
  void laterRecordOfOneIdentityInOneBatchWins() {
    // GIVEN two records of CP1 in one batch
    ChargerRecord first = bare("CP1", T0);
    ChargerRecord second = full("CP1", T0.plusSeconds(5));

    // WHEN the batch is saved
    store.saveAll(List.of(first, second));

    // THEN the second is kept
    assertThat(store.find("CP1")).contains(second);
  }

  /** Verifies that seenSince returns the chargers seen at or after the instant, by identity. */
  @Test
  void seenSinceFiltersByLastContact() {
    // GIVEN chargers last seen an hour before, exactly at, and after the cut
    Instant cut = T0.minusSeconds(600);
    store.saveAll(List.of(full("OLD", cut.minusSeconds(3600)), full("EDGE", cut),
        bare("B-NEW", T0), full("A-NEW", T0.plusSeconds(1))));

    // WHEN the chargers seen since the cut are asked for
    List<ChargerRecord> recent = store.seenSince(cut);

    // THEN the old one is left out, the one at the cut is in, ordered by identity
    assertThat(recent).extracting(ChargerRecord::identity)
        .containsExactly("A-NEW", "B-NEW", "EDGE");
  }

  /** Verifies that delete forgets a charger and ignores an unknown one. */
  @Test
  void deleteForgetsACharger() {
    // GIVEN two chargers
    store.saveAll(List.of(full("CP1", T0), full("CP2", T0)));

    // WHEN one is deleted, and an unknown one too
    store.delete("CP1");
    store.delete("CP-UNKNOWN");

    // THEN only the other remains
    assertThat(store.find("CP1")).isEmpty();
    assertThat(store.seenSince(Instant.EPOCH)).extracting(ChargerRecord::identity)
        .containsExactly("CP2");
  }

  /** Verifies that a batch larger than one JDBC batch, of new and known chargers, is saved. */
  @Test
  void savesABatchOfNewAndKnownChargersLargerThanOneJdbcBatch() {
    // GIVEN half of 1,200 chargers already known
    int count = JdbcChargerStore.BATCH_SIZE * 2 + 200;
    List<ChargerRecord> known = new ArrayList<>();
    for (int i = 0; i < count; i += 2) {
      known.add(bare(String.format("CP-%05d", i), T0));
    }
    store.saveAll(known);

    // WHEN all of them are saved, seen a minute later
    List<ChargerRecord> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      all.add(full(String.format("CP-%05d", i), T0.plusSeconds(60)));
    }
    store.saveAll(all);

    // THEN every one of them is there once, in its new state
    assertThat(store.seenSince(Instant.EPOCH)).isEqualTo(all);
  }
}
