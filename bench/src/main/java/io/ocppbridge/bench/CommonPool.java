package io.ocppbridge.bench;

/**
 * Keeps the JDK's common ForkJoinPool a pool on small machines. With 2 cores its parallelism is
 * 1, and then {@code CompletableFuture}'s default executor starts a new thread for every task;
 * Java 17's {@code HttpClient} completes every {@code sendAsync} through that executor, so the
 * load generator would start a thread per answer and measure mostly thread creation.
 */
final class CommonPool {

  static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";
  private static final int AT_LEAST = 4;

  private CommonPool() {}

  /** Must run before anything touches the common pool (first thing in {@code main}). */
  static void ensureParallel() {
    if (System.getProperty(PARALLELISM) == null) {
      System.setProperty(PARALLELISM, Integer.toString(
          Math.max(AT_LEAST, Runtime.getRuntime().availableProcessors() - 1)));
    }
  }
}
