package io.ocppbridge.core;

import static io.ocppbridge.core.OcppVersion.V1_2;
import static io.ocppbridge.core.OcppVersion.V1_5;
import static io.ocppbridge.core.OcppVersion.V1_6;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The action catalogue: every OCPP operation the bridge knows, who initiates it and in which
 * versions it exists. It is data, consulted by both edges; no switch over actions is repeated.
 *
 * <p>The SOAP body elements follow one rule in every OCPP WSDL: {@code <action>Request} and
 * {@code <action>Response} with a lower-case first letter ({@code bootNotificationRequest}).
 */
public enum OcppAction {
  AUTHORIZE("Authorize", Initiator.CHARGE_POINT, V1_2, V1_5, V1_6),
  BOOT_NOTIFICATION("BootNotification", Initiator.CHARGE_POINT, V1_2, V1_5, V1_6),
  DATA_TRANSFER_FROM_CP("DataTransfer", Initiator.CHARGE_POINT, V1_5, V1_6),
  DIAGNOSTICS_STATUS_NOTIFICATION(
      "DiagnosticsStatusNotification", Initiator.CHARGE_POINT, V1_2, V1_5, V1_6),
  FIRMWARE_STATUS_NOTIFICATION(
      "FirmwareStatusNotification", Initiator.CHARGE_POINT, V1_2, V1_5, V1_6),
  HEARTBEAT("Heartbeat", Initiator.CHARGE_POINT, V1_2, V1_5, V1_6),
  METER_VALUES("MeterValues", Initiator.CHARGE_POINT, V1_2, V1_5, V1_6),
  START_TRANSACTION("StartTransaction", Initiator.CHARGE_POINT, V1_2, V1_5, V1_6),
  STATUS_NOTIFICATION("StatusNotification", Initiator.CHARGE_POINT, V1_2, V1_5, V1_6),
  STOP_TRANSACTION("StopTransaction", Initiator.CHARGE_POINT, V1_2, V1_5, V1_6),

  CANCEL_RESERVATION("CancelReservation", Initiator.CENTRAL_SYSTEM, V1_5, V1_6),
  CHANGE_AVAILABILITY("ChangeAvailability", Initiator.CENTRAL_SYSTEM, V1_2, V1_5, V1_6),
  CHANGE_CONFIGURATION("ChangeConfiguration", Initiator.CENTRAL_SYSTEM, V1_2, V1_5, V1_6),
  CLEAR_CACHE("ClearCache", Initiator.CENTRAL_SYSTEM, V1_2, V1_5, V1_6),
  DATA_TRANSFER_FROM_CS("DataTransfer", Initiator.CENTRAL_SYSTEM, V1_5, V1_6),
  GET_CONFIGURATION("GetConfiguration", Initiator.CENTRAL_SYSTEM, V1_5, V1_6),
  GET_DIAGNOSTICS("GetDiagnostics", Initiator.CENTRAL_SYSTEM, V1_2, V1_5, V1_6),
  GET_LOCAL_LIST_VERSION("GetLocalListVersion", Initiator.CENTRAL_SYSTEM, V1_5, V1_6),
  REMOTE_START_TRANSACTION("RemoteStartTransaction", Initiator.CENTRAL_SYSTEM, V1_2, V1_5, V1_6),
  REMOTE_STOP_TRANSACTION("RemoteStopTransaction", Initiator.CENTRAL_SYSTEM, V1_2, V1_5, V1_6),
  RESERVE_NOW("ReserveNow", Initiator.CENTRAL_SYSTEM, V1_5, V1_6),
  RESET("Reset", Initiator.CENTRAL_SYSTEM, V1_2, V1_5, V1_6),
  SEND_LOCAL_LIST("SendLocalList", Initiator.CENTRAL_SYSTEM, V1_5, V1_6),
  UNLOCK_CONNECTOR("UnlockConnector", Initiator.CENTRAL_SYSTEM, V1_2, V1_5, V1_6),
  UPDATE_FIRMWARE("UpdateFirmware", Initiator.CENTRAL_SYSTEM, V1_2, V1_5, V1_6),
  CLEAR_CHARGING_PROFILE("ClearChargingProfile", Initiator.CENTRAL_SYSTEM, V1_6),
  GET_COMPOSITE_SCHEDULE("GetCompositeSchedule", Initiator.CENTRAL_SYSTEM, V1_6),
  SET_CHARGING_PROFILE("SetChargingProfile", Initiator.CENTRAL_SYSTEM, V1_6),
  TRIGGER_MESSAGE("TriggerMessage", Initiator.CENTRAL_SYSTEM, V1_6);

  /** Every action, read on every message: {@code values()} would copy the array each time. */
  private static final OcppAction[] ALL = values();

  private final String wireName;
  private final Initiator initiator;
  private final Set<OcppVersion> versions;
  // the names below are asked for several times per relayed message: built once
  private final String requestElement;
  private final String responseElement;
  private final String soapAction;
  private final String soapResponseAction;

  OcppAction(String wireName, Initiator initiator, OcppVersion first, OcppVersion... more) {
    this.wireName = wireName;
    this.initiator = initiator;
    this.versions = EnumSet.of(first, more);
    this.requestElement = lowerFirst(wireName) + "Request";
    this.responseElement = lowerFirst(wireName) + "Response";
    this.soapAction = "/" + wireName;
    this.soapResponseAction = "/" + wireName + "Response";
  }

  /** The action as written in an OCPP-J CALL, e.g. {@code BootNotification}. */
  public String wireName() {
    return wireName;
  }

  public Initiator initiator() {
    return initiator;
  }

  public boolean existsIn(OcppVersion version) {
    return versions.contains(version);
  }

  /** Local name of the SOAP request body element, e.g. {@code bootNotificationRequest}. */
  public String requestElement() {
    return requestElement;
  }

  /** Local name of the SOAP response body element, e.g. {@code bootNotificationResponse}. */
  public String responseElement() {
    return responseElement;
  }

  /** The WS-Addressing action of the request, {@code /BootNotification}. */
  public String soapAction() {
    return soapAction;
  }

  /** The WS-Addressing action of the response, {@code /BootNotificationResponse}. */
  public String soapResponseAction() {
    return soapResponseAction;
  }

  /** The action whose SOAP request element has this local name in this version and service. */
  public static Optional<OcppAction> ofRequestElement(
      String localName, OcppVersion version, Initiator initiator) {
    for (OcppAction a : ALL) {
      if (a.initiator == initiator && a.existsIn(version) && a.requestElement().equals(localName)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** The action with this OCPP-J name, initiated by this side, in this version. */
  public static Optional<OcppAction> of(String wireName, OcppVersion version, Initiator initiator) {
    for (OcppAction a : ALL) {
      if (a.initiator == initiator && a.existsIn(version) && a.wireName.equals(wireName)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** Every action of one side in one version, in catalogue order. */
  public static List<OcppAction> all(OcppVersion version, Initiator initiator) {
    return java.util.Arrays.stream(ALL)
        .filter(a -> a.initiator == initiator && a.existsIn(version))
        .toList();
  }

  private static String lowerFirst(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
