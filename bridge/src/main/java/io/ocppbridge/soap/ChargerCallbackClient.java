package io.ocppbridge.soap;

import io.ocppbridge.core.CallbackTarget;
import io.ocppbridge.core.ChargerLink;
import io.ocppbridge.core.Durations;
import io.ocppbridge.core.Failures;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.core.QuirkCounter;
import io.ocppbridge.logging.LogContext;
import io.ocppbridge.logging.MessageTrace;
import java.io.StringWriter;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import io.ocppbridge.tls.TlsFiles;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * The {@link ChargerLink} over HTTP: posts the central system's request to the charger's own
 * SOAP server, without a thread waiting for the answer.
 *
 * <p>One JDK HTTP client serves every charger (HTTP/1.1 only, a keep-alive pool per address,
 * connect timeout {@code callbacks.connectTimeout}, answer timeout {@code chargers.callTimeout}).
 * The envelope is written by {@link CallbackRequestWriter} and read by
 * {@link CallbackAnswerReader}, which tolerates the malformed answers of real chargers that a
 * CXF client would refuse before the bridge could look at them. Answers are read and relayed on
 * the client's own {@link AnswerThreads}, ended by {@link #close}.
 */
public final class ChargerCallbackClient implements ChargerLink, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChargerCallbackClient.class);

  private final HttpClient http;
  private final Duration callTimeout;
  private final int maxAnswerSize;
  private final CallbackRequestWriter writer;
  private final CallbackAnswerReader reader;
  private final AnswerThreads answerThreads = new AnswerThreads();

  /**
   * @param tls the TLS context for {@code https://} callback addresses (trust store and client
   *     certificate from {@code callbacks.*}); null: the JDK's trust store, no certificate.
   *     Either way only TLS 1.2 and 1.3 are spoken and host names are checked.
   */
  public ChargerCallbackClient(Supplier<String> bridgeUrl, Duration connectTimeout,
      Duration callTimeout, int maxAnswerSize, QuirkCounter quirks, SSLContext tls) {
    this.reader = new CallbackAnswerReader(quirks);
    SSLParameters parameters = new SSLParameters();
    parameters.setProtocols(TlsFiles.PROTOCOLS.toArray(new String[0]));
    HttpClient.Builder builder = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .sslParameters(parameters);
    if (tls != null) {
      builder.sslContext(tls);
    }
    this.http = builder.build();
    this.callTimeout = callTimeout;
    this.maxAnswerSize = maxAnswerSize;
    this.writer = new CallbackRequestWriter(bridgeUrl);
  }

  @Override
  public CompletableFuture<Element> call(CallbackTarget target, OcppAction action,
      Element payload) {
    CallbackRequestWriter.Written request = writer.write(target, action, payload);
    HttpRequest.Builder http11 = HttpRequest.newBuilder(target.address())
        .timeout(callTimeout)
        .POST(HttpRequest.BodyPublishers.ofByteArray(request.bytes()));
    if ("1.1".equals(target.soapVersion())) {
      http11.header("Content-Type", "text/xml; charset=utf-8")
          .header("SOAPAction", "\"" + action.soapAction() + "\"");
    } else {
      http11.header("Content-Type",
          "application/soap+xml; charset=utf-8; action=\"" + action.soapAction() + "\"");
    }
    if (MessageTrace.isOn(target.id().value())) {
      MessageTrace.line(target.id().value(), ">>cp {} to {} {}", action.wireName(),
          target.advertised(), xml(payload));
    }
    // HttpRequest.timeout covers the wait for the headers only; the whole answer, body
    // included, must arrive within the call timeout.
    return http.sendAsync(http11.build(), LimitedBody.handler(maxAnswerSize))
        .orTimeout(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .handleAsync((response, failure) -> {
          try (LogContext log = LogContext.open(target.id().value(), request.messageId())) {
            return answer(target, action, response, failure);
          }
        }, answerThreads);
  }

  /** Charger answers waiting to be relayed on the bridge's answer threads now. */
  public int answersWaiting() {
    return answerThreads.waiting();
  }

  /** Charger answers relayed on the HTTP client's threads because too many were waiting. */
  public long answersHandledInline() {
    return answerThreads.handledInline();
  }

  /** Ends the threads that relay answers; calls still out complete on the HTTP client's. */
  @Override
  public void close() {
    answerThreads.close();
  }

  private Element answer(CallbackTarget target, OcppAction action,
      HttpResponse<byte[]> response, Throwable failure) {
    if (failure != null) {
      throw unreachable(target, action, failure);
    }
    Element answer;
    try {
      answer = reader.read(action, response.statusCode(), response.body(),
          target.soapVersion());
    } catch (InvalidChargerAnswer e) {
      LOG.warn("[{}] the charger's answer to {} {}", target.id(), action.wireName(), e.what());
      throw e;
    }
    if (MessageTrace.isOn(target.id().value())) {
      MessageTrace.line(target.id().value(), "<<cp {} {}", action.wireName(), xml(answer));
    }
    return answer;
  }

  private OcppException unreachable(CallbackTarget target, OcppAction action, Throwable failure) {
    Throwable cause = Failures.cause(failure);
    String reason;
    if (cause instanceof HttpConnectTimeoutException) {
      reason = "the charger's SOAP server did not accept a connection in time";
    } else if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
      reason = "the charger did not answer " + action.wireName() + " within "
          + Durations.text(callTimeout);
    } else if (cause instanceof IOException io && io.getMessage() != null
        && io.getMessage().contains("maxMessageSize")) {
      reason = "the charger's answer to " + action.wireName() + " is too large: "
          + io.getMessage();
    } else if (cause instanceof javax.net.ssl.SSLException) {
      reason = "TLS with the charger's SOAP server failed (" + tlsCause(cause) + ")";
    } else if (cause instanceof ConnectException) {
      reason = "the charger's SOAP server is unreachable (connection refused)";
    } else {
      reason = "the charger's SOAP server is unreachable ("
          + cause.getClass().getSimpleName() + ")";
    }
    // The address stays in the log: it may be an internal one (a rewrite's target).
    LOG.warn("[{}] {} not delivered to {}: {}", target.id(), action.wireName(),
        target.address(), reason);
    return new OcppException(OcppErrorCode.INTERNAL_ERROR, reason, OcppException.Origin.BRIDGE,
        null);
  }

  /** The TLS failure in words, without host names. */
  private static String tlsCause(Throwable failure) {
    String text = "";
    for (Throwable t = failure; t != null; t = t.getCause()) {
      text += " " + String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
    }
    if (text.contains("certification path") || text.contains("pkix")) {
      return "its certificate is not trusted; see callbacks.truststore";
    }
    if (text.contains("expired") || text.contains("notafter")) {
      return "its certificate has expired";
    }
    if (text.contains("subject alternative") || text.contains("no name matching")) {
      return "its certificate does not match the host name";
    }
    if (text.contains("bad_certificate") || text.contains("certificate_required")
        || text.contains("unknown_ca")) {
      return "it refused the bridge's client certificate; see callbacks.keystore";
    }
    return "the handshake did not complete";
  }

  private static String xml(Element element) {
    try {
      Transformer t = TransformerFactory.newInstance().newTransformer();
      t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      StringWriter out = new StringWriter();
      t.transform(new DOMSource(element), new StreamResult(out));
      return out.toString();
    } catch (javax.xml.transform.TransformerException e) {
      return "<unprintable>";
    }
  }
}
