package io.ocppbridge.bench.jmh;

import io.ocppbridge.core.Initiator;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.core.QuirkCounter;
import io.ocppbridge.sim.SoapChargerSimulator;
import io.ocppbridge.translate.ChargerRequest;
import io.ocppbridge.core.JsonDialect;
import io.ocppbridge.translate.OcppSchemaModel;
import io.ocppbridge.translate.SecureXml;
import io.ocppbridge.translate.SoapJsonTranslator;
import java.io.StringReader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * The translation core on its own: a charger's SOAP request (a DOM element, as CXF hands it
 * over) to the OCPP-J payload, and the central system's JSON answer to the SOAP response
 * element, for MeterValues and BootNotification of OCPP 1.5. Validation against the XSD and the
 * JSON schema is part of each step, as in the bridge.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TranslatorBenchmark {

  @Param({"MeterValues", "BootNotification"})
  public String action;

  private SoapJsonTranslator translator;
  private OcppAction operation;
  private Element request;
  private String answerJson;

  @Setup
  public void setUp() throws Exception {
    translator = new SoapJsonTranslator(OcppSchemaModel.loadAll(),
        JsonDialect.OCPPJS, new QuirkCounter());
    operation = OcppAction.of(action, OcppVersion.V1_5, Initiator.CHARGE_POINT).orElseThrow();
    request = SecureXml.documentBuilderFactory().newDocumentBuilder()
        .parse(new InputSource(new StringReader(
            SoapChargerSimulator.sample(OcppVersion.V1_5, operation))))
        .getDocumentElement();
    answerJson = "BootNotification".equals(action)
        ? "{\"status\":\"Accepted\",\"currentTime\":\"2026-11-22T01:00:00Z\","
            + "\"heartbeatInterval\":300}"
        : "{}";
  }

  /** SOAP request element to the OCPP-J CALL payload. */
  @Benchmark
  public ChargerRequest soapToJson() {
    return translator.fromChargerRequest(request);
  }

  /** OCPP-J CALLRESULT payload to the SOAP response element. */
  @Benchmark
  public Element jsonToSoap() {
    return translator.toChargerResponse(OcppVersion.V1_5, operation, answerJson);
  }
}
