package io.ocppbridge.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.cxf.bus.managers.PhaseManagerImpl;
import org.apache.cxf.continuations.SuspendedInvocationException;
import org.apache.cxf.interceptor.InterceptorChain;
import org.apache.cxf.interceptor.ServiceInvokerInterceptor;
import org.apache.cxf.message.ExchangeImpl;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.junit.jupiter.api.Test;

/**
 * {@link QuietSuspension} on CXF's own interceptor chain: a suspended invocation leaves the chain
 * with a suspension that has no stack trace, the chain is paused, and resumption runs the invoker
 * again and then the rest of the chain, as CXF does after its own suspension.
 */
class QuietSuspensionTest {

  /** Stands where CXF's invoker stands (same id): suspends on its first run, answers after. */
  private static final class Invoker extends AbstractPhaseInterceptor<Message> {
    final List<String> runs = new ArrayList<>();
    final boolean quiet;

    Invoker(boolean quiet) {
      super(ServiceInvokerInterceptor.class.getName(), Phase.INVOKE);
      this.quiet = quiet;
    }

    @Override
    public void handleMessage(Message message) {
      if (runs.isEmpty()) {
        runs.add("suspended");
        message.getInterceptorChain().suspend();
        if (quiet) {
          QuietSuspension.takeOver(message);
        }
      } else {
        runs.add("answered");
        message.getExchange().put("answer", "the central system's answer");
      }
    }
  }

  /** What follows the invocation: writing the answer. */
  private static final class Writer extends AbstractPhaseInterceptor<Message> {
    final List<String> written = new ArrayList<>();

    Writer() {
      super(Phase.POST_INVOKE);
    }

    @Override
    public void handleMessage(Message message) {
      written.add((String) message.getExchange().get("answer"));
    }
  }

  private static PhaseInterceptorChain chain() {
    return new PhaseInterceptorChain(new PhaseManagerImpl().getInPhases());
  }

  private static Message request(PhaseInterceptorChain chain) {
    Message message = new MessageImpl();
    new ExchangeImpl().setInMessage(message);
    message.setInterceptorChain(chain);
    return message;
  }

  /** The first run of a chain of writer, QuietSuspension and invoker: how it left. */
  private static SuspendedInvocationException firstRun(PhaseInterceptorChain chain,
      Invoker invoker, Writer writer) {
    chain.add(List.of(writer, new QuietSuspension(invoker), invoker));
    Message message = request(chain);
    return assertThrows(SuspendedInvocationException.class, () -> chain.doIntercept(message));
  }

  @Test
  void aSuspendedInvocationLeavesWithoutAStackTraceAndIsRunAgainOnResumption() {
    Invoker invoker = new Invoker(true);
    Writer writer = new Writer();
    PhaseInterceptorChain chain = chain();

    SuspendedInvocationException left = firstRun(chain, invoker, writer);
    assertEquals(0, left.getStackTrace().length, "no stack trace was built");
    assertNull(left.getRuntimeException(), "the transport drops it, as CXF's own");
    assertEquals(InterceptorChain.State.PAUSED, chain.getState());
    assertEquals(List.of("suspended"), invoker.runs);
    assertTrue(writer.written.isEmpty(), "nothing is written while the exchange waits");

    chain.resume();

    assertEquals(List.of("suspended", "answered"), invoker.runs);
    assertEquals(List.of("the central system's answer"), writer.written);
    assertEquals(InterceptorChain.State.COMPLETE, chain.getState());
  }

  @Test
  void withoutItCxfBuildsTheStackTraceOfItsSuspension() {
    Invoker invoker = new Invoker(false);
    Writer writer = new Writer();
    PhaseInterceptorChain chain = chain();

    SuspendedInvocationException left = firstRun(chain, invoker, writer);
    assertTrue(left.getStackTrace().length > 0);

    chain.resume();

    assertEquals(List.of("suspended", "answered"), invoker.runs,
        "the interceptor stays out of an exchange the endpoint did not hand it");
    assertEquals(List.of("the central system's answer"), writer.written);
  }

  @Test
  void anInvocationThatDidNotSuspendIsLeftAlone() {
    List<String> reruns = new ArrayList<>();
    AbstractPhaseInterceptor<Message> answering =
        new AbstractPhaseInterceptor<>(ServiceInvokerInterceptor.class.getName(), Phase.INVOKE) {
          @Override
          public void handleMessage(Message message) {
            QuietSuspension.takeOver(message);
            message.getExchange().put("answer", "at once");
          }
        };
    QuietSuspension quiet = new QuietSuspension(new AbstractPhaseInterceptor<>(Phase.INVOKE) {
      @Override
      public void handleMessage(Message message) {
        reruns.add("again");
      }
    });
    Writer writer = new Writer();
    PhaseInterceptorChain chain = chain();
    chain.add(List.of(writer, quiet, answering));

    assertTrue(chain.doIntercept(request(chain)));
    assertTrue(reruns.isEmpty());
    assertEquals(List.of("at once"), writer.written);
  }
}
