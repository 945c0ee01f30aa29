package io.ocppbridge.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.ocppbridge.config.SessionsConfig;
import io.ocppbridge.core.OcppErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds what a charger the bridge does not hold yet may make it hold, the way an edge proxy
 * does: each such charger costs a session and a WebSocket to the central system. A charger held
 * now always passes; another is refused when {@code sessions.maxChargers} are held
 * ({@value #CAPACITY}), when the process is near its open-file limit ({@value #DESCRIPTORS},
 * {@code sessions.descriptorUse}), or, for an identity never seen before, when its source
 * address has introduced more than {@code sessions.newIdentityBurst} new identities and then
 * more than {@code sessions.newIdentityRate} a minute ({@value #NEW_IDENTITY_RATE}).
 *
 * <p>Refusals are Receiver faults ({@code GenericError}) saying to try again later, counted by
 * reason; one WARN per reason a minute at most. The cap may be overshot by the requests being
 * admitted at the same instant, never by more.
 */
public final class NewChargerGate {

  public static final String CAPACITY = "capacity";
  public static final String DESCRIPTORS = "descriptors";
  public static final String NEW_IDENTITY_RATE = "new-identity-rate";
  private static final long LOG_EVERY_NANOS = Duration.ofMinutes(1).toNanos();
  private static final Logger LOG = LoggerFactory.getLogger(NewChargerGate.class);

  /** What the gate reads of the chargers the bridge holds. */
  public interface Held {
    /** True when the charger holds a session (and its WebSocket) now. */
    boolean isPresent(String identity);

    /** Chargers held now. */
    int count();

    /** True when the identity was seen before (held, configured or in the registry). */
    boolean isKnown(String identity);
  }

  private final int maxChargers;
  private final double descriptorUse;
  private final int burst;
  private final double perSecond;
  private final Held held;
  private final OpenFiles files;
  private final LongSupplier nanoClock;
  private final Cache<String, TokenBucket> sources;
  private final Map<String, Refusals> refusals = new ConcurrentHashMap<>();

  /** Refusals of one reason: how many, and when last logged. */
  private static final class Refusals {
    private long total;
    private long unlogged;
    private long lastLogged = Long.MIN_VALUE;
    private long last = Long.MIN_VALUE;
  }

  public NewChargerGate(SessionsConfig config, Held held, OpenFiles files) {
    this(config.maxChargers(), config.descriptorUse(), config.newIdentityBurst(),
        config.newIdentityRate(), held, files, System::nanoTime);
  }

  NewChargerGate(int maxChargers, double descriptorUse, int burst, double perMinute, Held held,
      OpenFiles files, LongSupplier nanoClock) {
    this.maxChargers = maxChargers;
    this.descriptorUse = descriptorUse;
    this.burst = burst;
    this.perSecond = perMinute / 60.0;
    this.held = held;
    this.files = files;
    this.nanoClock = nanoClock;
    // a full bucket is the same as none; the bound keeps a spread-out flood from growing it
    this.sources = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(30))
        .maximumSize(100_000).build();
  }

  /** Says at start what bounds the chargers, warning when the open-file limit is the lower. */
  public void logLimits() {
    long max = files.max();
    if (max <= 0) {
      LOG.info("at most {} chargers at once (sessions.maxChargers); the open-file limit is not"
          + " known on this platform", maxChargers);
      return;
    }
    long threshold = descriptorThreshold(max);
    if (threshold < maxChargers) {
      LOG.warn("the open-file limit ({}) allows about {} chargers, fewer than sessions.maxChargers"
          + " ({}): new chargers are refused beyond {} open descriptors (sessions.descriptorUse);"
          + " raise the limit (ulimit -n, LimitNOFILE) to hold more", max, threshold, maxChargers,
          threshold);
    } else {
      LOG.info("at most {} chargers at once (sessions.maxChargers); open-file limit {}, new"
          + " chargers refused beyond {} open descriptors", maxChargers, max, threshold);
    }
  }

  /**
   * Admits a request of {@code identity} from {@code peerAddress} or throws
   * {@link AccessRefused} when it would make the bridge hold one charger too many.
   */
  public void admit(String identity, String peerAddress) {
    if (held.isPresent(identity)) {
      return;
    }
    if (held.count() >= maxChargers) {
      throw refuse(CAPACITY, "the bridge holds its maximum of " + maxChargers
          + " chargers; try again later");
    }
    long max = files.max();
    if (max > 0 && files.open() >= descriptorThreshold(max)) {
      throw refuse(DESCRIPTORS, "the bridge cannot take another charger now (near its limit"
          + " of open connections); try again later");
    }
    if (!held.isKnown(identity)) {
      String source = peerAddress == null ? "?" : peerAddress;
      TokenBucket bucket = sources.get(source,
          k -> new TokenBucket(perSecond, burst, nanoClock.getAsLong()));
      if (!bucket.tryTake(nanoClock.getAsLong())) {
        throw refuse(NEW_IDENTITY_RATE, "too many new charger identities from this address;"
            + " try again later");
      }
    }
  }

  /** How many requests were refused so far, by reason. */
  public Map<String, Long> refusals() {
    Map<String, Long> result = new TreeMap<>();
    refusals.forEach((reason, r) -> {
      synchronized (r) {
        result.put(reason, r.total);
      }
    });
    return result;
  }

  /**
   * What is saturated now, one line each, for {@code /health/ready}: the cap reached, the
   * descriptors near their limit, and the reasons new chargers were refused in the last minute.
   */
  public List<String> saturation() {
    List<String> lines = new ArrayList<>();
    int count = held.count();
    if (count >= maxChargers) {
      lines.add("saturated: " + count + " chargers held, sessions.maxChargers is " + maxChargers
          + "; new chargers are refused");
    }
    long max = files.max();
    long open = max > 0 ? files.open() : -1;
    if (max > 0 && open >= descriptorThreshold(max)) {
      lines.add("saturated: " + open + " open files of a limit of " + max
          + "; new chargers are refused");
    }
    long now = nanoClock.getAsLong();
    refusals.forEach((reason, r) -> {
      synchronized (r) {
        if (r.last != Long.MIN_VALUE && now - r.last < LOG_EVERY_NANOS) {
          lines.add("refusing: new chargers refused in the last minute (" + reason + ")");
        }
      }
    });
    return lines;
  }

  private long descriptorThreshold(long max) {
    return (long) (max * descriptorUse);
  }

  private AccessRefused refuse(String reason, String description) {
    Refusals r = refusals.computeIfAbsent(reason, k -> new Refusals());
    long now = nanoClock.getAsLong();
    long suppressed = -1;
    synchronized (r) {
      r.total++;
      r.last = now;
      if (r.lastLogged == Long.MIN_VALUE || now - r.lastLogged >= LOG_EVERY_NANOS) {
        suppressed = r.unlogged;
        r.unlogged = 0;
        r.lastLogged = now;
      } else {
        r.unlogged++;
      }
    }
    if (suppressed >= 0) {
      LOG.warn("new charger refused ({}): {}{}", reason, description, suppressed == 0 ? ""
          : " (" + suppressed + " more refused for this reason in the last minute, not logged)");
    }
    return new AccessRefused(OcppErrorCode.GENERIC_ERROR, reason, description, false);
  }
}
