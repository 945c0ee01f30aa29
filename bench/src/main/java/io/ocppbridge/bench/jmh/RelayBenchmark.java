package io.ocppbridge.bench.jmh;

import io.ocppbridge.bench.BareSoapEndpoint;
import io.ocppbridge.bench.BridgeUnderTest;
import io.ocppbridge.bench.SoapEnvelopes.Operation;
import io.ocppbridge.core.OcppVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole relay, one message at a time over real loopback sockets, for the bridge's
 * allocation per relayed message ({@code -prof gc}: {@code gc.alloc.rate.norm} counts every
 * thread of the JVM). The bridge runs in this JVM as {@link BridgeUnderTest} starts it; its
 * peers are raw sockets that allocate next to nothing per message:
 * <ul>
 *   <li>{@link #chargerToCsms}, {@link #chargerToCsmsMeterValues}: a keep-alive
 *       {@link RawSoapClient} posts a pre-built OCPP 1.5 SOAP request to the bridge, which relays
 *       it to the {@link RawCsmsServer} over its WebSocket and turns the CALLRESULT into the SOAP
 *       answer;
 *   <li>{@link #csmsToCharger}: the benchmark thread writes a ChangeAvailability CALL on that
 *       WebSocket; the bridge posts it to the charger's SOAP server (a {@link RawChargerServer},
 *       named in the charger's {@code wsa:From}) and relays the answer back as a CALLRESULT;
 *   <li>{@link #bareHeartbeat}: the same client and Heartbeat against the
 *       {@link BareSoapEndpoint} (CXF answering by itself), for reference;
 *   <li>{@link #peersOnly}: the same client and Heartbeat against a {@link RawChargerServer}
 *       answering a pre-built heartbeatResponse: the raw HTTP peers' own share, to subtract.
 * </ul>
 * Run: {@code java -jar bench/target/ocpp-bench.jar jmh RelayBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
// as BenchMain does (CommonPool): with 2 cores the common pool would start a thread per task
@Fork(value = 1,
    jvmArgsAppend = "-Djava.util.concurrent.ForkJoinPool.common.parallelism=4")
public class RelayBenchmark {

  static final String IDENTITY = "JMH-RELAY";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
  private static final String CHANGE_AVAILABILITY_ANSWER = "<s:Envelope xmlns:s=\"" + SOAP12
      + "\"><s:Body><changeAvailabilityResponse xmlns=\""
      + OcppVersion.V1_5.chargePointNamespace() + "\"><status>Accepted</status>"
      + "</changeAvailabilityResponse></s:Body></s:Envelope>";
  private static final String HEARTBEAT_ANSWER = "<s:Envelope xmlns:s=\"" + SOAP12
      + "\"><s:Body><heartbeatResponse xmlns=\"" + OcppVersion.V1_5.centralSystemNamespace()
      + "\"><currentTime>2026-12-04T08:00:00Z</currentTime></heartbeatResponse></s:Body>"
      + "</s:Envelope>";
  /** A CALL with a 12-digit id at offset 4, written over in place for each call. */
  private static final String CALL =
      "[2,\"000000000000\",\"ChangeAvailability\",{\"connectorId\":0,\"type\":\"Operative\"}]";
  private static final int CALL_ID_AT = 4;
  private static final int CALL_ID_WIDTH = 12;

  private RawCsmsServer csms;
  private RawChargerServer charger;
  private RawChargerServer peer;
  private BridgeUnderTest bridge;
  private BareSoapEndpoint bare;
  private RawSoapClient toBridge;
  private RawSoapClient toBare;
  private RawSoapClient toPeer;
  private PrebuiltSoapRequest heartbeat;
  private PrebuiltSoapRequest meterValues;
  private PrebuiltSoapRequest bareRequest;
  private PrebuiltSoapRequest peerRequest;
  private RawWebSocketLine line;
  private final byte[] call = HttpWire.ascii(CALL);
  private long calls;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    try {
      csms = new RawCsmsServer(TIMEOUT);
      charger = new RawChargerServer("changeAvailabilityRequest", CHANGE_AVAILABILITY_ANSWER,
          TIMEOUT);
      bridge = BridgeUnderTest.toCentralSystem(csms.url(), TIMEOUT);
      String from = charger.url().toString();
      heartbeat = new PrebuiltSoapRequest(bridge.soapUrl(), Operation.HEARTBEAT, IDENTITY, from);
      meterValues = new PrebuiltSoapRequest(bridge.soapUrl(), Operation.METER_VALUES, IDENTITY,
          from);
      toBridge = new RawSoapClient(bridge.soapUrl(), TIMEOUT);
      // the first request opens the charger's WebSocket and tells the bridge its callback address
      toBridge.exchange(heartbeat);
      line = csms.line(IDENTITY, TIMEOUT);

      bare = new BareSoapEndpoint("127.0.0.1", 0, "/ocpp");
      bareRequest = new PrebuiltSoapRequest(bare.url(), Operation.HEARTBEAT, IDENTITY, from);
      toBare = new RawSoapClient(bare.url(), TIMEOUT);

      peer = new RawChargerServer("heartbeatRequest", HEARTBEAT_ANSWER, TIMEOUT);
      peerRequest = new PrebuiltSoapRequest(peer.url(), Operation.HEARTBEAT, IDENTITY, from);
      toPeer = new RawSoapClient(peer.url(), TIMEOUT);
    } catch (Exception | Error e) {
      tearDown();
      throw e;
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    closeQuietly(toBridge);
    closeQuietly(toBare);
    closeQuietly(toPeer);
    closeQuietly(bare);
    closeQuietly(bridge);
    closeQuietly(peer);
    closeQuietly(charger);
    closeQuietly(csms);
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      System.err.println("closing " + c.getClass().getSimpleName() + ": " + e);
    }
  }

  /** Charger to central system: a Heartbeat through the bridge and its answer back. */
  @Benchmark
  public void chargerToCsms() throws IOException {
    toBridge.exchange(heartbeat);
  }

  /** Charger to central system: a MeterValues (one sampled value) through the bridge. */
  @Benchmark
  public void chargerToCsmsMeterValues() throws IOException {
    toBridge.exchange(meterValues);
  }

  /**
   * Central system to charger: a ChangeAvailability CALL on the WebSocket, posted by the bridge
   * to the charger's SOAP server, and the CALLRESULT back.
   *
   * @return the length of the CALLRESULT's text
   */
  @Benchmark
  public int csmsToCharger() throws IOException, InterruptedException {
    HttpWire.patchDigits(call, CALL_ID_AT, CALL_ID_WIDTH, ++calls);
    int length = line.call(call, call.length, TIMEOUT.toMillis());
    byte[] result = line.result();
    boolean sameId = length > CALL_ID_AT + CALL_ID_WIDTH;
    for (int i = CALL_ID_AT; sameId && i < CALL_ID_AT + CALL_ID_WIDTH; i++) {
      sameId = result[i] == call[i];
    }
    if (result[0] != '[' || result[1] != '3' || !sameId) {
      throw new IllegalStateException("not the CALLRESULT of " + new String(call,
          StandardCharsets.US_ASCII) + ": " + new String(result, 0, length,
          StandardCharsets.UTF_8) + (charger.lastRefused() == null ? ""
          : " (the charger server refused: " + charger.lastRefused() + ")"));
    }
    return length;
  }

  /** The bare CXF endpoint answering the same Heartbeat by itself. */
  @Benchmark
  public void bareHeartbeat() throws IOException {
    toBare.exchange(bareRequest);
  }

  /** The raw client and a raw server alone: what the benchmark's own peers allocate. */
  @Benchmark
  public void peersOnly() throws IOException {
    toPeer.exchange(peerRequest);
  }
}
