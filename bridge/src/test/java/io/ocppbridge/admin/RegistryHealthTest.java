package io.ocppbridge.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.core.QuirkCounter;
import io.ocppbridge.session.ChargerRecord;
import io.ocppbridge.session.ChargerStore;
import io.ocppbridge.session.ChargerStoreException;
import io.ocppbridge.session.SessionRegistry;
import io.ocppbridge.session.SoapDialect;
import io.ocppbridge.session.WriteBehindStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A registry that cannot be written (a full disk, a database gone) is visible on the admin
 * listener, over a real socket: named in {@code /health/ready} and counted in the metrics, while
 * the bridge stays ready (relaying does not need it); and its recovery is visible too.
 */
class RegistryHealthTest {

  /** A store whose writes fail while {@code broken} is set. */
  private static final class FullDisk implements ChargerStore {
    volatile boolean broken = true;

    @Override
    public void saveAll(Collection<ChargerRecord> records) {
      if (broken) {
        throw new ChargerStoreException("could not write", new java.io.IOException(
            "No space left on device"));
      }
    }

    @Override
    public List<ChargerRecord> seenSince(Instant since) {
      return List.of();
    }

    @Override
    public Optional<ChargerRecord> find(String identity) {
      return Optional.empty();
    }

    @Override
    public void delete(String identity) { }

    @Override
    public void close() { }
  }

  /** Verifies readiness text and metrics during and after a failure streak. */
  @Test
  void aFailingRegistryIsNamedAndCountedThenClears() throws Exception {
    FullDisk disk = new FullDisk();
    try (WriteBehindStore store = new WriteBehindStore(disk, Duration.ofMinutes(10), 100);
        BridgeMetrics metrics = new BridgeMetrics()) {
      SessionRegistry sessions = new SessionRegistry(Clock.systemUTC(), store);
      AdminView view = new AdminView(sessions, id -> false, new QuirkCounter(), () -> true,
          new LinkCounters(() -> 0, () -> 0, () -> 0, () -> 0), Map::of);
      metrics.watch(view);
      try (AdminServer admin = new AdminServer("127.0.0.1", 0, view, metrics, null,
          HostCheck.of(List.of(), "127.0.0.1"), 10)) {
        var session = sessions.observe(new ChargerId("CB-DISK"), OcppVersion.V1_5,
            new SoapDialect("1.2", null), null);
        session.markAccepted(); // only chargers the central system answered are written
        sessions.persist(session);
        store.flush();
        store.flush();

        HttpResponse<String> ready = get(admin, "/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).startsWith("ready\n")
            .contains("degraded: registry writes failing since", "1 charger records waiting");
        String scrape = get(admin, "/metrics").body();
        assertThat(scrape).contains("bridge_registry_failing 1.0",
            "bridge_registry_pending 1.0", "bridge_registry_write_failures_total 2.0");

        disk.broken = false;
        store.flush();
        assertThat(get(admin, "/health/ready").body()).isEqualTo("ready\n");
        assertThat(get(admin, "/metrics").body()).contains("bridge_registry_failing 0.0",
            "bridge_registry_pending 0.0");
      }
    }
  }

  private static HttpResponse<String> get(AdminServer admin, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + admin.port() + path)).timeout(Duration.ofSeconds(5))
        .build(), HttpResponse.BodyHandlers.ofString());
  }
}
