package io.ocppbridge.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.core.ChargerContext;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.session.CallQueue;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChargerLineTest {

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  /**
   * Verifies that a refusal that has already arrived when the attempt is registered fails the
   * request that asked for it, not a later one: the race behind a request that waited out its
   * whole timeout although the central system had refused the handshake at once.
   */
  @Test
  void refusalThatEndedBeforeTheCallbackFailsTheWaitingRequest() throws Exception {
    CsmsUnavailable refused = new CsmsUnavailable("the central system refused the WebSocket"
        + " handshake (HTTP 401 Unauthorized)", true, null);
    ChargerLine line = new ChargerLine(new CallQueue(10, timer),
        charger -> CompletableFuture.failedFuture(refused),
        new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)), timer, new LinkStats(),
        Duration.ofSeconds(30));

    CompletableFuture<CsmsConnection> waiting =
        line.connection(new ChargerContext(new ChargerId("CB-401"), OcppVersion.V1_5));

    assertThat(waiting).isCompletedExceptionally();
    assertThat(waiting.handle((c, e) -> e).get(1, TimeUnit.SECONDS))
        .hasMessageContaining("HTTP 401");
  }
}
