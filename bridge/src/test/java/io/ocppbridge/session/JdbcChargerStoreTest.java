package io.ocppbridge.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests of {@link JdbcChargerStore} on an embedded H2 file in a temporary folder: the
 * {@link ChargerStore} contract, and what only a database on disk does (reopen, precision).
 */
class JdbcChargerStoreTest extends ChargerStoreContract {

  @TempDir
  Path dir;

  @Override
  ChargerStore openStore() {
    return JdbcChargerStore.open(url());
  }

  private String url() {
    return JdbcChargerStore.h2FileUrl(dir.resolve("registry"));
  }

  /** Verifies that the records are still there after the store is closed and reopened. */
  @Test
  void reopenAfterCloseKeepsTheRecords() {
    // GIVEN two chargers saved to the file, then the store closed
    ChargerRecord one = full("CP1", T0);
    ChargerRecord two = bare("CP2", T0.plusSeconds(1));
    store.saveAll(List.of(one, two));
    store.close();
    assertThat(dir.resolve("registry.mv.db")).exists();

    // WHEN the file is opened again (the table already exists)
    store = JdbcChargerStore.open(url());

    // THEN both records are read back unchanged
    assertThat(store.seenSince(Instant.EPOCH)).containsExactly(one, two);
  }

  /** Verifies that last contact is kept to the microsecond, the precision both databases have. */
  @Test
  void keepsLastSeenToTheMicrosecond() {
    // GIVEN a last contact with nanoseconds
    Instant seen = Instant.parse("2026-03-01T10:00:00.123456789Z");

    // WHEN it is saved and read back
    store.saveAll(List.of(full("CP1", seen)));

    // THEN the nanoseconds beyond the microsecond are gone, the rest kept
    assertThat(store.find("CP1").orElseThrow().lastSeen())
        .isEqualTo(Instant.parse("2026-03-01T10:00:00.123456Z"));
  }

  /** Verifies that a closed store fails with a store exception naming the database. */
  @Test
  void closedStoreFailsWithAStoreException() {
    // GIVEN a closed store
    store.close();

    // WHEN it is written to
    // THEN a ChargerStoreException says what could not be done, without the URL's settings
    assertThatThrownBy(() -> store.saveAll(List.of(full("CP1", T0))))
        .isInstanceOf(ChargerStoreException.class)
        .hasMessageContaining("could not save 1 charger records")
        .hasMessageNotContaining("WRITE_DELAY");
  }

  /** Verifies that an unusable location fails when the store is opened, not on a later write. */
  @Test
  void failsAtOpenWhenTheFileCannotBeCreated() throws Exception {
    // GIVEN a path under a regular file, where no database can be created
    Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
    String url = JdbcChargerStore.h2FileUrl(blocker.resolve("registry"))
        + ";TRACE_LEVEL_FILE=0"; // else H2 also prints that it cannot write its trace file

    // WHEN a store is opened there
    // THEN it fails at once, not on the first write
    assertThatThrownBy(() -> JdbcChargerStore.open(url))
        .isInstanceOf(ChargerStoreException.class)
        .hasMessageContaining("could not open the charger registry");
  }
}
