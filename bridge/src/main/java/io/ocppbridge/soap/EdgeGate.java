package io.ocppbridge.soap;

import io.ocppbridge.config.SoapLimits;
import io.ocppbridge.core.Durations;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The first handler of the SOAP listener, in front of CXF: it refuses what the bridge does not
 * serve (methods other than POST, content codings, transfer codings other than chunked), and
 * reads every request body completely, without a thread waiting for it, before CXF gets the
 * request. A body larger than {@code soap.maxMessageSize}, slower than
 * {@code soap.limits.minBodyRate} or not complete within {@code soap.limits.bodyTimeout} is
 * answered with a fault and its connection closed; a complete one is handed on only while fewer
 * than {@code soap.limits.maxRequests} are in the bridge's hands (else 503 with Retry-After).
 *
 * <p>So a client trickling a body holds a connection and the bytes it sent, never a thread, and
 * not for long: the threads stay free for the chargers that send their requests whole.
 *
 * <p>It sits in the server's handler sequence before CXF's context, and hands each request on to
 * the handlers after it itself, with the body it read.
 */
final class EdgeGate extends Handler.Abstract {

  /** How often a body in progress is checked against the deadline and the minimum rate. */
  private static final long TICK_MILLIS = 1000;
  /** A body is held to the minimum rate only after this long: the first bytes may take a while. */
  private static final long RATE_GRACE_MILLIS = 2000;
  /** What a client refused as one of too many is told to wait before it tries again. */
  static final int RETRY_AFTER_SECONDS = 5;

  private final SoapLimits limits;
  private final long maxBody;
  private final EdgeCounters counters;

  EdgeGate(SoapLimits limits, long maxBody, EdgeCounters counters) {
    this.limits = limits;
    this.maxBody = maxBody;
    this.counters = counters;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String method = request.getMethod();
    if (!"POST".equals(method)) {
      if ("GET".equals(method) && wsdlQuery(request)) {
        return handOn(request, response, callback, false);
      }
      counters.refused(EdgeCounters.METHOD);
      response.getHeaders().put(HttpHeader.ALLOW, "POST");
      EdgeReplies.plain(response, callback, 405,
          "method " + printable(method) + " is not served here; chargers POST SOAP requests");
      return true;
    }
    String coding = request.getHeaders().get(HttpHeader.CONTENT_ENCODING);
    if (coding != null && !coding.isBlank() && !"identity".equalsIgnoreCase(coding.trim())) {
      counters.refused(EdgeCounters.CONTENT_ENCODING);
      EdgeReplies.fault(request, response, callback, 415, true, "unsupported content encoding '"
          + printable(coding.trim()) + "'; send the request body uncompressed");
      return true;
    }
    String transfer = request.getHeaders().get(HttpHeader.TRANSFER_ENCODING);
    if (transfer != null && !"chunked".equals(transfer.trim().toLowerCase(Locale.ROOT))) {
      counters.refused(EdgeCounters.TRANSFER_ENCODING);
      EdgeReplies.fault(request, response, callback, 501, true, "unsupported transfer coding '"
          + printable(transfer.trim()) + "'; only chunked is understood");
      return true;
    }
    String charset = charsetOf(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
    if (charset != null && !supported(charset)) {
      counters.refused(EdgeCounters.CHARSET);
      EdgeReplies.fault(request, response, callback, 415, true, "unsupported charset '"
          + printable(charset) + "'; send the request in UTF-8");
      return true;
    }
    if (request.getLength() > maxBody) {
      tooLarge(request, response, callback);
      return true;
    }
    new BodyReader(request, response, callback).start();
    return true;
  }

  /** The charset parameter of a Content-Type, unquoted, or null. */
  private static String charsetOf(String contentType) {
    if (contentType == null) {
      return null;
    }
    for (String part : contentType.split(";")) {
      String p = part.trim();
      if (p.regionMatches(true, 0, "charset=", 0, 8)) {
        return p.substring(8).trim().replace("\"", "").replace("'", "");
      }
    }
    return null;
  }

  private static boolean supported(String charset) {
    try {
      return java.nio.charset.Charset.isSupported(charset);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean wsdlQuery(Request request) {
    String query = request.getHttpURI().getQuery();
    return query != null && query.toLowerCase(Locale.ROOT).startsWith("wsdl");
  }

  /**
   * Refuses a body larger than the limit. Once the fault is written, up to as much again of the
   * body is read and dropped (for two seconds at most) before the connection is closed, so that a
   * client still sending it reads the fault rather than a reset.
   */
  private void tooLarge(Request request, Response response, Callback callback) {
    counters.refused(EdgeCounters.TOO_LARGE);
    Callback drained = Callback.from(() -> new Drain(request, callback).start(),
        callback::failed);
    EdgeReplies.fault(request, response, drained, 413, true,
        "the request body is larger than " + maxBody + " bytes (soap.maxMessageSize)");
  }

  /** Reads and drops a refused body, within bounds, then completes the request. */
  private final class Drain implements Runnable {
    private final Request request;
    private final Callback callback;
    private final long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    private long left = maxBody;
    private boolean done;

    Drain(Request request, Callback callback) {
      this.request = request;
      this.callback = callback;
    }

    void start() {
      request.getComponents().getScheduler().schedule(this::finish, 2, TimeUnit.SECONDS);
      run();
    }

    @Override
    public void run() {
      while (true) {
        synchronized (this) {
          if (done) {
            return;
          }
          Content.Chunk chunk = request.read();
          if (chunk == null) {
            if (System.nanoTime() - until < 0) {
              request.demand(this);
              return;
            }
          } else {
            left -= chunk.remaining();
            boolean end = chunk.isLast() || Content.Chunk.isFailure(chunk);
            chunk.release();
            if (!end && left > 0) {
              continue;
            }
          }
        }
        finish();
        return;
      }
    }

    private void finish() {
      synchronized (this) {
        if (done) {
          return;
        }
        done = true;
      }
      callback.succeeded();
    }
  }

  /**
   * Hands a request on to the handlers after this one (CXF's context), counted as in the
   * bridge's hands until its answer is written when {@code counted}.
   */
  private boolean handOn(Request request, Response response, Callback callback,
      boolean counted) {
    Callback done = !counted ? callback : Callback.from(callback, () -> {
      counters.endRequest();
      if (request instanceof Replayed replayed) {
        replayed.releaseUnread();
      }
    });
    try {
      for (Handler next : following()) {
        if (next.handle(request, response, done)) {
          return true;
        }
      }
      Response.writeError(request, response, done, 404);
    } catch (Throwable t) {
      done.failed(t);
    }
    return true;
  }

  private List<Handler> following() {
    if (getServer().getHandler() instanceof Handler.Collection sequence) {
      List<Handler> all = sequence.getHandlers();
      int me = all.indexOf(this);
      return all.subList(me + 1, all.size());
    }
    return List.of();
  }

  private static String printable(String text) {
    String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    return shown.replaceAll("[^\\x20-\\x7e]", "?");
  }

  /** Reads one request's body as it arrives, then hands the request on with it. */
  private final class BodyReader implements Runnable {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final Deque<Content.Chunk> chunks = new ArrayDeque<>();
    private final long start = System.nanoTime();
    private long bytes;
    private boolean settled;
    private Scheduler.Task tick;

    BodyReader(Request request, Response response, Callback callback) {
      this.request = request;
      this.response = response;
      this.callback = callback;
    }

    /**
     * Reads what has arrived; only a body still incomplete after that gets the timer (most
     * requests arrive whole with their headers, and need none).
     */
    void start() {
      run();
      synchronized (this) {
        if (!settled) {
          schedule();
        }
      }
    }

    /** Reads what has arrived; asks to be called again when more does. */
    @Override
    public void run() {
      while (true) {
        Content.Chunk chunk;
        synchronized (this) {
          if (settled) {
            return;
          }
          chunk = request.read();
          if (chunk == null) {
            request.demand(this);
            return;
          }
          if (Content.Chunk.isFailure(chunk)) {
            settle(true);
            chunk.release();
            // broken framing (a bad chunk) or a failed connection: the fault goes out if it can
            EdgeReplies.fault(request, response, callback, 400, true,
                "the request body could not be read: its HTTP framing is broken");
            return;
          }
          if (chunk.hasRemaining()) {
            bytes += chunk.remaining();
            chunks.add(chunk);
          } else {
            chunk.release();
          }
          if (bytes > maxBody) {
            settle(true);
            tooLarge(request, response, callback);
            return;
          }
          if (!chunk.isLast()) {
            continue;
          }
          settle(false);
        }
        if (!counters.startRequest()) {
          synchronized (this) {
            chunks.forEach(Content.Chunk::release);
            chunks.clear();
          }
          counters.refused(EdgeCounters.MAX_REQUESTS);
          response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
          EdgeReplies.fault(request, response, callback, 503, false, "the bridge is busy"
              + " (soap.limits.maxRequests reached); send the request again in "
              + RETRY_AFTER_SECONDS + " s");
          return;
        }
        handOn(new Replayed(request, chunks), response, callback, true);
        return;
      }
    }

    private void schedule() {
      tick = request.getComponents().getScheduler().schedule(this::check, TICK_MILLIS,
          TimeUnit.MILLISECONDS);
    }

    /** Refuses the body when it is late or too slow; else checks again later. */
    private void check() {
      long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      String reason = null;
      String text = null;
      synchronized (this) {
        if (settled) {
          return;
        }
        if (elapsed >= limits.bodyTimeout().toMillis()) {
          reason = EdgeCounters.BODY_TIMEOUT;
          text = "the request body did not arrive within "
              + Durations.text(limits.bodyTimeout()) + " (soap.limits.bodyTimeout)";
        } else if (limits.minBodyRate() > 0 && elapsed >= RATE_GRACE_MILLIS
            && bytes * 1000 < (long) limits.minBodyRate() * elapsed) {
          reason = EdgeCounters.SLOW_BODY;
          text = "the request body arrived slower than " + limits.minBodyRate()
              + " bytes per second (soap.limits.minBodyRate)";
        }
        if (reason == null) {
          schedule();
          return;
        }
        settle(true);
      }
      counters.refused(reason);
      EdgeReplies.fault(request, response, callback, 408, true, text);
    }

    /**
     * Under the lock: nothing more is read and the timer stops; a refused body's chunks are let
     * go of ({@code refused}), a complete one's are kept for the handlers after the gate.
     */
    private void settle(boolean refused) {
      settled = true;
      if (tick != null) {
        tick.cancel();
      }
      if (refused) {
        chunks.forEach(Content.Chunk::release);
        chunks.clear();
      }
    }
  }

  /** The request as the handlers after the gate see it: its body is what the gate read. */
  private static final class Replayed extends Request.Wrapper {
    private final Deque<Content.Chunk> chunks;

    Replayed(Request request, Deque<Content.Chunk> chunks) {
      super(request);
      this.chunks = chunks;
    }

    @Override
    public Content.Chunk read() {
      synchronized (chunks) {
        Content.Chunk next = chunks.pollFirst();
        return next != null ? next : super.read();
      }
    }

    /** Lets go of what the handlers after the gate did not read. */
    void releaseUnread() {
      synchronized (chunks) {
        chunks.forEach(Content.Chunk::release);
        chunks.clear();
      }
    }
  }
}
