package io.ocppbridge.upgrade;

import io.ocppbridge.core.ChargerId;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default {@link LossRecorder}: one WARN line per loss, and a count per case. Thread-safe. */
public final class LoggingLossRecorder implements LossRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(LoggingLossRecorder.class);

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  @Override
  public void record(String caseName, ChargerId charger, String detail) {
    counts.computeIfAbsent(caseName, c -> new LongAdder()).increment();
    LOG.warn("[{}] upgrade profile, {}: {}", charger, caseName, detail);
  }

  /** How often each case occurred so far, by case name (sorted). */
  public Map<String, Long> snapshot() {
    Map<String, Long> result = new TreeMap<>();
    counts.forEach((k, v) -> result.put(k, v.sum()));
    return result;
  }
}
