package io.ocppbridge.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Samples a few numbers every {@code period} while a soak scenario runs (descriptors, heap,
 * a bridge gauge), for the peak and the time line in its report.
 *
 * @param <T> what one sample holds
 */
final class MetricSampler<T> implements AutoCloseable {

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "soak-sampler");
    t.setDaemon(true);
    return t;
  });
  private final List<T> samples = new ArrayList<>();

  MetricSampler(long periodMillis, Supplier<T> sample) {
    timer.scheduleAtFixedRate(() -> {
      T value = sample.get();
      synchronized (samples) {
        samples.add(value);
      }
    }, 0, periodMillis, TimeUnit.MILLISECONDS);
  }

  List<T> samples() {
    synchronized (samples) {
      return List.copyOf(samples);
    }
  }

  @Override
  public void close() throws InterruptedException {
    timer.shutdownNow();
    timer.awaitTermination(5, TimeUnit.SECONDS);
  }
}
