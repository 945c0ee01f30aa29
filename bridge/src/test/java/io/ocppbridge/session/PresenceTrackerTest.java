package io.ocppbridge.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Scheduler;
import io.ocppbridge.core.ChargerId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Offline decisions on a hand-driven clock: never before a charger's window has passed since
 * its last request, at most one step after, whichever requests were coalesced on the way.
 */
class PresenceTrackerTest {

  private static final Duration FLOOR = Duration.ofSeconds(60);
  private static final Duration UNACCEPTED = Duration.ofSeconds(10);
  private static final ChargerId CP = new ChargerId("CP-1");
  private static final long SECOND = 1_000_000_000L;

  private static final long START = 1_000 * SECOND;

  private final AtomicLong now = new AtomicLong(START);
  private final List<ChargerId> offline = new ArrayList<>();
  private final PresenceTracker presence = new PresenceTracker(2.0, FLOOR, UNACCEPTED,
      Scheduler.disabledScheduler(), now::get, Runnable::run, offline::add);

  @Test
  void aChargerSilentForItsWindowGoesOfflineOnceAndNotBefore() {
    presence.seen(CP, 300, true); // window 600 s
    at(599 * SECOND);
    assertTrue(presence.isPresent(CP));
    assertEquals(List.of(), offline);
    at(600 * SECOND + PresenceTracker.MAX_STEP.toNanos() + 1);
    assertFalse(presence.isPresent(CP));
    assertEquals(List.of(CP), offline);
    at(900 * SECOND);
    assertEquals(List.of(CP), offline, "told once");
  }

  @Test
  void requestsWithinOneStepLeaveTheDeadlineYetNeverShortenThePresence() {
    presence.seen(CP, 300, true);
    // a request every 100 ms for a minute: most leave the deadline where it is
    for (int i = 0; i < 600; i++) {
      now.addAndGet(SECOND / 10);
      presence.seen(CP, 300, true);
    }
    long last = now.get();
    now.set(last + 600 * SECOND - 1);
    presence.settle();
    assertTrue(presence.isPresent(CP), "present until the window after the last request");
    assertEquals(List.of(), offline);
    now.set(last + 600 * SECOND + PresenceTracker.MAX_STEP.toNanos() + 1);
    presence.settle();
    assertFalse(presence.isPresent(CP), "gone at most one step after");
    assertEquals(List.of(CP), offline);
  }

  @Test
  void anUnchangedWindowIsTheSameInstance() {
    // Caffeine tells the removal listener (a task on the common pool) of every write that
    // replaces a value by another instance; an unchanged window must not be one
    assertSame(presence.window(300), presence.window(300));
    assertSame(presence.window(null), presence.window(0));
    assertEquals(Duration.ofSeconds(600), presence.window(300));
    assertEquals(Duration.ofSeconds(900), presence.window(450));
    assertEquals(FLOOR, presence.window(10), "never below the floor");
  }

  @Test
  void aShorterWindowTakesEffectAtOnce() {
    presence.seen(CP, 300, true); // 600 s
    presence.seen(CP, 300, false); // not accepted any more: 10 s
    at(10 * SECOND + PresenceTracker.step(UNACCEPTED.toNanos()) + 1);
    assertFalse(presence.isPresent(CP));
    assertEquals(List.of(CP), offline);
  }

  @Test
  void aLongerWindowTakesEffectAtOnce() {
    presence.seen(CP, 300, false); // 10 s
    presence.seen(CP, 300, true); // accepted: 600 s
    at(500 * SECOND);
    assertTrue(presence.isPresent(CP));
  }

  @Test
  void askingDoesNotKeepAChargerPresent() {
    presence.seen(CP, null, true); // the floor, 60 s
    for (int i = 0; i < 70; i++) {
      now.addAndGet(SECOND);
      presence.isPresent(CP);
    }
    presence.settle();
    assertFalse(presence.isPresent(CP));
    assertEquals(List.of(CP), offline);
  }

  @Test
  void atAnyRhythmOfRequestsPresenceLastsFromWindowToWindowPlusOneStep() {
    Random random = new Random(16);
    long window = 2 * 45 * SECOND; // heartbeat 45 s, factor 2
    long step = PresenceTracker.step(window);
    long last = now.get();
    presence.seen(CP, 45, true);
    for (int i = 0; i < 5_000; i++) {
      // gaps from a millisecond to beyond the window, mostly short
      long gap = random.nextInt(10) == 0 ? (long) (random.nextDouble() * 1.2 * window)
          : (long) (random.nextDouble() * 2 * step);
      long probe = now.get() + gap;
      now.set(probe);
      presence.settle();
      boolean expected = probe - last < window;
      if (expected) {
        assertTrue(presence.isPresent(CP), "early at gap " + gap + " after the last request");
      } else if (probe - last > window + step) {
        assertFalse(presence.isPresent(CP), "late at gap " + gap + " after the last request");
      }
      presence.seen(CP, 45, true);
      last = probe;
    }
  }

  /** Sets the clock to {@code sinceStart} after the test began and settles expiries. */
  private void at(long sinceStart) {
    now.set(START + sinceStart);
    presence.settle();
  }
}
