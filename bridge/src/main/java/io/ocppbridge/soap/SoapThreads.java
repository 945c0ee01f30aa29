package io.ocppbridge.soap;

import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngine;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The SOAP listener's threads ({@code soap.threads}), named {@code soap-N}: what Jetty holds for
 * itself (acceptor, selectors, a small reserve), and the threads that parse, check and relay a
 * request and later write its answer. None of them waits for the central system (the exchange
 * is suspended while a call is out), so a few per core keep the cores busy.
 *
 * <p>Left to CXF, the listener would get Jetty's usual pool of up to 200 threads, which grows by
 * one thread for each task that finds no idle one: a garbage-collection pause of a few
 * milliseconds at 4,000 requests a second leaves enough requests and answers waiting to grow it
 * to 200, and it stays there under load, since its idle threads take tasks in turn and none
 * stays idle long enough to end. The work is then spread over 200 threads whose per-thread
 * parser and validator caches are cold, and every collection scans their stacks. Bounded, a
 * burst waits in the pool's queue for a few microseconds instead.
 */
public final class SoapThreads {

  /** The prefix of the threads' names, as shown in thread dumps and {@code top -H}. */
  static final String NAME = "soap";
  /** The fewest threads kept while idle (bounded by the maximum). */
  private static final int MIN_IDLE = 8;
  /** The fewest threads left for requests once Jetty has those it holds for itself. */
  static final int MIN_FOR_REQUESTS = 4;

  private final QueuedThreadPool pool;

  /**
   * @param name the prefix of the threads' names ({@link #NAME} for the bridge's listener)
   * @param max the most threads
   */
  public SoapThreads(String name, int max) {
    pool = new QueuedThreadPool(max, Math.min(MIN_IDLE, max));
    pool.setName(name);
  }

  /** Makes these the threads of {@code engine}'s listener; call before CXF publishes on it. */
  public void serve(JettyHTTPServerEngine engine) {
    engine.setThreadPool(pool);
  }

  /** The pool Jetty's server runs on. */
  QueuedThreadPool pool() {
    return pool;
  }

  /** The most threads the listener runs. */
  public int max() {
    return pool.getMaxThreads();
  }

  /**
   * Threads Jetty holds for itself: its acceptor, its selectors and the reserve it keeps for
   * handing work over quickly (known once the listener runs; Jetty sizes them from the cores
   * and the maximum).
   */
  public int heldByJetty() {
    return pool.getThreadPoolBudget() == null ? 0
        : pool.getThreadPoolBudget().getLeasedThreads();
  }

  /**
   * Fails when what Jetty holds for itself leaves fewer than {@value #MIN_FOR_REQUESTS} threads
   * for requests: a listener that accepts connections and never answers them is worse than one
   * that does not start.
   *
   * @throws IllegalStateException naming {@code soap.threads} and what to set it to
   */
  void checkRoomForRequests() {
    int held = heldByJetty();
    if (max() - held < MIN_FOR_REQUESTS) {
      throw new IllegalStateException("soap.threads is " + max() + ", but Jetty holds " + held
          + " of them for itself on this machine (acceptor, selectors, reserve), leaving fewer"
          + " than " + MIN_FOR_REQUESTS + " for requests; set soap.threads to at least "
          + (held + MIN_FOR_REQUESTS) + ", or to 0 (automatic)");
    }
  }

  /** Threads alive now. */
  public int live() {
    return pool.getThreads();
  }

  /** Threads running a task now (Jetty's acceptor and selectors included). */
  public int busy() {
    return pool.getBusyThreads();
  }

  /** Tasks waiting for a thread now: requests read and answers ready that none has taken yet. */
  public int queued() {
    return pool.getQueueSize();
  }
}
