package io.ocppbridge.core;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

/**
 * Every charger request the bridge refused with a SOAP fault: counted by code and origin, and
 * the last refusal of each charger whose identity could be read, for the admin API. Thread-safe.
 *
 * <p>Bounded: the identities kept are at most {@link #MAX_CHARGERS} (the least recently refused
 * is forgotten first; identities are whatever a request claimed, so an outsider could otherwise
 * grow the map), and codes are from a closed set chosen by the SOAP edge.
 */
public final class RefusalBook {

  /** How many chargers' last refusals are kept at most. */
  public static final int MAX_CHARGERS = 10_000;

  /** Who caused a refusal. */
  public enum Origin {
    /** The charger's request was wrong (a Sender fault). */
    CHARGER("charger"),
    /** The bridge could not serve a valid request (a Receiver fault of its own). */
    BRIDGE("bridge"),
    /** The central system answered with a CALLERROR, passed on as a fault. */
    CENTRAL_SYSTEM("central-system");

    private final String label;

    Origin(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One refusal.
   *
   * @param time when the fault was sent
   * @param code the OCPP error code, else the SOAP fault code ({@code MustUnderstand}...)
   * @param reason the fault's reason text as the charger received it
   * @param origin who caused it
   * @param peer the IP address the request came from, or null
   */
  public record Refusal(Instant time, String code, String reason, Origin origin, String peer) {}

  private final Map<List<String>, LongAdder> counts = new ConcurrentHashMap<>();
  private final Map<String, Refusal> lastByCharger = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Refusal> eldest) {
      return size() > MAX_CHARGERS;
    }
  };
  private final BiConsumer<String, Origin> counter;

  /** @param counter told of each refusal's code and origin (a metric), or null */
  public RefusalBook(BiConsumer<String, Origin> counter) {
    this.counter = counter;
  }

  public RefusalBook() {
    this(null);
  }

  /** Records a refusal; {@code identity} null when no charger could be identified. */
  public void record(String identity, Refusal refusal) {
    counts.computeIfAbsent(List.of(refusal.code(), refusal.origin().label()),
        k -> new LongAdder()).increment();
    if (counter != null) {
      counter.accept(refusal.code(), refusal.origin());
    }
    if (identity != null) {
      synchronized (lastByCharger) {
        lastByCharger.put(identity, refusal);
      }
    }
  }

  /** The last refusal of a charger, if it had one the book still holds. */
  public Optional<Refusal> last(String identity) {
    synchronized (lastByCharger) {
      return Optional.ofNullable(lastByCharger.get(identity));
    }
  }

  /** Every charger's last refusal, by identity. */
  public Map<String, Refusal> lastByCharger() {
    synchronized (lastByCharger) {
      return new TreeMap<>(lastByCharger);
    }
  }

  /** How many refusals so far with this code and origin. */
  public long count(String code, Origin origin) {
    LongAdder n = counts.get(List.of(code, origin.label()));
    return n == null ? 0 : n.sum();
  }
}
