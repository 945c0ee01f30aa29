package io.ocppbridge.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocppbridge.frame.Frame;
import io.ocppbridge.frame.FrameCodec;
import io.ocppbridge.translate.OcppJson;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The OCPP-J frame codec: writing a MeterValues CALL as WebSocket text and reading a
 * BootNotification CALLRESULT back.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FrameCodecBenchmark {

  private static final String METER_VALUES = "{\"connectorId\":1,\"transactionId\":42,"
      + "\"values\":[{\"timestamp\":\"2026-11-21T10:15:00Z\",\"values\":[{\"value\":\"12345\","
      + "\"unit\":\"Wh\",\"measurand\":\"Energy.Active.Import.Register\"}]}]}";
  private static final String BOOT_RESULT = "[3,\"7c0bd4a3-7b0e-4a0c-9a55-0d1b8e3f2a10\","
      + "{\"status\":\"Accepted\",\"currentTime\":\"2026-11-22T01:00:00Z\","
      + "\"heartbeatInterval\":300}]";

  private FrameCodec codec;
  private Frame.Call call;

  @Setup
  public void setUp() throws Exception {
    codec = new FrameCodec(OcppJson.frameMapper());
    JsonNode payload = OcppJson.frameMapper().readTree(METER_VALUES);
    call = new Frame.Call("7c0bd4a3-7b0e-4a0c-9a55-0d1b8e3f2a10", "MeterValues", payload);
  }

  @Benchmark
  public String encodeCall() {
    return codec.encode(call);
  }

  @Benchmark
  public Frame decodeCallResult() {
    return codec.decode(BOOT_RESULT);
  }
}
