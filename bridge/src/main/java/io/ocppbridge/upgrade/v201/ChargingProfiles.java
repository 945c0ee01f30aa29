package io.ocppbridge.upgrade.v201;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbridge.upgrade.LossCase;
import io.ocppbridge.upgrade.LossyFields;
import io.ocppbridge.upgrade.MessageContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Smart charging between OCPP 2.0.1 and 1.6 (a 1.2/1.5 charger has none: the 1.6 step answers
 * for it). A 2.0.1 profile fits 1.6 when it has one schedule and a purpose 1.6 knows
 * (ChargingStationMaxProfile is 1.6's ChargePointMaxProfile; ChargingStationExternalConstraints
 * has no 1.6 counterpart); its transactionId is the charger's integer for that transaction.
 * Sales tariffs and phaseToUse are dropped, limits rounded to 1.6's 0.1
 * ({@link LossCase#CHARGING_PROFILE_DETAIL_DROPPED}).
 */
final class ChargingProfiles {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final JsonNodeFactory EXACT = JsonNodeFactory.withExactBigDecimals(true);
  private static final Map<String, String> PURPOSES = Map.of(
      "ChargingStationMaxProfile", "ChargePointMaxProfile", "TxDefaultProfile",
      "TxDefaultProfile", "TxProfile", "TxProfile");

  private final LossyFields fields;
  private final Answers answers;

  ChargingProfiles(LossyFields fields, Answers answers) {
    this.fields = fields;
    this.answers = answers;
  }

  /** A 2.0.1 profile in 1.6 terms, or why it has none. */
  private record Conversion(ObjectNode profile, String refusal) {}

  /** The profile of a RequestStartTransaction in 1.6 terms, if it has them (else dropped). */
  Optional<ObjectNode> forRemoteStart(MessageContext m, JsonNode profile) {
    Conversion c = convert(m, profile, null);
    if (c.refusal() != null) {
      fields.losses().record(LossCase.CHARGING_PROFILE_DROPPED, m.charger(), m.action()
          + " chargingProfile " + profile.path("id") + " dropped: " + c.refusal());
      return Optional.empty();
    }
    return Optional.of(c.profile());
  }

  /** SetChargingProfile on EVSE N (connector N; 0 the station). */
  CsmsExchange set(MessageContext m, JsonNode in, StationState state) {
    Conversion c = convert(m, in.path("chargingProfile"), state);
    if (c.refusal() != null) {
      return CsmsExchange.local(Answers.status("Rejected", "UnsupportedRequest", c.refusal()));
    }
    ObjectNode out = JSON.objectNode().put("connectorId", in.path("evseId").intValue());
    out.set("csChargingProfiles", c.profile());
    return StationCalls.forward("SetChargingProfile", out,
        a -> answers.mapped(m, a, Map.of("NotSupported", "Rejected")));
  }

  /** ClearChargingProfile by id or by criteria. */
  CsmsExchange clear(MessageContext m, JsonNode in, StationState state) {
    ObjectNode out = JSON.objectNode();
    LossyFields.copy(in, out, "chargingProfileId", "id");
    JsonNode criteria = in.path("chargingProfileCriteria");
    LossyFields.copy(criteria, out, "evseId", "connectorId");
    if (criteria.has("chargingProfilePurpose")) {
      String purpose = PURPOSES.get(criteria.get("chargingProfilePurpose").asText());
      if (purpose == null) {
        // no such profile can be on a 1.x charger
        return CsmsExchange.local(Answers.status("Unknown"));
      }
      out.put("chargingProfilePurpose", purpose);
    }
    LossyFields.copy(criteria, out, "stackLevel");
    return StationCalls.forward("ClearChargingProfile", out,
        a -> Answers.status(a.path("status").asText()));
  }

  /**
   * GetCompositeSchedule of EVSE N. The 2.0.1 schedule needs a start and a duration: the 1.6
   * answer's scheduleStart (else the schedule's startSchedule, else the bridge's time,
   * {@link LossCase#TIMESTAMP_ASSUMED}) and the schedule's duration (else the one asked for).
   */
  CsmsExchange compositeSchedule(MessageContext m, JsonNode in, StationState state,
      java.util.function.Supplier<String> now) {
    int evse = in.path("evseId").intValue();
    ObjectNode out = JSON.objectNode().put("connectorId", evse)
        .put("duration", in.path("duration").intValue());
    LossyFields.copy(in, out, "chargingRateUnit");
    return StationCalls.forward("GetCompositeSchedule", out, a -> {
      ObjectNode reply = Answers.status(a.path("status").asText());
      JsonNode schedule = a.get("chargingSchedule");
      if (schedule == null || !reply.path("status").asText().equals("Accepted")) {
        return reply;
      }
      String start = a.hasNonNull("scheduleStart") ? a.get("scheduleStart").asText()
          : schedule.path("startSchedule").asText(null);
      if (start == null) {
        start = now.get();
        fields.losses().record(LossCase.TIMESTAMP_ASSUMED, m.charger(), m.action()
            + " schedule without a start: the bridge's time " + start + " sent");
      }
      ObjectNode composite = reply.putObject("schedule");
      ArrayNode periods = composite.putArray("chargingSchedulePeriod");
      for (JsonNode period : schedule.path("chargingSchedulePeriod")) {
        ObjectNode p = periods.addObject().put("startPeriod", period.path("startPeriod")
            .intValue());
        p.set("limit", period.path("limit"));
        LossyFields.copy(period, p, "numberPhases");
      }
      composite.put("evseId", evse).put("duration", schedule.has("duration")
          ? schedule.get("duration").intValue() : in.path("duration").intValue())
          .put("scheduleStart", start)
          .put("chargingRateUnit", schedule.path("chargingRateUnit").asText());
      return reply;
    });
  }

  private Conversion convert(MessageContext m, JsonNode in, StationState state) {
    JsonNode schedules = in.path("chargingSchedule");
    if (schedules.size() != 1) {
      return refused("an OCPP 1.6 profile has one schedule, this one " + schedules.size());
    }
    String purpose = PURPOSES.get(in.path("chargingProfilePurpose").asText());
    if (purpose == null) {
      return refused("OCPP 1.6 has no " + in.path("chargingProfilePurpose").asText());
    }
    ObjectNode out = JSON.objectNode().put("chargingProfileId", in.path("id").intValue());
    if (in.hasNonNull("transactionId")) {
      OptionalInt localId = state == null ? OptionalInt.empty()
          : state.localIdOf(in.get("transactionId").asText());
      if (localId.isEmpty()) {
        return refused("transaction " + in.get("transactionId").asText()
            + " is not one of this charger's");
      }
      out.put("transactionId", localId.getAsInt());
    }
    out.put("stackLevel", in.path("stackLevel").intValue())
        .put("chargingProfilePurpose", purpose)
        .put("chargingProfileKind", in.path("chargingProfileKind").asText());
    LossyFields.copy(in, out, "recurrencyKind");
    LossyFields.copy(in, out, "validFrom");
    LossyFields.copy(in, out, "validTo");
    List<String> lost = new ArrayList<>();
    out.set("chargingSchedule", schedule(schedules.get(0), lost));
    if (!lost.isEmpty()) {
      fields.losses().record(LossCase.CHARGING_PROFILE_DETAIL_DROPPED, m.charger(), m.action()
          + " chargingProfile " + in.path("id") + ": " + String.join(", ", lost));
    }
    return new Conversion(out, null);
  }

  private static ObjectNode schedule(JsonNode in, List<String> lost) {
    ObjectNode out = JSON.objectNode();
    LossyFields.copy(in, out, "duration");
    LossyFields.copy(in, out, "startSchedule");
    out.put("chargingRateUnit", in.path("chargingRateUnit").asText());
    ArrayNode periods = out.putArray("chargingSchedulePeriod");
    for (JsonNode period : in.path("chargingSchedulePeriod")) {
      ObjectNode p = periods.addObject().put("startPeriod", period.path("startPeriod")
          .intValue());
      p.set("limit", tenths(period.path("limit"), "limit", lost));
      LossyFields.copy(period, p, "numberPhases");
      if (period.has("phaseToUse")) {
        lost.add("phaseToUse left out");
      }
    }
    if (in.has("minChargingRate")) {
      out.set("minChargingRate", tenths(in.get("minChargingRate"), "minChargingRate", lost));
    }
    if (in.has("salesTariff")) {
      lost.add("salesTariff left out");
    }
    return out;
  }

  /** A rate in 1.6's steps of 0.1. */
  private static JsonNode tenths(JsonNode value, String name, List<String> lost) {
    BigDecimal exact = value.decimalValue();
    BigDecimal rounded = exact.setScale(1, RoundingMode.HALF_EVEN);
    if (rounded.compareTo(exact) != 0) {
      lost.add(name + " " + exact.toPlainString() + " rounded to " + rounded.toPlainString());
    }
    return EXACT.numberNode(rounded);
  }

  private static Conversion refused(String reason) {
    return new Conversion(null, reason);
  }
}
