package io.ocppbridge.soap;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.RejectedExecutionException;
import org.apache.cxf.continuations.Continuation;
import org.apache.cxf.continuations.ContinuationProvider;
import org.apache.cxf.continuations.SuspendedInvocationException;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.Destination;
import org.apache.cxf.transport.MessageObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The continuation of a relayed request: it waits, suspended, for the central system, and its
 * answer is written by a task on the SOAP listener's threads, without the request going through
 * Jetty's servlet dispatch a second time.
 *
 * <p>CXF's own continuation resumes by dispatching the request again: Jetty runs its servlet
 * handling once more, CXF's servlet finds the destination and copies the request's attributes
 * into the message, and only then is the interceptor chain resumed. That second pass cost about
 * 3 % of the CPU of a relayed request at a thousand chargers. Here the resumption is a task
 * handed to the listener's threads ({@link AsyncContext#start}); it resumes the chain through
 * the destination's observer, as CXF's destination does for a dispatched request, and then
 * completes the request's asynchronous cycle, as CXF's destination does once the chain returns.
 *
 * <p>An answer may arrive before the thread that suspended the request has left the chain (a
 * refusal decided at once). The resuming task then waits for the chain, which CXF runs under its
 * own lock, so the two never run it together.
 */
final class DirectResumption implements ContinuationProvider {

  private static final Logger LOG = LoggerFactory.getLogger(DirectResumption.class);

  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private final Message message;
  private Waiting waiting;

  /**
   * @param message the SOAP message the interceptor chain runs on; its exchange holds the chain
   *     to resume and the destination that received it
   */
  DirectResumption(HttpServletRequest request, HttpServletResponse response, Message message) {
    this.request = request;
    this.response = response;
    this.message = message;
  }

  @Override
  public synchronized Continuation getContinuation() {
    if (message.getExchange().isOneWay()) {
      return null;
    }
    if (waiting == null) {
      waiting = new Waiting(request.startAsync(request, response));
    }
    return waiting;
  }

  @Override
  public void complete() {
    Waiting done;
    synchronized (this) {
      done = waiting;
      waiting = null;
    }
    if (done != null) {
      done.reset();
    }
  }

  /** Resumes the chain on the calling thread, then ends the request's asynchronous cycle. */
  private void resumeChain() {
    Message in = message.getExchange().getInMessage();
    Destination destination = message.getExchange().getDestination();
    MessageObserver observer = destination == null ? null : destination.getMessageObserver();
    try {
      if (observer == null) {
        throw new IllegalStateException("the request's destination is gone");
      }
      observer.onMessage(in);
    } catch (SuspendedInvocationException e) {
      return; // suspended again: its own resumption ends it
    } catch (RuntimeException e) {
      LOG.warn("the answer to a charger request could not be written: {}", e.toString());
      if (!response.isCommitted()) {
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
      }
    }
    complete();
  }

  /** One request's wait, from suspension to resumption. */
  private final class Waiting implements Continuation, AsyncListener {
    private final AsyncContext context;
    private volatile boolean isNew = true;
    private volatile boolean pending;
    private volatile boolean resumed;
    private volatile boolean timedOut;
    private volatile boolean ended;
    private volatile Object object;

    Waiting(AsyncContext context) {
      this.context = context;
      context.addListener(this);
    }

    @Override
    public boolean suspend(long timeout) {
      if (pending) {
        return false;
      }
      context.setTimeout(timeout);
      isNew = false;
      resumed = false;
      pending = true;
      message.getExchange().getInMessage().getInterceptorChain().suspend();
      return true;
    }

    @Override
    public void resume() {
      resumed = true;
      pending = false;
      if (ended) {
        return;
      }
      try {
        context.start(DirectResumption.this::resumeChain);
      } catch (IllegalStateException e) {
        // the request ended meanwhile (the charger went away); there is no one to answer
        LOG.debug("a charger request ended before its answer: {}", e.toString());
      } catch (RejectedExecutionException e) {
        // cannot happen while the listener's queue has room for a task per connection; were it
        // full, the answer is written here rather than lost
        LOG.warn("the SOAP listener refused a task ({}); an answer is written on the thread that"
            + " brought it", e.toString());
        resumeChain();
      }
    }

    @Override
    public void reset() {
      ended = true;
      try {
        context.complete();
      } catch (IllegalStateException e) {
        LOG.debug("a charger request was already complete: {}", e.toString());
      }
      pending = false;
      resumed = false;
      object = null;
    }

    @Override
    public boolean isNew() {
      return isNew;
    }

    @Override
    public boolean isPending() {
      return pending;
    }

    @Override
    public boolean isResumed() {
      return resumed;
    }

    @Override
    public boolean isTimeout() {
      return timedOut;
    }

    @Override
    public Object getObject() {
      return object;
    }

    @Override
    public void setObject(Object o) {
      object = o;
    }

    @Override
    public boolean isReadyForWrite() {
      return true;
    }

    @Override
    public void onComplete(AsyncEvent event) {
      ended = true;
      pending = false;
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      timedOut = true;
      resume();
    }

    @Override
    public void onError(AsyncEvent event) {
      // Jetty answers the request itself; the chain's answer, if it comes, finds it ended
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      // one cycle per request: nothing to renew
    }
  }
}
