package io.ocppbridge.corpus;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.ocppbridge.app.Bridge;
import io.ocppbridge.config.ConfigLoader;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.Initiator;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.sim.ReceivedCall;
import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.SoapPost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * The bad-input corpus: requests a charger may post and frames a central system may send that
 * break the OCPP contracts, each with the exact SOAP fault or CALLERROR the bridge must answer,
 * and proof that it refused them without passing anything on and still serves the next valid
 * message. The cases are files under {@code src/test/resources/corpus/} (see {@link SoapCase}
 * and {@link JsonCorpus}); adding a case is adding a file or a line.
 *
 * <p>One bridge with a simulated central system serves the SOAP and schema cases, a second one
 * wired to {@link RawFrameCsms} the malformed frames; every case uses a charger identity of its
 * own, and a WireMock server stands in for every charger's SOAP server.
 */
class BadInputCorpusTest {

  /**
   * The versions this corpus covers. OCPP 1.6 bad input is covered by the 1.6 tests
   * ({@link Ocpp16BadInputTest}) instead.
   */
  private static final List<OcppVersion> CORPUS_VERSIONS =
      List.of(OcppVersion.V1_5, OcppVersion.V1_2);

  /**
   * Defects this corpus found in the bridge; cases marked {@code bug=<id>} are skipped while
   * they show exactly these symptoms.
   */
  private static final Map<String, KnownBug> KNOWN_BUGS = Stream.of(
      new KnownBug("B1", "a facet violation (enumeration, maxLength, xs:int range) is reported"
          + " with the validator's first message, which names the value and the XSD type but not"
          + " the element or attribute", Set.of("reason")),
      new KnownBug("B2", "text or a decimal in an xs:int element is a FormationViolation"
          + " 'Not a number: <value>' (JAXB's own conversion event wins over the validator's);"
          + " expected TypeConstraintViolation naming the element", Set.of("code", "reason")),
      new KnownBug("B3", "a malformed xs:dateTime is a FormationViolation whose reason is only"
          + " the value; expected TypeConstraintViolation naming the element",
          Set.of("code", "reason")),
      new KnownBug("B4", "validator messages that SchemaViolation does not map fall through to"
          + " FormationViolation: cvc-type.3.1.1 (an attribute on a simple-typed element,"
          + " expected PropertyConstraintViolation), cvc-complex-type.2.1 (text in an element of"
          + " empty content, expected PropertyConstraintViolation like text in element-only"
          + " content, 2.3), cvc-elt.4.3 (an xsi:type not derived from the declared type,"
          + " expected TypeConstraintViolation)", Set.of("code")),
      new KnownBug("B5", "a missing required element that is followed by another element is a"
          + " PropertyConstraintViolation (cvc-complex-type.2.4.a); expected"
          + " OccurenceConstraintViolation", Set.of("code")),
      new KnownBug("B6", "a SOAP Body that is missing or empty gets a Receiver fault without an"
          + " OCPP code whose reason is CXF's internal text (a NullPointerException message);"
          + " expected Sender, FormationViolation", Set.of("fault", "code", "namespace",
          "reason")),
      new KnownBug("B8", "two elements in the SOAP Body get CXF's own Sender fault without an"
          + " OCPP code ('Message part ... was not recognized. (Does it exist in service"
          + " WSDL?)'); expected FormationViolation", Set.of("code", "namespace")),
      new KnownBug("B9", "fault reasons are written unfiltered: JAXB's message for a child"
          + " element inside the 1.5 <value> (simple content) contains a NUL character"
          + " ('Expected elements are <{\\u0000}text>'), Woodstox refuses it mid-write, and the"
          + " charger gets HTTP 500 with a body cut off inside the reason (not well-formed)",
          Set.of("envelope", "fault", "code", "namespace", "reason")),
      new KnownBug("B10", "a request whose envelope cannot be read (not XML, unknown envelope"
          + " namespace) is answered with a SOAP 1.2 fault even when it came as text/xml, the"
          + " SOAP 1.1 binding", Set.of("envelope", "fault")),
      new KnownBug("B11", "a CALL whose message id repeats one still outstanding on the same"
          + " WebSocket is relayed again: the charger executes it twice and the central system"
          + " gets two answers with the same id; expected it to be delivered once (the repeat"
          + " dropped and logged, or refused without reaching the charger)",
          Set.of("delivered", "answers")),
      new KnownBug("J1", "an integer outside the xs:int range in a CALL is a FormationViolation"
          + " 'invalid <Action> request: not valid JSON'; expected PropertyConstraintViolation"
          + " naming the field, as the SOAP side answers for the same value",
          Set.of("code", "text")))
      .collect(Collectors.toMap(KnownBug::id, Function.identity()));

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

  private static WireMockServer chargers;
  private static BridgeFixture fixture;
  private static RawFrameCsms rawCsms;
  private static Bridge rawBridge;
  private static Map<String, String> validSoap;
  private static Map<String, String> validJson;

  @BeforeAll
  static void start() {
    chargers = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    chargers.start();
    ChargerStubs.acceptEverything(chargers);
    fixture = BridgeFixture.start();
    rawCsms = new RawFrameCsms();
    rawBridge = Bridge.start(ConfigLoader.fromValues(Map.of(
        "soap.host", "127.0.0.1", "soap.port", "0", "csms.url", rawCsms.url().toString(),
        "csms.callTimeout", "5s", "csms.connectTimeout", "2s",
        "sessions.newIdentityBurst", "1000000")));
    validSoap = validSoapBodies();
    validJson = JsonCorpus.valid();
  }

  @AfterAll
  static void stop() {
    if (rawBridge != null) {
      rawBridge.close();
    }
    if (rawCsms != null) {
      rawCsms.close();
    }
    if (fixture != null) {
      fixture.close();
    }
    if (chargers != null) {
      chargers.stop();
    }
  }

  /**
   * Verifies that every bad SOAP request of the corpus gets HTTP 400/500 with exactly its fault,
   * that nothing of it reaches the central system, and that a valid request follows unharmed.
   */
  @TestFactory
  Stream<DynamicTest> refusesEveryBadSoapRequestWithItsFault() {
    return SoapCase.all().stream().map(c -> corpusCase(c, () -> checkSoap(c)));
  }

  private void checkSoap(SoapCase c) throws Exception {
    // GIVEN the central system's traffic so far
    int callsBefore = fixture.csms().received().size();
    int connectionsBefore = fixture.csms().connectionCount();

    // WHEN a charger posts the bad request
    HttpResponse<String> response = SoapPost.post(fixture.soapUrl(),
        Envelopes.contentType(c.soapVersion()), c.request());

    // THEN it is refused with HTTP 400 (a SOAP 1.2 Sender fault, by the SOAP 1.2 HTTP binding)
    // or 500 (a Receiver fault, or any SOAP 1.1 fault)
    assertThat(response.statusCode()).as("HTTP status; answer: %s", response.body())
        .isEqualTo(Envelopes.faultStatus(c.soapVersion(), c.faultCode()));
    // AND the central system received nothing, and no session or WebSocket was opened for it
    assertThat(fixture.csms().received()).as("calls the central system received")
        .hasSize(callsBefore);
    assertThat(fixture.csms().connectionCount()).isEqualTo(connectionsBefore);
    assertThat(fixture.bridge().sessions().find(new ChargerId(c.identity()))).isEmpty();
    // AND a valid request of the same charger right after is relayed and answered
    postValidAfter(c);
    // AND the fault is exactly the expected one
    KnownBug.judge(KNOWN_BUGS, c, c.bug(), SoapFaultView.read(response.body()).differencesFrom(
        c.soapVersion(), c.faultCode(), c.ocppCode(), c.codeNamespace(), c.reasonFragment()),
        response.body());
  }

  /** Posts the valid form of the case's operation (else a Heartbeat) and checks the relay. */
  private void postValidAfter(SoapCase c) throws Exception {
    String operation = validSoap.containsKey(c.ocppVersion() + " " + c.operation())
        ? c.operation() : "heartbeat";
    String body = validSoap.get(c.ocppVersion() + " " + operation);
    HttpResponse<String> response = SoapPost.post(fixture.soapUrl(),
        Envelopes.contentType(c.soapVersion()),
        Envelopes.wrap(c.soapVersion(), c.ocppVersion(), c.identity(), body));
    assertThat(response.statusCode()).as("valid %s after the bad request: %s", operation,
        response.body()).isEqualTo(200);
    assertThat(response.body()).containsPattern("<(\\w+:)?" + operation + "Response[ >/]");
    String action = Character.toUpperCase(operation.charAt(0)) + operation.substring(1);
    assertThat(fixture.csms().received()).filteredOn(r -> r.chargerId().equals(c.identity()))
        .extracting(ReceivedCall::action).containsExactly(action);
  }

  /**
   * Verifies that every invalid CALL of the corpus gets exactly its CALLERROR from the bridge,
   * that the charger receives nothing, and that a valid CALL follows unharmed.
   */
  @TestFactory
  Stream<DynamicTest> refusesEveryInvalidCallWithItsCallError() {
    return Stream.of("1.5", "1.2").flatMap(v -> JsonCorpus.calls(v).stream())
        .map(c -> corpusCase(c, () -> checkCall(c)));
  }

  private void checkCall(JsonCorpus.CallCase c) throws Exception {
    // GIVEN a charger of that version that told the bridge where its SOAP server is
    register(fixture.soapUrl(), c.version(), c.identity());

    // WHEN the central system sends the invalid CALL
    JsonNode answer = fixture.csms().sendCall(c.identity(), c.action(),
        JSON.readTree(c.payload()), CALL_TIMEOUT).get(15, TimeUnit.SECONDS);

    // THEN the charger received nothing
    assertThat(ChargerStubs.requestsOf(chargers, c.identity())).as("requests to the charger")
        .isZero();
    // AND a valid CALL right after reaches the charger and is answered
    String action = validJson.containsKey(c.version() + " " + c.action()) ? c.action() : "Reset";
    JsonNode valid = fixture.csms().sendCall(c.identity(), action,
        JSON.readTree(validJson.get(c.version() + " " + action)), CALL_TIMEOUT)
        .get(15, TimeUnit.SECONDS);
    assertThat(valid.get(0).asInt()).as("answer to a valid %s: %s", action, valid).isEqualTo(3);
    assertThat(ChargerStubs.requestsOf(chargers, c.identity())).isEqualTo(1);
    // AND the bad CALL got exactly its CALLERROR
    KnownBug.judge(KNOWN_BUGS, c, c.bug(), callErrorDifferences(answer, c.code(), c.text()),
        answer.toString());
  }

  /**
   * Verifies that malformed frames from the central system are answered with the CALLERROR
   * OCPP-J prescribes when a message id can be read and ignored otherwise, and that the
   * WebSocket keeps serving valid CALLs.
   */
  @TestFactory
  Stream<DynamicTest> answersOrIgnoresMalformedFrames() {
    return JsonCorpus.frames().stream().map(c -> corpusCase(c, () -> checkFrame(c)));
  }

  private void checkFrame(JsonCorpus.FrameCase c) throws Exception {
    // GIVEN a charger whose WebSocket is open
    String identity = "F-" + c.line();
    register(rawBridge.soapAddress(), "1.5", identity);

    // WHEN the central system sends the malformed text, then a valid Reset
    rawCsms.send(identity, c.frame());
    String okId = "ok-" + c.line();
    rawCsms.send(identity, "[2,\"" + okId + "\",\"Reset\",{\"type\":\"Soft\"}]");
    List<String> frames = rawCsms.framesUntilAnswerTo(identity, okId, CALL_TIMEOUT);

    // THEN the valid Reset is relayed to the charger and answered
    JsonNode ok = JSON.readTree(frames.get(frames.size() - 1));
    assertThat(ok.get(0).asInt()).as("answer to the valid Reset: %s", ok).isEqualTo(3);
    assertThat(ChargerStubs.requestsOf(chargers, identity)).isEqualTo(1);
    assertThat(rawCsms.isConnected(identity)).isTrue();
    // AND before it came exactly the expected answer to the bad frame, or nothing
    List<String> before = frames.subList(0, frames.size() - 1);
    if (c.answer().equals("none")) {
      assertThat(before).as("answers to a frame that must be ignored").isEmpty();
    } else {
      assertThat(before).as("answers to the bad frame").hasSize(1);
      JsonNode error = JSON.readTree(before.get(0));
      List<Difference> differences = callErrorDifferences(error, c.answer(), c.text());
      if (!c.messageId().equals(error.path(1).asText())) {
        differences.add(new Difference("id", "message id " + error.path(1)));
      }
      KnownBug.judge(KNOWN_BUGS, c, null, differences, error.toString());
    }
  }

  /**
   * Verifies that a CALL whose message id repeats one still outstanding on the same WebSocket
   * (OCPP-J 1.6, 4.1.1: ids are unique per sender and connection) is not delivered to the charger
   * a second time, and that the central system gets exactly one answer for that id.
   */
  @Test
  void deliversARepeatedMessageIdOnlyOnce() throws Exception {
    // GIVEN a charger whose SOAP server takes a while to answer a hard Reset
    String identity = "F-repeated-id";
    ChargerStubs.answerHardResetAfter(chargers, identity, Duration.ofMillis(300));
    register(rawBridge.soapAddress(), "1.5", identity);

    // WHEN the central system sends the same CALL twice, the second before the first is answered
    String call = "[2,\"dup-1\",\"Reset\",{\"type\":\"Hard\"}]";
    rawCsms.send(identity, call);
    rawCsms.send(identity, call);
    List<String> frames = new ArrayList<>(
        rawCsms.framesUntilAnswerTo(identity, "dup-1", CALL_TIMEOUT));
    frames.addAll(rawCsms.framesWithin(identity, Duration.ofMillis(800)));

    // THEN the connection still serves a valid CALL
    rawCsms.send(identity, "[2,\"ok-after-dup\",\"Reset\",{\"type\":\"Soft\"}]");
    List<String> after = rawCsms.framesUntilAnswerTo(identity, "ok-after-dup", CALL_TIMEOUT);
    assertThat(JSON.readTree(after.get(after.size() - 1)).get(0).asInt()).isEqualTo(3);
    // AND the charger was reset once, and the central system got one answer for dup-1
    List<Difference> differences = new ArrayList<>();
    int resets = ChargerStubs.requestsOf(chargers, identity) - 1;
    if (resets != 1) {
      differences.add(new Difference("delivered", "the charger received " + resets
          + " hard Resets"));
    }
    frames.addAll(after.subList(0, after.size() - 1));
    if (frames.size() != 1 || JSON.readTree(frames.get(0)).get(0).asInt() != 3) {
      differences.add(new Difference("answers", "answers for dup-1: " + frames));
    }
    KnownBug.judge(KNOWN_BUGS, "repeated message id", null, differences, frames.toString());
  }

  /**
   * Verifies that the corpus covers every operation of both versions on both sides, so that
   * it cannot silently shrink.
   */
  @Test
  void coversEveryOperationOfBothVersions() {
    // GIVEN the corpus
    List<SoapCase> soap = SoapCase.all();
    List<JsonCorpus.CallCase> calls = new ArrayList<>(JsonCorpus.calls("1.5"));
    calls.addAll(JsonCorpus.calls("1.2"));

    // WHEN its cases are grouped by version and operation
    Map<String, Long> soapByOperation = soap.stream().filter(c -> !c.group().equals("envelope"))
        .collect(Collectors.groupingBy(c -> c.ocppVersion() + " " + c.operation(),
            Collectors.counting()));
    Set<String> callActions = calls.stream().map(c -> c.version() + " " + c.action())
        .collect(Collectors.toSet());

    // THEN every charger-initiated operation has several SOAP cases, every central-system
    // action a JSON case, and the whole is at least 200 cases
    for (OcppVersion v : CORPUS_VERSIONS) {
      for (OcppAction a : OcppAction.all(v, Initiator.CHARGE_POINT)) {
        String op = a.requestElement().replaceFirst("Request$", "");
        assertThat(soapByOperation.getOrDefault(v.label() + " " + op, 0L))
            .as("SOAP cases for %s %s", v, a).isGreaterThanOrEqualTo(3);
      }
      for (OcppAction a : OcppAction.all(v, Initiator.CENTRAL_SYSTEM)) {
        assertThat(callActions).as("JSON cases").contains(v.label() + " " + a.wireName());
      }
    }
    assertThat(soap.size() + calls.size() + JsonCorpus.frames().size())
        .isGreaterThanOrEqualTo(200);
  }

  /** A dynamic test named after its case, whose failures name the case too. */
  private static DynamicTest corpusCase(Object corpusCase, Executable check) {
    return dynamicTest(corpusCase.toString(), () -> {
      try {
        check.execute();
      } catch (AssertionError e) {
        throw new AssertionError(corpusCase + ": " + e.getMessage(), e);
      }
    });
  }

  /** The differences between an answer frame and the CALLERROR expected. */
  private static List<Difference> callErrorDifferences(JsonNode answer, String code,
      String text) {
    List<Difference> d = new ArrayList<>();
    if (!answer.isArray() || answer.size() != 5 || answer.get(0).asInt() != 4
        || !answer.get(4).isObject()) {
      d.add(new Difference("frame", "not a CALLERROR [4, id, code, description, {}]"));
      return d;
    }
    if (!code.equals(answer.get(2).asText())) {
      d.add(new Difference("code", answer.get(2).asText() + " instead of " + code));
    }
    if (!answer.get(3).asText().contains(text)) {
      d.add(new Difference("text", "description does not contain '" + text + "'"));
    }
    return d;
  }

  /** A Heartbeat naming this charger's WireMock path as its SOAP server; opens its WebSocket. */
  private static void register(URI bridge, String version, String identity) throws Exception {
    String from = "http://127.0.0.1:" + chargers.port() + ChargerStubs.path(identity);
    HttpResponse<String> response = SoapPost.post(bridge, Envelopes.contentType("1.2"),
        Envelopes.heartbeatFrom(version, identity, from));
    assertThat(response.statusCode()).as("registration: %s", response.body()).isEqualTo(200);
  }

  /** The valid body of each operation by "version operation", from corpus/soap-valid/. */
  private static Map<String, String> validSoapBodies() {
    Map<String, String> bodies = new HashMap<>();
    for (String version : List.of("1.5", "1.2")) {
      Path dir = SoapCase.resource("corpus/soap-valid/ocpp" + version);
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.toList()) {
          bodies.put(version + " " + f.getFileName().toString().replaceFirst("\\.xml$", ""),
              Files.readString(f).strip());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return bodies;
  }
}
