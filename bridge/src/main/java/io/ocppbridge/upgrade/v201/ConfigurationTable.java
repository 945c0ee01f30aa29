package io.ocppbridge.upgrade.v201;

import io.ocppbridge.upgrade.BridgeOwnedKeys;
import java.util.List;
import java.util.Locale;

/**
 * The OCPP 2.0.1 device model of a 1.x charger: which component and variable (2.0.1 part 2,
 * appendix "Standardized components and variables") each OCPP 1.6 configuration key is. A key
 * the table does not name is the variable of that name of the component
 * {@value #LEGACY_COMPONENT}, so every key of the charger can be read and set. Names are
 * compared without regard to case (2.0.1: component and variable names are case-insensitive).
 * {@code docs/upgrade-profile.md} has the same table.
 */
final class ConfigurationTable {

  /** The component whose variables are the charger's configuration keys the table lacks. */
  static final String LEGACY_COMPONENT = "OCPP1xConfiguration";
  /** The 2.0.1 variable for HTTP basic authentication, owned by the bridge. */
  static final String BASIC_AUTH_PASSWORD = "BasicAuthPassword";

  /** One row: a 2.0.1 component and variable (with an instance, or null) and its 1.6 key. */
  record Row(String component, String variable, String instance, String key) {}

  static final List<Row> ROWS = List.of(
      new Row("OCPPCommCtrlr", "HeartbeatInterval", null, "HeartbeatInterval"),
      new Row("OCPPCommCtrlr", "WebSocketPingInterval", null, BridgeOwnedKeys.PING_INTERVAL),
      new Row("OCPPCommCtrlr", "ResetRetries", null, "ResetRetries"),
      new Row("OCPPCommCtrlr", "MessageAttempts", "TransactionEvent",
          "TransactionMessageAttempts"),
      new Row("OCPPCommCtrlr", "MessageAttemptInterval", "TransactionEvent",
          "TransactionMessageRetryInterval"),
      new Row("SampledDataCtrlr", "TxUpdatedInterval", null, "MeterValueSampleInterval"),
      new Row("SampledDataCtrlr", "TxUpdatedMeasurands", null, "MeterValuesSampledData"),
      new Row("SampledDataCtrlr", "TxEndedMeasurands", null, "StopTxnSampledData"),
      new Row("AlignedDataCtrlr", "Interval", null, "ClockAlignedDataInterval"),
      new Row("AlignedDataCtrlr", "Measurands", null, "MeterValuesAlignedData"),
      new Row("AlignedDataCtrlr", "TxEndedMeasurands", null, "StopTxnAlignedData"),
      new Row("TxCtrlr", "EVConnectionTimeOut", null, "ConnectionTimeOut"),
      new Row("TxCtrlr", "StopTxOnEVSideDisconnect", null, "StopTransactionOnEVSideDisconnect"),
      new Row("TxCtrlr", "StopTxOnInvalidId", null, "StopTransactionOnInvalidId"),
      new Row("TxCtrlr", "MaxEnergyOnInvalidId", null, "MaxEnergyOnInvalidId"),
      new Row("AuthCtrlr", "LocalAuthorizeOffline", null, "LocalAuthorizeOffline"),
      new Row("AuthCtrlr", "LocalPreAuthorize", null, "LocalPreAuthorize"),
      new Row("AuthCtrlr", "AuthorizeRemoteStart", null, "AuthorizeRemoteTxRequests"),
      new Row("AuthCacheCtrlr", "Enabled", null, "AuthorizationCacheEnabled"),
      new Row("LocalAuthListCtrlr", "Enabled", null, "LocalAuthListEnabled"),
      new Row("LocalAuthListCtrlr", "ItemsPerMessage", null, "SendLocalListMaxLength"),
      new Row("ReservationCtrlr", "NonEvseSpecific", null, "ReserveConnectorZeroSupported"),
      new Row("SmartChargingCtrlr", "ProfileStackLevel", null, "ChargeProfileMaxStackLevel"),
      new Row("SmartChargingCtrlr", "RateUnit", null, "ChargingScheduleAllowedChargingRateUnit"),
      new Row("SmartChargingCtrlr", "PeriodsPerSchedule", null, "ChargingScheduleMaxPeriods"),
      new Row("DeviceDataCtrlr", "ItemsPerMessage", "GetVariables", "GetConfigurationMaxKeys"),
      new Row("SecurityCtrlr", BASIC_AUTH_PASSWORD, null, BridgeOwnedKeys.AUTHORIZATION_KEY));

  /** What a component and variable of a GetVariables/SetVariables are for this charger. */
  sealed interface Lookup {
    /** The 1.6 configuration key. */
    record Key(String key) implements Lookup {}

    /** No such component on a 1.x charger. */
    record UnknownComponent() implements Lookup {}

    /** The component exists, the variable not. */
    record UnknownVariable() implements Lookup {}
  }

  private ConfigurationTable() {}

  /**
   * The key of a component's variable. A component of one EVSE, or with an instance, is none of
   * the charger's: 1.x keys are of the whole charger.
   */
  static Lookup lookup(String component, boolean ofEvseOrInstance, String variable,
      String variableInstance) {
    if (ofEvseOrInstance) {
      return new Lookup.UnknownComponent();
    }
    if (same(component, LEGACY_COMPONENT)) {
      return variableInstance == null ? new Lookup.Key(variable) : new Lookup.UnknownVariable();
    }
    boolean known = false;
    for (Row row : ROWS) {
      if (same(row.component(), component)) {
        known = true;
        if (same(row.variable(), variable) && same(row.instance(), variableInstance)) {
          return new Lookup.Key(row.key());
        }
      }
    }
    return known ? new Lookup.UnknownVariable() : new Lookup.UnknownComponent();
  }

  /** The row of a 1.6 key; a key the table lacks is a variable of {@link #LEGACY_COMPONENT}. */
  static Row rowOf(String key) {
    for (Row row : ROWS) {
      if (row.key().equals(key)) {
        return row;
      }
    }
    return new Row(LEGACY_COMPONENT, key, null, key);
  }

  private static boolean same(String a, String b) {
    return a == null ? b == null : b != null && a.toLowerCase(Locale.ROOT)
        .equals(b.toLowerCase(Locale.ROOT));
  }
}
