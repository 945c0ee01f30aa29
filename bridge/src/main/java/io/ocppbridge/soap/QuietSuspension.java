package io.ocppbridge.soap;

import org.apache.cxf.continuations.SuspendedInvocationException;
import org.apache.cxf.interceptor.Interceptor;
import org.apache.cxf.interceptor.InterceptorChain;
import org.apache.cxf.interceptor.ServiceInvokerInterceptor;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Lets a relayed request leave its interceptor chain, while it waits for the central system,
 * without an exception built for it.
 *
 * <p>When an endpoint suspends its exchange, CXF leaves the chain by throwing an exception out of
 * the invoking interceptor, which the transport catches. Once the exchange resumes, CXF runs that
 * interceptor again. The exception's stack trace (some sixty frames of Jetty and CXF) cost 1.7 %
 * of the CPU of a relayed request.
 *
 * <p>Instead, the endpoint calls {@link #takeOver} once CXF has suspended the exchange. The
 * chain then runs on to this interceptor, which stands right after CXF's invoker. It leaves the
 * chain with the same kind of exception, without a stack trace. CXF pauses the chain
 * on this interceptor, as it would have paused it on the invoker. On resumption, this interceptor
 * runs first and runs the invoker again, which takes the endpoint's answer. The endpoint hands
 * its exchanges over only when this interceptor is in its chain ({@link #install} does both);
 * otherwise the chain would run on to writing an answer that does not exist yet.
 */
final class QuietSuspension extends AbstractPhaseInterceptor<Message> {

  /** Set by the endpoint: the exchange is suspended, and this interceptor is to leave the chain. */
  private static final String WAITING = QuietSuspension.class.getName() + ".waiting";
  /** Set on leaving: the next run of this interceptor is the resumption. */
  private static final String RESUMING = QuietSuspension.class.getName() + ".resuming";

  private final Interceptor<Message> invoker;

  QuietSuspension() {
    this(new ServiceInvokerInterceptor());
  }

  /** @param invoker what runs the endpoint again on resumption (CXF's invoker in the bridge) */
  QuietSuspension(Interceptor<Message> invoker) {
    super(Phase.INVOKE);
    addAfter(ServiceInvokerInterceptor.class.getName());
    this.invoker = invoker;
  }

  /** Puts the interceptor in the endpoint's chain and has the endpoint hand its exchanges over. */
  static void install(JaxWsServerFactoryBean factory, OcppSoapEndpoint endpoint) {
    factory.getInInterceptors().add(new QuietSuspension());
    endpoint.suspendQuietly();
  }

  /**
   * Called by the endpoint while CXF's invoker runs it. If CXF has suspended the exchange, the
   * chain goes on running until it reaches this interceptor, which leaves it. Otherwise nothing
   * changes.
   */
  static void takeOver(Message request) {
    InterceptorChain chain = request.getInterceptorChain();
    if (chain != null && chain.getState() == InterceptorChain.State.SUSPENDED) {
      chain.unpause();
      request.getExchange().put(WAITING, Boolean.TRUE);
    }
  }

  @Override
  public void handleMessage(Message message) {
    Exchange exchange = message.getExchange();
    if (exchange.remove(RESUMING) != null) {
      invoker.handleMessage(message);
    }
    if (exchange.remove(WAITING) != null) {
      exchange.put(RESUMING, Boolean.TRUE);
      throw new Leave();
    }
  }

  /**
   * Leaves the chain: CXF's transport takes it as a suspension and drops it. It has no stack
   * trace, which is what it saves.
   */
  private static final class Leave extends SuspendedInvocationException {
    private static final long serialVersionUID = 1L;

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }
}
