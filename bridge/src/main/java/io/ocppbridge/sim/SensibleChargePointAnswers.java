package io.ocppbridge.sim;

import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppVersion;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The answers of a charge point that accepts everything, for every ChargePointService operation
 * of OCPP 1.2, 1.5 and 1.6, as the children of the {@code <action>Response} element (names, order
 * and enumerations as in {@code wsdl/ocpp1.x/ChargePointService.wsdl}; the 1.2 operations are a
 * subset of 1.5's with the same response shapes, 1.6 adds four and answers UnlockConnector with
 * {@code Unlocked}). Anything else is answered with a {@code NotImplemented} fault.
 */
public final class SensibleChargePointAnswers
    implements Function<ReceivedSoapCall, ChargePointReply> {

  private static final String ACCEPTED = "<status>Accepted</status>";

  /** Response children by operation; an empty string is an empty response element. */
  private static final Map<OcppAction, String> CHILDREN = new EnumMap<>(Map.ofEntries(
      Map.entry(OcppAction.CANCEL_RESERVATION, ACCEPTED),
      Map.entry(OcppAction.CHANGE_AVAILABILITY, ACCEPTED),
      Map.entry(OcppAction.CHANGE_CONFIGURATION, ACCEPTED),
      Map.entry(OcppAction.CLEAR_CACHE, ACCEPTED),
      Map.entry(OcppAction.DATA_TRANSFER_FROM_CS, ACCEPTED),
      Map.entry(OcppAction.GET_CONFIGURATION,
          "<configurationKey><key>HeartbeatInterval</key><readonly>false</readonly>"
              + "<value>300</value></configurationKey>"
              + "<configurationKey><key>MeterValueSampleInterval</key><readonly>false</readonly>"
              + "<value>60</value></configurationKey>"),
      Map.entry(OcppAction.GET_DIAGNOSTICS, "<fileName>diagnostics.log</fileName>"),
      Map.entry(OcppAction.GET_LOCAL_LIST_VERSION, "<listVersion>1</listVersion>"),
      Map.entry(OcppAction.REMOTE_START_TRANSACTION, ACCEPTED),
      Map.entry(OcppAction.REMOTE_STOP_TRANSACTION, ACCEPTED),
      Map.entry(OcppAction.RESERVE_NOW, ACCEPTED),
      Map.entry(OcppAction.RESET, ACCEPTED),
      Map.entry(OcppAction.SEND_LOCAL_LIST, ACCEPTED),
      Map.entry(OcppAction.UNLOCK_CONNECTOR, ACCEPTED),
      Map.entry(OcppAction.UPDATE_FIRMWARE, ""),
      Map.entry(OcppAction.CLEAR_CHARGING_PROFILE, ACCEPTED),
      Map.entry(OcppAction.GET_COMPOSITE_SCHEDULE, ACCEPTED + "<connectorId>1</connectorId>"
          + "<scheduleStart>2026-11-21T10:00:00Z</scheduleStart><chargingSchedule>"
          + "<duration>3600</duration><chargingRateUnit>A</chargingRateUnit>"
          + "<chargingSchedulePeriod><startPeriod>0</startPeriod><limit>16.0</limit>"
          + "</chargingSchedulePeriod></chargingSchedule>"),
      Map.entry(OcppAction.SET_CHARGING_PROFILE, ACCEPTED),
      Map.entry(OcppAction.TRIGGER_MESSAGE, ACCEPTED)));

  /** Where OCPP 1.6 answers differently: its UnlockConnector has its own statuses. */
  private static final String UNLOCKED_16 = "<status>Unlocked</status>";

  @Override
  public ChargePointReply apply(ReceivedSoapCall call) {
    String children = call.action() == null ? null : CHILDREN.get(call.action());
    if (children == null || call.version() == null) {
      return ChargePointReply.fault(OcppErrorCode.NOT_IMPLEMENTED,
          "the simulated charge point does not know " + call.bodyElement());
    }
    if (call.version() == OcppVersion.V1_6 && call.action() == OcppAction.UNLOCK_CONNECTOR) {
      children = UNLOCKED_16;
    }
    return ChargePointReply.response(call, children);
  }
}
