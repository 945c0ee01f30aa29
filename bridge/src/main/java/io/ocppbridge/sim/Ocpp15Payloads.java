package io.ocppbridge.sim;

import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.generated.ocpp15.cs.AuthorizeRequest;
import io.ocppbridge.generated.ocpp15.cs.BootNotificationRequest;
import io.ocppbridge.generated.ocpp15.cs.ChargePointErrorCode;
import io.ocppbridge.generated.ocpp15.cs.ChargePointStatus;
import io.ocppbridge.generated.ocpp15.cs.HeartbeatRequest;
import io.ocppbridge.generated.ocpp15.cs.Measurand;
import io.ocppbridge.generated.ocpp15.cs.MeterValue;
import io.ocppbridge.generated.ocpp15.cs.MeterValuesRequest;
import io.ocppbridge.generated.ocpp15.cs.ObjectFactory;
import io.ocppbridge.generated.ocpp15.cs.ReadingContext;
import io.ocppbridge.generated.ocpp15.cs.StartTransactionRequest;
import io.ocppbridge.generated.ocpp15.cs.StatusNotificationRequest;
import io.ocppbridge.generated.ocpp15.cs.StopTransactionRequest;
import io.ocppbridge.generated.ocpp15.cs.UnitOfMeasure;
import java.time.Instant;

/** OCPP 1.5 requests ({@code urn://Ocpp/Cs/2012/06/}). */
final class Ocpp15Payloads implements ChargerPayloads {

  private final ObjectFactory factory = new ObjectFactory();
  private final JaxbPayloadWriter writer = new JaxbPayloadWriter(ObjectFactory.class);

  @Override
  public OcppVersion version() {
    return OcppVersion.V1_5;
  }

  @Override
  public String bootNotification(String vendor, String model, String serialNumber) {
    BootNotificationRequest r = new BootNotificationRequest();
    r.setChargePointVendor(vendor);
    r.setChargePointModel(model);
    r.setChargePointSerialNumber(serialNumber);
    return writer.write(factory.createBootNotificationRequest(r));
  }

  @Override
  public String heartbeat() {
    return writer.write(factory.createHeartbeatRequest(new HeartbeatRequest()));
  }

  @Override
  public String statusNotification(int connectorId, String status, Instant at) {
    StatusNotificationRequest r = new StatusNotificationRequest();
    r.setConnectorId(connectorId);
    r.setStatus(statusOf(status));
    r.setErrorCode(ChargePointErrorCode.NO_ERROR);
    r.setTimestamp(writer.dateTime(at));
    return writer.write(factory.createStatusNotificationRequest(r));
  }

  @Override
  public String authorize(String idTag) {
    AuthorizeRequest r = new AuthorizeRequest();
    r.setIdTag(idTag);
    return writer.write(factory.createAuthorizeRequest(r));
  }

  @Override
  public String startTransaction(int connectorId, String idTag, int meterStartWh, Instant at) {
    StartTransactionRequest r = new StartTransactionRequest();
    r.setConnectorId(connectorId);
    r.setIdTag(idTag);
    r.setTimestamp(writer.dateTime(at));
    r.setMeterStart(meterStartWh);
    return writer.write(factory.createStartTransactionRequest(r));
  }

  @Override
  public String meterValues(int connectorId, Integer transactionId, int registerWh, Instant at) {
    MeterValue.Value energy = new MeterValue.Value();
    energy.setValue(Integer.toString(registerWh));
    energy.setContext(ReadingContext.SAMPLE_PERIODIC);
    energy.setMeasurand(Measurand.ENERGY_ACTIVE_IMPORT_REGISTER);
    energy.setUnit(UnitOfMeasure.WH);
    MeterValue sample = new MeterValue();
    sample.setTimestamp(writer.dateTime(at));
    sample.getValue().add(energy);
    MeterValuesRequest r = new MeterValuesRequest();
    r.setConnectorId(connectorId);
    r.setTransactionId(transactionId);
    r.getValues().add(sample);
    return writer.write(factory.createMeterValuesRequest(r));
  }

  @Override
  public String stopTransaction(int transactionId, String idTag, int meterStopWh, Instant at) {
    StopTransactionRequest r = new StopTransactionRequest();
    r.setTransactionId(transactionId);
    r.setIdTag(idTag);
    r.setTimestamp(writer.dateTime(at));
    r.setMeterStop(meterStopWh);
    return writer.write(factory.createStopTransactionRequest(r));
  }

  private static ChargePointStatus statusOf(String value) {
    return WireValues.of(ChargePointStatus.values(), ChargePointStatus::value, value, "status",
        OcppVersion.V1_5);
  }

}
