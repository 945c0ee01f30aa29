package io.ocppbridge.schema;

import static io.ocppbridge.schema.SchemaBlocks.array;
import static io.ocppbridge.schema.SchemaBlocks.bool;
import static io.ocppbridge.schema.SchemaBlocks.dateTime;
import static io.ocppbridge.schema.SchemaBlocks.integer;
import static io.ocppbridge.schema.SchemaBlocks.number;
import static io.ocppbridge.schema.SchemaBlocks.oneOf;
import static io.ocppbridge.schema.SchemaBlocks.openObj;
import static io.ocppbridge.schema.SchemaBlocks.opt;
import static io.ocppbridge.schema.SchemaBlocks.req;
import static io.ocppbridge.schema.SchemaBlocks.str;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbridge.schema.SchemaBlocks.Property;
import java.util.ArrayList;
import java.util.List;

/**
 * The data types the OCPP 2.0.1 messages share (OCPP 2.0.1 part 2, "Datatypes" and
 * "Enumerations"), as the bridge uses them: every object may carry {@code customData} (an object
 * with a {@code vendorId}, open to further properties) and no other property than it declares.
 */
final class Ocpp201Types {

  private Ocpp201Types() {}

  /** An OCPP 2.0.1 object: {@code customData} first, then these properties, nothing else. */
  static ObjectNode obj(Property... properties) {
    List<Property> all = new ArrayList<>();
    all.add(opt("customData", openObj(req("vendorId", str(255)))));
    all.addAll(List.of(properties));
    return SchemaBlocks.obj(all.toArray(Property[]::new));
  }

  static ObjectNode statusInfo() {
    return obj(req("reasonCode", str(20)), opt("additionalInfo", str(512)));
  }

  /** A response of a status and an optional statusInfo. */
  static ObjectNode statusAnswer(String... statuses) {
    return obj(req("status", oneOf(statuses)), opt("statusInfo", statusInfo()));
  }

  static ObjectNode evse() {
    return obj(req("id", integer()), opt("connectorId", integer()));
  }

  static ObjectNode idToken() {
    return obj(
        opt("additionalInfo", array(obj(req("additionalIdToken", str(36)), req("type", str(50))),
            1)),
        req("idToken", str(36)),
        req("type", oneOf("Central", "eMAID", "ISO14443", "ISO15693", "KeyCode", "Local",
            "MacAddress", "NoAuthorization")));
  }

  static ObjectNode messageContent() {
    return obj(req("format", oneOf("ASCII", "HTML", "URI", "UTF8")), opt("language", str(8)),
        req("content", str(512)));
  }

  static ObjectNode idTokenInfo() {
    return obj(
        req("status", oneOf("Accepted", "Blocked", "ConcurrentTx", "Expired", "Invalid",
            "NoCredit", "NotAllowedTypeEVSE", "NotAtThisLocation", "NotAtThisTime", "Unknown")),
        opt("cacheExpiryDateTime", dateTime()), opt("chargingPriority", integer()),
        opt("language1", str(8)), opt("evseId", array(integer(), 1)),
        opt("groupIdToken", idToken()), opt("language2", str(8)),
        opt("personalMessage", messageContent()));
  }

  static ObjectNode ocspRequestData() {
    return obj(req("hashAlgorithm", oneOf("SHA256", "SHA384", "SHA512")),
        req("issuerNameHash", str(128)), req("issuerKeyHash", str(128)),
        req("serialNumber", str(40)), req("responderURL", str(512)));
  }

  static ObjectNode meterValue() {
    ObjectNode sampledValue = obj(req("value", number()),
        opt("context", oneOf("Interruption.Begin", "Interruption.End", "Other", "Sample.Clock",
            "Sample.Periodic", "Transaction.Begin", "Transaction.End", "Trigger")),
        opt("measurand", oneOf("Current.Export", "Current.Import", "Current.Offered",
            "Energy.Active.Export.Register", "Energy.Active.Import.Register",
            "Energy.Reactive.Export.Register", "Energy.Reactive.Import.Register",
            "Energy.Active.Export.Interval", "Energy.Active.Import.Interval", "Energy.Active.Net",
            "Energy.Reactive.Export.Interval", "Energy.Reactive.Import.Interval",
            "Energy.Reactive.Net", "Energy.Apparent.Net", "Energy.Apparent.Import",
            "Energy.Apparent.Export", "Frequency", "Power.Active.Export", "Power.Active.Import",
            "Power.Factor", "Power.Offered", "Power.Reactive.Export", "Power.Reactive.Import",
            "SoC", "Voltage")),
        opt("phase", oneOf("L1", "L2", "L3", "N", "L1-N", "L2-N", "L3-N", "L1-L2", "L2-L3",
            "L3-L1")),
        opt("location", oneOf("Body", "Cable", "EV", "Inlet", "Outlet")),
        opt("signedMeterValue", obj(req("signedMeterData", str(2500)),
            req("signingMethod", str(50)), req("encodingMethod", str(50)),
            req("publicKey", str(2500)))),
        opt("unitOfMeasure", obj(opt("unit", str(20)), opt("multiplier", integer()))));
    return obj(req("sampledValue", array(sampledValue, 1)), req("timestamp", dateTime()));
  }

  static ObjectNode component() {
    return obj(opt("evse", evse()), req("name", str(50)), opt("instance", str(50)));
  }

  static ObjectNode variable() {
    return obj(req("name", str(50)), opt("instance", str(50)));
  }

  static ObjectNode attributeType() {
    return oneOf("Actual", "Target", "MinSet", "MaxSet");
  }

  static ObjectNode chargingProfilePurpose() {
    return oneOf("ChargingStationExternalConstraints", "ChargingStationMaxProfile",
        "TxDefaultProfile", "TxProfile");
  }

  static ObjectNode chargingRateUnit() {
    return oneOf("W", "A");
  }

  static ObjectNode chargingSchedulePeriod() {
    return obj(req("startPeriod", integer()), req("limit", number()),
        opt("numberPhases", integer()), opt("phaseToUse", integer()));
  }

  static ObjectNode chargingProfile() {
    ObjectNode cost = obj(
        req("costKind", oneOf("CarbonDioxideEmission", "RelativePricePercentage",
            "RenewableGenerationPercentage")),
        req("amount", integer()), opt("amountMultiplier", integer()));
    ObjectNode salesTariffEntry = obj(
        req("relativeTimeInterval", obj(req("start", integer()), opt("duration", integer()))),
        opt("ePriceLevel", integer().put("minimum", 0)),
        opt("consumptionCost", array(obj(req("startValue", number()),
            req("cost", array(cost, 1, 3))), 1, 3)));
    ObjectNode salesTariff = obj(req("id", integer()), opt("salesTariffDescription", str(32)),
        opt("numEPriceLevels", integer()),
        req("salesTariffEntry", array(salesTariffEntry, 1, 1024)));
    ObjectNode schedule = obj(req("id", integer()), opt("startSchedule", dateTime()),
        opt("duration", integer()), req("chargingRateUnit", chargingRateUnit()),
        req("chargingSchedulePeriod", array(chargingSchedulePeriod(), 1, 1024)),
        opt("minChargingRate", number()), opt("salesTariff", salesTariff));
    return obj(req("id", integer()), req("stackLevel", integer()),
        req("chargingProfilePurpose", chargingProfilePurpose()),
        req("chargingProfileKind", oneOf("Absolute", "Recurring", "Relative")),
        opt("recurrencyKind", oneOf("Daily", "Weekly")), opt("validFrom", dateTime()),
        opt("validTo", dateTime()), req("chargingSchedule", array(schedule, 1, 3)),
        opt("transactionId", str(36)));
  }

  static ObjectNode reportData() {
    ObjectNode attribute = obj(opt("type", attributeType()), opt("value", str(2500)),
        opt("mutability", oneOf("ReadOnly", "WriteOnly", "ReadWrite")),
        opt("persistent", bool()), opt("constant", bool()));
    ObjectNode characteristics = obj(opt("unit", str(16)),
        req("dataType", oneOf("string", "decimal", "integer", "dateTime", "boolean",
            "OptionList", "SequenceList", "MemberList")),
        opt("minLimit", number()), opt("maxLimit", number()), opt("valuesList", str(1000)),
        req("supportsMonitoring", bool()));
    return obj(req("component", component()), req("variable", variable()),
        req("variableAttribute", array(attribute, 1, 4)),
        opt("variableCharacteristics", characteristics));
  }
}
