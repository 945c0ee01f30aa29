package io.ocppbridge.soap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ocppbridge.sim.CsmsReply;
import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.SoapPost;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.cxf.bus.managers.PhaseManagerImpl;
import org.apache.cxf.continuations.Continuation;
import org.apache.cxf.interceptor.InterceptorChain;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.ExchangeImpl;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.transport.Destination;
import org.apache.cxf.transport.MessageObserver;
import org.junit.jupiter.api.Test;

/**
 * {@link DirectResumption}: a suspended request resumes as a task on the listener's threads, its
 * chain resumed through the destination's observer, and its asynchronous cycle completed, with
 * no second dispatch of the request; and, over real sockets, answers that arrive before the
 * suspending thread has left the chain (refusals) and answers that arrive later all reach their
 * chargers.
 */
class DirectResumptionTest {

  /** The servlet side: records what is called on the request, its async context and response. */
  private static final class Servlet {
    final List<String> calls = new ArrayList<>();
    final List<Runnable> started = new ArrayList<>();
    final List<AsyncListener> listeners = new ArrayList<>();
    boolean committed;
    final AsyncContext context = (AsyncContext) Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {AsyncContext.class}, (self, m, args) -> {
          calls.add("context." + m.getName() + (args == null ? "" : "(" + args[0] + ")"));
          if (m.getName().equals("start")) {
            started.add((Runnable) args[0]);
          } else if (m.getName().equals("addListener")) {
            listeners.add((AsyncListener) args[0]);
          }
          return null;
        });
    final HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class}, (self, m, args) -> {
          calls.add("request." + m.getName());
          return m.getName().equals("startAsync") ? context : null;
        });
    final HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class},
        (self, m, args) -> {
          calls.add("response." + m.getName() + (args == null ? "" : "(" + args[0] + ")"));
          return m.getName().equals("isCommitted") ? committed : null;
        });
  }

  private final Servlet servlet = new Servlet();
  private final List<Message> observed = new ArrayList<>();

  /** A request as the endpoint has it: its chain, exchange, and the destination it came by. */
  private Message request(MessageObserver observer) {
    Message message = new MessageImpl();
    Exchange exchange = new ExchangeImpl();
    exchange.setInMessage(message);
    message.setInterceptorChain(new PhaseInterceptorChain(new PhaseManagerImpl().getInPhases()));
    exchange.setDestination((Destination) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Destination.class},
        (self, m, args) -> m.getName().equals("getMessageObserver") ? observer : null));
    return message;
  }

  /**
   * Verifies that a suspended request is resumed by a task on the listener's threads, not by
   * dispatching it again, and that the task resumes the chain and then completes the cycle.
   */
  @Test
  void resumesAsATaskWithoutASecondDispatch() {
    // GIVEN a request whose endpoint took the continuation and suspended it
    Message message = request(observed::add);
    DirectResumption provider = new DirectResumption(servlet.request, servlet.response, message);
    Continuation continuation = provider.getContinuation();
    assertThat(provider.getContinuation()).isSameAs(continuation);
    assertThat(continuation.isNew()).isTrue();
    assertThat(continuation.suspend(0)).isTrue();
    assertThat(message.getInterceptorChain().getState())
        .isEqualTo(InterceptorChain.State.SUSPENDED);
    assertThat(continuation.isPending()).isTrue();

    // WHEN the answer arrives
    continuation.resume();

    // THEN one task was handed to the listener's threads and nothing dispatched the request
    assertThat(servlet.started).hasSize(1);
    assertThat(servlet.calls).containsOnlyOnce("request.startAsync")
        .contains("context.setTimeout(0)").doesNotContain("context.dispatch")
        .doesNotContain("context.complete");
    assertThat(continuation.isResumed()).isTrue();
    assertThat(observed).isEmpty();

    // AND WHEN that task runs, it resumes the chain through the observer, then ends the cycle
    servlet.started.get(0).run();
    assertThat(observed).containsExactly(message);
    assertThat(servlet.calls).containsOnlyOnce("context.complete")
        .noneMatch(c -> c.startsWith("response.setStatus"));
  }

  /** Verifies that a chain that fails while resuming still ends the cycle, with a 500. */
  @Test
  void aFailedResumptionEndsTheRequestWithAServerError() {
    // GIVEN a suspended request whose chain fails when resumed
    Message message = request(m -> {
      throw new IllegalStateException("writing failed");
    });
    Continuation continuation =
        new DirectResumption(servlet.request, servlet.response, message).getContinuation();
    continuation.suspend(0);

    // WHEN it is resumed and its task runs
    continuation.resume();
    servlet.started.get(0).run();

    // THEN the charger is told 500 and the cycle is ended
    assertThat(servlet.calls).contains("response.setStatus(500)")
        .containsOnlyOnce("context.complete");
  }

  /** Verifies that an answer to a request that already ended starts no task. */
  @Test
  void anAnswerToAnEndedRequestStartsNothing() throws IOException {
    // GIVEN a suspended request that Jetty ended (the charger went away)
    Message message = request(observed::add);
    Continuation continuation =
        new DirectResumption(servlet.request, servlet.response, message).getContinuation();
    continuation.suspend(0);
    assertThat(servlet.listeners).hasSize(1);
    servlet.listeners.get(0).onComplete(new AsyncEvent(servlet.context));

    // WHEN its answer arrives
    continuation.resume();

    // THEN no task is started and the chain is not resumed
    assertThat(servlet.started).isEmpty();
    assertThat(observed).isEmpty();
  }

  private static final Pattern IN_FLIGHT =
      Pattern.compile("(?m)^bridge_soap_requests_in_flight (\\S+)$");

  /**
   * Verifies over real sockets that refusals, whose answers come before the suspending thread
   * has left the chain, and relayed requests, whose answers come later, sent at once and mixed,
   * are all answered rightly, and that every answer was written (none is left in flight).
   */
  @Test
  void earlyAndLateAnswersAllReachTheirChargers() throws Exception {
    try (BridgeFixture fixture = BridgeFixture.start()) {
      // GIVEN a central system that answers after 200 ms
      fixture.csms().replyWith(call -> CsmsReply.after(Duration.ofMillis(200), call.result(
          JsonNodeFactory.instance.objectNode().put("currentTime", "2026-12-06T00:00:00Z"))));
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

      // WHEN 40 chargers send a Heartbeat each and 40 send one whose URL names another charger
      List<CompletableFuture<HttpResponse<String>>> relayed = new ArrayList<>();
      List<CompletableFuture<HttpResponse<String>>> refused = new ArrayList<>();
      URI elsewhere = URI.create(fixture.soapUrl() + "/CB-SOMEONE-ELSE");
      for (int i = 0; i < 40; i++) {
        relayed.add(http.sendAsync(SoapPost.heartbeatRequest(fixture.soapUrl(), "CB-RESUME-" + i),
            HttpResponse.BodyHandlers.ofString()));
        refused.add(http.sendAsync(SoapPost.heartbeatRequest(elsewhere, "CB-REFUSED-" + i),
            HttpResponse.BodyHandlers.ofString()));
      }

      // THEN each relayed one gets the central system's answer, each refused one its fault
      for (CompletableFuture<HttpResponse<String>> answer : relayed) {
        HttpResponse<String> response = answer.get(15, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("heartbeatResponse")
            .contains("2026-12-06T00:00:00");
      }
      for (CompletableFuture<HttpResponse<String>> answer : refused) {
        HttpResponse<String> response = answer.get(15, TimeUnit.SECONDS);
        assertThat(response.body()).contains("Fault").contains("name different chargers")
            .doesNotContain("heartbeatResponse");
      }
      assertThat(fixture.csms().received()).hasSize(40)
          .noneMatch(c -> c.chargerId().startsWith("CB-REFUSED-"));
      // AND every answer went through the chain's end: none is still counted in flight
      assertThat(inFlight(fixture)).isZero();
    }
  }

  private static double inFlight(BridgeFixture fixture) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + fixture.bridge().adminPort() + "/metrics"))
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    Matcher m = IN_FLIGHT.matcher(response.body());
    assertThat(m.find()).as("the in-flight gauge is published").isTrue();
    return Double.parseDouble(m.group(1));
  }
}
