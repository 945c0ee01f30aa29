package io.ocppbridge.upgrade.v201;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.upgrade.BridgeOwnedKeys;
import io.ocppbridge.upgrade.Limits;
import io.ocppbridge.upgrade.LossRecorder;
import io.ocppbridge.upgrade.LossyFields;
import io.ocppbridge.upgrade.MessageContext;
import io.ocppbridge.upgrade.PingIntervalSetting;
import io.ocppbridge.upgrade.ProfileStateStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OCPP 2.0.1 profile: a charger presented to the central system as an OCPP 2.0.1 charging
 * station. It converts between OCPP 1.6 JSON and OCPP 2.0.1 JSON; a 1.6 charger's messages are
 * already 1.6, a 1.2/1.5 charger's reach 1.6 through the 1.6 profile first (the relay chains the
 * two). Each conversion is an exchange: the calls to make and how their answers become the
 * answer owed.
 *
 * <pre>
 *   charger request (1.6)    --{@link #chargerRequest}--> 2.0.1 CALL(s)  --> central system
 *   charger answer  (1.6)    <--  exchange.answer  ------ 2.0.1 CALLRESULT(s)
 *   central system 2.0.1 CALL --{@link #csmsCall}------> 1.6 call(s) to the charger, or none
 *   central system 2.0.1 CALLRESULT <-- exchange.answer -- the charger's 1.6 answer(s)
 * </pre>
 *
 * Thread-safe; one instance serves every charger, keeping per charger its {@link StationState}.
 */
public final class Ocpp201Profile {

  private interface ChargerRule {
    ChargerExchange apply(MessageContext m, JsonNode in, StationState state);
  }

  private interface CsmsRule {
    CsmsExchange apply(MessageContext m, JsonNode in, StationState state);
  }

  private final Map<String, ChargerRule> chargerRules;
  private final Map<String, CsmsRule> csmsRules;
  private final DeviceModel deviceModel;
  private final Map<ChargerId, StationState> states = new ConcurrentHashMap<>();
  private final Clock clock;
  private final ProfileStateStore store;

  /**
   * @param losses hears of every loss
   * @param ping the bridge's ping interval per charger link (OCPPCommCtrlr.WebSocketPingInterval)
   * @param store where each charger's {@link StationState} is kept across restarts (member
   *     {@value StationState#MEMBER})
   */
  public Ocpp201Profile(LossRecorder losses, PingIntervalSetting ping, Clock clock,
      ProfileStateStore store) {
    this.clock = clock;
    this.store = store;
    LossyFields fields = new LossyFields(losses, Limits.TOWARD_OCPP201);
    IdTokens tokens = new IdTokens(fields);
    TransactionMessages transactions = new TransactionMessages(fields, tokens,
        new MeterValueConversion(fields), clock);
    StationMessages station = new StationMessages(fields, tokens, transactions);
    Answers answers = new Answers(fields);
    StationCalls calls = new StationCalls(fields, tokens, answers);
    ChargingProfiles profiles = new ChargingProfiles(fields, answers);
    TransactionCalls transactionCalls = new TransactionCalls(fields, tokens, profiles);
    this.deviceModel = new DeviceModel(fields, new BridgeOwnedKeys(ping), transactions::now);
    AbsentFeatures absent = new AbsentFeatures();
    this.chargerRules = Map.of(
        "Authorize", station::authorize,
        "BootNotification", station::bootNotification,
        "DataTransfer", station::dataTransfer,
        "DiagnosticsStatusNotification", station::diagnosticsStatus,
        "FirmwareStatusNotification", station::firmwareStatus,
        "Heartbeat", station::heartbeat,
        "MeterValues", transactions::meterValues,
        "StartTransaction", transactions::start,
        "StatusNotification", station::statusNotification,
        "StopTransaction", transactions::stop);
    this.csmsRules = Map.ofEntries(
        Map.entry("CancelReservation", calls::cancelReservation),
        Map.entry("ChangeAvailability", calls::changeAvailability),
        Map.entry("ClearCache", calls::clearCache),
        Map.entry("ClearChargingProfile", profiles::clear),
        Map.entry("ClearDisplayMessage", absent::displayMessages),
        Map.entry("DataTransfer", calls::dataTransfer),
        Map.entry("GetBaseReport", deviceModel::getBaseReport),
        Map.entry("GetChargingProfiles", absent::chargingProfiles),
        Map.entry("GetDisplayMessages", absent::displayMessages),
        Map.entry("GetCompositeSchedule", (m, in, st) ->
            profiles.compositeSchedule(m, in, st, transactions::now)),
        Map.entry("GetLocalListVersion", calls::getLocalListVersion),
        Map.entry("GetLog", calls::getLog),
        Map.entry("GetTransactionStatus", transactionCalls::transactionStatus),
        Map.entry("GetVariables", deviceModel::getVariables),
        Map.entry("RequestStartTransaction", transactionCalls::requestStart),
        Map.entry("RequestStopTransaction", transactionCalls::requestStop),
        Map.entry("ReserveNow", calls::reserveNow),
        Map.entry("Reset", calls::reset),
        Map.entry("SendLocalList", calls::sendLocalList),
        Map.entry("SetChargingProfile", profiles::set),
        Map.entry("SetVariables", deviceModel::setVariables),
        Map.entry("TriggerMessage", calls::triggerMessage),
        Map.entry("UnlockConnector", calls::unlockConnector),
        Map.entry("UpdateFirmware", calls::updateFirmware));
  }

  /**
   * A charger's request (OCPP 1.6 JSON, valid against the 1.6 schema up to the lengths of
   * {@link Limits#TOWARD_OCPP201}) as the 2.0.1 CALLs that carry it.
   *
   * @param version the charger's own version (for texts)
   * @throws OcppException when the request cannot be sent faithfully (a fault for the charger)
   */
  public ChargerExchange chargerRequest(ChargerId charger, OcppVersion version, String action,
      JsonNode request) {
    ChargerRule rule = chargerRules.get(action);
    if (rule == null) {
      throw new OcppException(OcppErrorCode.NOT_IMPLEMENTED,
          action + " is not a charger-initiated operation");
    }
    return rule.apply(new MessageContext(charger, version, action), request, state(charger));
  }

  /**
   * What to do with a 2.0.1 CALL of the central system (valid against its 2.0.1 schema).
   *
   * @throws OcppException the CALLERROR to answer with at once
   */
  public CsmsExchange csmsCall(ChargerId charger, OcppVersion version, String action,
      JsonNode call) {
    CsmsRule rule = csmsRules.get(action);
    if (rule == null) {
      throw new OcppException(OcppErrorCode.NOT_SUPPORTED, action + " has no counterpart in OCPP "
          + version.label() + "; the bridge cannot perform it for this charger");
    }
    return rule.apply(new MessageContext(charger, version, action), call, state(charger));
  }

  /**
   * The CALLs the bridge sends the central system on the charger's behalf once it has answered a
   * CALL: the NotifyReport messages a GetBaseReport announced.
   */
  public List<OutgoingCall> afterAnswer(ChargerId charger, String action, JsonNode call,
      JsonNode answer) {
    return action.equals("GetBaseReport") ? deviceModel.notifyReports(charger, call, answer)
        : List.of();
  }

  /**
   * The state of one charger: on first use read from the {@link ProfileStateStore} (what it was
   * before a restart), else new; saved there after every change.
   */
  public StationState state(ChargerId charger) {
    return states.computeIfAbsent(charger, c -> {
      StationState state = store.load(c, StationState.MEMBER).map(StationState::fromJson)
          .orElseGet(() -> new StationState(clock.instant().getEpochSecond()));
      state.onChange(() -> store.save(c, StationState.MEMBER, state.toJson()));
      return state;
    });
  }

  /** Forgets a charger's state. */
  public void forget(ChargerId charger) {
    states.remove(charger);
  }
}
