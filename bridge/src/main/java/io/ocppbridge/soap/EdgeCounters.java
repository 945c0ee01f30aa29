package io.ocppbridge.soap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the SOAP listener's limits did ({@code soap.limits.*}): connections and requests held
 * now, and the connections closed or requests refused so far, by reason. Read by the admin
 * listener for its metrics and its readiness answer.
 */
public final class EdgeCounters {

  /** A connection beyond {@code soap.limits.maxConnections}: closed as soon as accepted. */
  public static final String MAX_CONNECTIONS = "max-connections";
  /** Request line and headers not complete within {@code soap.limits.headersTimeout}. */
  public static final String HEADERS_TIMEOUT = "headers-timeout";
  /** Body not complete within {@code soap.limits.bodyTimeout}. */
  public static final String BODY_TIMEOUT = "body-timeout";
  /** Body slower than {@code soap.limits.minBodyRate}. */
  public static final String SLOW_BODY = "slow-body";
  /** More requests in hand than {@code soap.limits.maxRequests}: 503. */
  public static final String MAX_REQUESTS = "max-requests";
  /** A body larger than {@code soap.maxMessageSize}: 413. */
  public static final String TOO_LARGE = "too-large";
  /** A method other than POST: 405. */
  public static final String METHOD = "method";
  /** A {@code Content-Encoding} (gzip...): 415. */
  public static final String CONTENT_ENCODING = "content-encoding";
  /** A charset this JVM does not know: 415. */
  public static final String CHARSET = "charset";
  /** A transfer coding other than chunked: 501. */
  public static final String TRANSFER_ENCODING = "transfer-encoding";

  /** Every reason, in the order the metrics list them. */
  public static final List<String> REASONS = List.of(MAX_CONNECTIONS, HEADERS_TIMEOUT,
      BODY_TIMEOUT, SLOW_BODY, MAX_REQUESTS, TOO_LARGE, METHOD, CONTENT_ENCODING, CHARSET,
      TRANSFER_ENCODING);

  private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
  private final int maxConnections;
  private final int maxRequests;

  public EdgeCounters(int maxConnections, int maxRequests) {
    this.maxConnections = maxConnections;
    this.maxRequests = maxRequests;
    REASONS.forEach(r -> refused.put(r, new LongAdder()));
  }

  void refused(String reason) {
    refused.get(reason).increment();
  }

  /** Refusals and closes so far, by reason (every reason present). */
  public Map<String, Long> refusals() {
    Map<String, Long> copy = new LinkedHashMap<>();
    REASONS.forEach(r -> copy.put(r, refused.get(r).sum()));
    return copy;
  }

  /** Connections open on the SOAP port now. */
  public int connections() {
    return connections.get();
  }

  /** Requests whose body has arrived and whose answer is not written yet. */
  public int requestsInFlight() {
    return requests.get();
  }

  /** True while either bound is reached: new connections or requests are being turned away. */
  public boolean saturated() {
    return connections.get() >= maxConnections || requests.get() >= maxRequests;
  }

  /** Counts a new connection; false when it is one too many (it is then not counted). */
  boolean openConnection() {
    if (connections.incrementAndGet() > maxConnections) {
      connections.decrementAndGet();
      return false;
    }
    return true;
  }

  void closeConnection() {
    connections.decrementAndGet();
  }

  /** Counts a request taken in hand; false when it is one too many (it is then not counted). */
  boolean startRequest() {
    if (requests.incrementAndGet() > maxRequests) {
      requests.decrementAndGet();
      return false;
    }
    return true;
  }

  void endRequest() {
    requests.decrementAndGet();
  }
}
