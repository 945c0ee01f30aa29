package io.ocppbridge.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * What makes one simulated charger run different from the last, so that runs against a real
 * central system never collide: a fresh id tag, and an energy register that keeps rising from
 * run to run as a real meter's does.
 */
public final class RunData {

  /** The instant the default register counts from. */
  private static final Instant REGISTER_EPOCH = Instant.parse("2026-01-01T00:00:00Z");
  /** What the default register gains per minute of wall-clock time, Wh. */
  private static final int WH_PER_MINUTE = 10;

  private RunData() {}

  /** {@code SIM} and 8 hex digits, e.g. {@code SIM4F09A2C1}: within every version's 20. */
  public static String idTag(RandomGenerator random) {
    return "SIM" + HexFormat.of().withUpperCase().toHexDigits(random.nextInt());
  }

  /**
   * An energy register that rises by {@value #WH_PER_MINUTE} Wh a minute from 2026, so that a
   * run's meter start lies above every earlier run's readings (which rise by far less while it
   * runs); never negative, and within an OCPP integer for centuries.
   */
  public static int meterStart(Clock clock) {
    long minutes = Math.max(0, Duration.between(REGISTER_EPOCH, clock.instant()).toMinutes());
    return (int) Math.min(Integer.MAX_VALUE / 2, minutes * WH_PER_MINUTE);
  }
}
