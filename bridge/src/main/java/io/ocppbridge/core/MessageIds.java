package io.ocppbridge.core;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Identifiers of the messages the bridge writes: OCPP-J message ids and WS-Addressing
 * {@code MessageID}s. Random version-4 UUIDs as {@link UUID#randomUUID} makes them, but from the
 * thread's own generator: a message id has to be unique, not unguessable, and the secure
 * generator behind {@code randomUUID} costs more than the rest of writing a Heartbeat's headers.
 */
public final class MessageIds {

  private MessageIds() {}

  /** A new random UUID in its 36-character text form. */
  public static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
    return new UUID(high, low).toString();
  }
}
