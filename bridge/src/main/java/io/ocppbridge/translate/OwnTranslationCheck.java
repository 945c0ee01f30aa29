package io.ocppbridge.translate;

import io.ocppbridge.core.OcppAction;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * When the bridge validates its own translation of a message a second time, against the
 * receiver's contract. Every message received is validated in full against its sender's contract
 * (a charger's SOAP against the XSD, the central system's JSON against the JSON schema) before it
 * is translated; the translation of a valid message is valid by construction, which the
 * translator and fuzz tests prove. Checking the translation again guards only against a defect
 * of the bridge, so it is done for the first {@value #ALWAYS_FIRST} messages of each action and
 * direction (a defect shows as soon as a kind of message appears) and then for one in
 * {@code every}. With {@code every} 1 every translation is checked.
 */
public final class OwnTranslationCheck {

  /** Messages of each action and direction whose translation is always checked. */
  public static final int ALWAYS_FIRST = 100;

  /** Checks every translation. */
  public static final OwnTranslationCheck ALWAYS = new OwnTranslationCheck(1);

  private final int every;
  private final AtomicLongArray seen = new AtomicLongArray(OcppAction.values().length * 2);

  /** @param every after the first {@value #ALWAYS_FIRST}, one translation in this many */
  public OwnTranslationCheck(int every) {
    if (every < 1) {
      throw new IllegalArgumentException("every must be at least 1, not " + every);
    }
    this.every = every;
  }

  /** Whether this translation of {@code action}'s request (or response) is to be checked. */
  public boolean due(OcppAction action, boolean request) {
    if (every == 1) {
      return true;
    }
    long n = seen.getAndIncrement(action.ordinal() * 2 + (request ? 1 : 0));
    return n < ALWAYS_FIRST || n % every == 0;
  }

  /** One in how many translations is checked after the first ones. */
  public int every() {
    return every;
  }
}
