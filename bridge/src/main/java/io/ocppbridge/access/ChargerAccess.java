package io.ocppbridge.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.ocppbridge.config.ChargersConfig;
import io.ocppbridge.config.IpNetwork;
import io.ocppbridge.core.OcppErrorCode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a charger's request may go on to the central system (see the package
 * description for the order of the checks). Thread-safe; one per bridge.
 */
public final class ChargerAccess {

  private static final Logger LOG = LoggerFactory.getLogger(ChargerAccess.class);

  private final ChargersConfig chargers;
  private final double rateLimit;
  private final LongSupplier nanoClock;
  private final Cache<String, TokenBucket> buckets;
  private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();
  private final NewChargerGate gate;

  /**
   * @param rateLimit requests per second per charger ({@code soap.rateLimit}; 0: no limit)
   */
  public ChargerAccess(ChargersConfig chargers, double rateLimit) {
    this(chargers, rateLimit, (NewChargerGate) null);
  }

  /**
   * @param gate bounds the chargers not held yet, checked after everything else (null: none)
   */
  public ChargerAccess(ChargersConfig chargers, double rateLimit, NewChargerGate gate) {
    this(chargers, rateLimit, System::nanoTime, gate);
  }

  ChargerAccess(ChargersConfig chargers, double rateLimit, LongSupplier nanoClock) {
    this(chargers, rateLimit, nanoClock, null);
  }

  private ChargerAccess(ChargersConfig chargers, double rateLimit, LongSupplier nanoClock,
      NewChargerGate gate) {
    this.gate = gate;
    this.chargers = chargers;
    this.rateLimit = rateLimit;
    this.nanoClock = nanoClock;
    // Buckets of chargers silent for a while are dropped (a full bucket is the same as none);
    // the bound keeps a flood of invented identities from growing the map without end.
    this.buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10))
        .maximumSize(200_000).build();
  }

  /**
   * Admits the request of {@code identity} from {@code peerAddress} or throws
   * {@link AccessRefused}.
   *
   * @param credentials the request's basic-auth credentials, if it sent any
   */
  public void admit(String identity, String peerAddress,
      Optional<BasicCredentials> credentials) {
    Optional<ChargersConfig.ChargerSettings> settings = chargers.of(identity);
    if (settings.isEmpty() && !chargers.allowUnknown()) {
      throw refuse(identity, "unknown-charger", OcppErrorCode.SECURITY_ERROR,
          "charger '" + identity + "' is not configured on this bridge", false);
    }
    if (settings.isPresent() && !settings.get().allowedNetworks().isEmpty()
        && !inside(peerAddress, settings.get())) {
      throw refuse(identity, "network", OcppErrorCode.SECURITY_ERROR,
          "charger '" + identity + "' may not send requests from this address", false);
    }
    if (settings.isPresent() && settings.get().soapPassword() != null) {
      checkPassword(identity, settings.get(), credentials);
    }
    if (rateLimit > 0) {
      TokenBucket bucket = buckets.get(identity,
          k -> new TokenBucket(rateLimit, Math.max(1, rateLimit), nanoClock.getAsLong()));
      if (!bucket.tryTake(nanoClock.getAsLong())) {
        count("rate-limit");
        if (bucket.firstRefusal()) {
          LOG.warn("[{}] more than {} request(s) per second (soap.rateLimit); the excess is"
              + " refused with a fault until it slows down", identity, rateText());
        }
        throw new AccessRefused(OcppErrorCode.GENERIC_ERROR, "rate-limit",
            "too many requests: at most " + rateText() + " per second are accepted from charger '"
                + identity + "'; send it again later", false);
      }
    }
    if (gate != null) {
      gate.admit(identity, peerAddress);
    }
  }

  /** How many requests were refused so far, by reason. */
  public Map<String, Long> refusals() {
    Map<String, Long> result = new TreeMap<>();
    refusals.forEach((k, v) -> result.put(k, v.sum()));
    if (gate != null) {
      result.putAll(gate.refusals());
    }
    return result;
  }

  private void checkPassword(String identity, ChargersConfig.ChargerSettings settings,
      Optional<BasicCredentials> credentials) {
    if (credentials.isEmpty()) {
      throw refuse(identity, "authentication", OcppErrorCode.SECURITY_ERROR,
          "charger '" + identity + "' must send HTTP basic authentication", true);
    }
    if (!credentials.get().user().equals(identity)) {
      throw refuse(identity, "authentication", OcppErrorCode.SECURITY_ERROR,
          "the basic-authentication user does not match the chargeBoxIdentity '" + identity
              + "'", true);
    }
    if (!settings.soapPassword().matches(credentials.get().password())) {
      throw refuse(identity, "authentication", OcppErrorCode.SECURITY_ERROR,
          "wrong password for charger '" + identity + "'", true);
    }
  }

  private AccessRefused refuse(String identity, String reason, OcppErrorCode code,
      String description, boolean challenge) {
    count(reason);
    LOG.warn("[{}] request refused: {}", identity, description);
    return new AccessRefused(code, reason, description, challenge);
  }

  private void count(String reason) {
    refusals.computeIfAbsent(reason, r -> new LongAdder()).increment();
  }

  private static boolean inside(String peerAddress, ChargersConfig.ChargerSettings settings) {
    if (peerAddress == null) {
      return false;
    }
    InetAddress peer;
    try {
      String bare = peerAddress.startsWith("[") && peerAddress.endsWith("]")
          ? peerAddress.substring(1, peerAddress.length() - 1) : peerAddress;
      if (!bare.matches("[0-9a-fA-F.:]+(%[0-9A-Za-z._-]+)?")) {
        return false;
      }
      peer = InetAddress.getByName(bare);
    } catch (UnknownHostException e) {
      return false;
    }
    for (IpNetwork network : settings.allowedNetworks()) {
      if (network.contains(peer)) {
        return true;
      }
    }
    return false;
  }

  private String rateText() {
    return rateLimit == Math.rint(rateLimit) ? Long.toString((long) rateLimit)
        : Double.toString(rateLimit);
  }
}
