package io.ocppbridge.access;

/**
 * A token bucket: {@code rate} tokens a second, holding at most {@code capacity}; each request
 * takes one. Thread-safe.
 */
final class TokenBucket {

  private final double rate;
  private final double capacity;
  private double tokens;
  private long last;
  private boolean exhaustedReported;

  TokenBucket(double rate, double capacity, long nowNanos) {
    this.rate = rate;
    this.capacity = capacity;
    this.tokens = capacity;
    this.last = nowNanos;
  }

  /** Takes a token if there is one. */
  synchronized boolean tryTake(long nowNanos) {
    tokens = Math.min(capacity, tokens + (nowNanos - last) / 1e9 * rate);
    last = nowNanos;
    if (tokens >= 1) {
      tokens -= 1;
      exhaustedReported = false;
      return true;
    }
    return false;
  }

  /** True the first time it is asked after the bucket ran dry (one log line per flood). */
  synchronized boolean firstRefusal() {
    if (exhaustedReported) {
      return false;
    }
    exhaustedReported = true;
    return true;
  }
}
