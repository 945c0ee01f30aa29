package io.ocppbridge.sim;

import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppVersion;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The answers of a charge point that accepts everything, for every ChargePointService operation
 * of OCPP 1.2, 1.5 and 1.6, as the children of the {@code <action>Response} element (names, order
 * and enumerations as in {@code wsdl/ocpp1.x/ChargePointService.wsdl}; the 1.2 operations are a
 * subset of 1.5's with the same response shapes, 1.6 adds four and answers UnlockConnector with
 * {@code Unlocked}). Anything else is answered with a {@code NotImplemented} fault.
 *
 * <p>Each charge point (by {@code chargeBoxIdentity}) keeps its configuration and local-list
 * version ({@link SimulatedChargePointMemory}): GetConfiguration answers the keys asked for (all
 * when none is named, unknown ones as {@code unknownKey}), ChangeConfiguration changes them,
 * GetLocalListVersion answers what SendLocalList last set.
 */
public final class SensibleChargePointAnswers
    implements Function<ReceivedSoapCall, ChargePointReply> {

  private static final String ACCEPTED = "<status>Accepted</status>";

  /** Response children by operation; an empty string is an empty response element. */
  private static final Map<OcppAction, String> CHILDREN = new EnumMap<>(Map.ofEntries(
      Map.entry(OcppAction.CANCEL_RESERVATION, ACCEPTED),
      Map.entry(OcppAction.CHANGE_AVAILABILITY, ACCEPTED),
      Map.entry(OcppAction.CLEAR_CACHE, ACCEPTED),
      Map.entry(OcppAction.DATA_TRANSFER_FROM_CS, ACCEPTED),
      Map.entry(OcppAction.GET_DIAGNOSTICS, "<fileName>diagnostics.log</fileName>"),
      Map.entry(OcppAction.REMOTE_START_TRANSACTION, ACCEPTED),
      Map.entry(OcppAction.REMOTE_STOP_TRANSACTION, ACCEPTED),
      Map.entry(OcppAction.RESERVE_NOW, ACCEPTED),
      Map.entry(OcppAction.RESET, ACCEPTED),
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

  /** Charge points remembered at most; the least recently heard of is forgotten beyond. */
  static final int MAX_CHARGE_POINTS = 10_000;

  private final Map<String, SimulatedChargePointMemory> memories =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SimulatedChargePointMemory> e) {
          return size() > MAX_CHARGE_POINTS;
        }
      };

  @Override
  public ChargePointReply apply(ReceivedSoapCall call) {
    String children = call.action() == null ? null : stateful(call);
    if (children == null && call.action() != null) {
      children = CHILDREN.get(call.action());
    }
    if (children == null || call.version() == null) {
      return ChargePointReply.fault(OcppErrorCode.NOT_IMPLEMENTED,
          "the simulated charge point does not know " + call.bodyElement());
    }
    if (call.version() == OcppVersion.V1_6 && call.action() == OcppAction.UNLOCK_CONNECTOR) {
      children = UNLOCKED_16;
    }
    return ChargePointReply.response(call, children);
  }

  /** The answer of an operation that reads or changes the charge point's memory, else null. */
  private String stateful(ReceivedSoapCall call) {
    return switch (call.action()) {
      case GET_CONFIGURATION -> configuration(memory(call),
          PayloadXml.parse(call.payloadXml()).values("key"));
      case CHANGE_CONFIGURATION -> {
        PayloadXml request = PayloadXml.parse(call.payloadXml());
        yield "<status>" + memory(call).change(request.value("key").orElse(""),
            request.value("value").orElse("")).wireName + "</status>";
      }
      case SEND_LOCAL_LIST -> {
        PayloadXml request = PayloadXml.parse(call.payloadXml());
        request.intValue("listVersion").ifPresent(memory(call)::localListVersion);
        yield ACCEPTED;
      }
      case GET_LOCAL_LIST_VERSION ->
          "<listVersion>" + memory(call).localListVersion() + "</listVersion>";
      default -> null;
    };
  }

  private static String configuration(SimulatedChargePointMemory memory, List<String> asked) {
    StringBuilder known = new StringBuilder();
    StringBuilder unknown = new StringBuilder();
    List<SimulatedChargePointMemory.Key> keys = asked.isEmpty() ? memory.all()
        : asked.stream().map(name -> memory.key(name).orElse(null)).toList();
    for (int i = 0; i < keys.size(); i++) {
      SimulatedChargePointMemory.Key key = keys.get(i);
      if (key == null) {
        unknown.append("<unknownKey>").append(PayloadXml.escape(asked.get(i))).append("</unknownKey>");
      } else {
        known.append("<configurationKey><key>").append(PayloadXml.escape(key.name()))
            .append("</key><readonly>").append(key.readonly()).append("</readonly><value>")
            .append(PayloadXml.escape(key.value())).append("</value></configurationKey>");
      }
    }
    return known.append(unknown).toString();
  }

  private SimulatedChargePointMemory memory(ReceivedSoapCall call) {
    String identity = call.chargeBoxIdentity() == null ? "" : call.chargeBoxIdentity();
    synchronized (memories) {
      return memories.computeIfAbsent(identity, id -> new SimulatedChargePointMemory());
    }
  }
}
