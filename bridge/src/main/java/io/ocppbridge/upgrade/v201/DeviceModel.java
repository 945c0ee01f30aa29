package io.ocppbridge.upgrade.v201;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.upgrade.BridgeOwnedKeys;
import io.ocppbridge.upgrade.LossCase;
import io.ocppbridge.upgrade.LossyFields;
import io.ocppbridge.upgrade.MessageContext;
import io.ocppbridge.upgrade.v201.ConfigurationTable.Lookup;
import io.ocppbridge.upgrade.v201.ConfigurationTable.Row;
import io.ocppbridge.upgrade.v201.CsmsExchange.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The 2.0.1 device model of a 1.x charger, through {@link ConfigurationTable}: GetVariables as
 * one GetConfiguration of the keys asked for, SetVariables as one ChangeConfiguration per
 * variable, GetBaseReport as a GetConfiguration of every key, answered and then reported in
 * NotifyReport CALLs (2.0.1 B07). The bridge's own variables (the link's ping interval, the basic
 * authentication password) are answered by it, never asked of the charger. Results are per
 * variable: a charger that could not be asked makes its variables Rejected, with the reason.
 */
final class DeviceModel {

  /** ReportData entries per NotifyReport. */
  static final int REPORT_CHUNK = 20;
  /** The longest value a 1.6 ChangeConfiguration carries (CiString500). */
  static final int CONFIGURATION_VALUE = 500;

  private final LossyFields fields;
  private final BridgeOwnedKeys owned;
  private final Supplier<String> now;
  /** A base report answered and not yet sent, per charger. */
  private final Map<ChargerId, Report> reports = new ConcurrentHashMap<>();

  private record Report(int requestId, List<ObjectNode> data) {}

  DeviceModel(LossyFields fields, BridgeOwnedKeys owned, Supplier<String> now) {
    this.fields = fields;
    this.owned = owned;
    this.now = now;
  }

  // ---- GetVariables and SetVariables ------------------------------------------------------

  /** What one GetVariableData/SetVariableData names: a key, or a status given at once. */
  private sealed interface Target {
    record Key(String key) implements Target {}

    record Refused(String status) implements Target {}
  }

  CsmsExchange getVariables(MessageContext m, JsonNode in, StationState state) {
    List<JsonNode> items = list(in.path("getVariableData"));
    List<Target> targets = items.stream().map(DeviceModel::target).toList();
    Set<String> keys = new LinkedHashSet<>();
    for (Target t : targets) {
      if (t instanceof Target.Key k && !owned(k.key())) {
        keys.add(k.key());
      }
    }
    List<OutgoingCall> calls = keys.isEmpty() ? List.of() : List.of(new OutgoingCall(
        "GetConfiguration", Exchanges.object().set("key", strings(keys))));
    return new CsmsExchange() {
      @Override
      public List<OutgoingCall> chargerCalls() {
        return calls;
      }

      @Override
      public ObjectNode answer(List<Outcome> outcomes) {
        Outcome outcome = outcomes.isEmpty() ? null : outcomes.get(0);
        ObjectNode out = Exchanges.object();
        ArrayNode results = out.putArray("getVariableResult");
        for (int i = 0; i < items.size(); i++) {
          results.add(getResult(m, items.get(i), targets.get(i), outcome));
        }
        return out;
      }
    };
  }

  private ObjectNode getResult(MessageContext m, JsonNode item, Target target,
      Outcome outcome) {
    ObjectNode result = echo(item);
    if (target instanceof Target.Refused r) {
      return result.put("attributeStatus", r.status());
    }
    String key = ((Target.Key) target).key();
    if (BridgeOwnedKeys.READABLE.contains(key)) {
      return result.put("attributeStatus", "Accepted")
          .put("attributeValue", owned.value(m.charger(), key));
    }
    if (owned(key)) {
      // write-only (2.0.1 SecurityCtrlr.BasicAuthPassword): never read back
      return result.put("attributeStatus", "Rejected");
    }
    if (outcome instanceof Outcome.Failed f) {
      return failed(result, f.error());
    }
    for (JsonNode entry : ((Outcome.Answered) outcome).payload().path("configurationKey")) {
      if (entry.path("key").asText().equals(key)) {
        result.put("attributeStatus", "Accepted");
        LossyFields.copy(entry, result, "value", "attributeValue");
        return result;
      }
    }
    return result.put("attributeStatus", "UnknownVariable");
  }

  CsmsExchange setVariables(MessageContext m, JsonNode in, StationState state) {
    List<JsonNode> items = list(in.path("setVariableData"));
    List<Target> targets = new ArrayList<>();
    List<OutgoingCall> calls = new ArrayList<>();
    for (JsonNode item : items) {
      Target target = target(item);
      String value = item.path("attributeValue").asText();
      if (target instanceof Target.Key k && !owned(k.key())) {
        if (value.codePointCount(0, value.length()) > CONFIGURATION_VALUE) {
          target = new Target.Refused("Rejected");
        } else {
          calls.add(new OutgoingCall("ChangeConfiguration",
              Exchanges.object().put("key", k.key()).put("value", value)));
        }
      }
      targets.add(target);
    }
    return new CsmsExchange() {
      @Override
      public List<OutgoingCall> chargerCalls() {
        return List.copyOf(calls);
      }

      @Override
      public ObjectNode answer(List<Outcome> outcomes) {
        ObjectNode out = Exchanges.object();
        ArrayNode results = out.putArray("setVariableResult");
        int next = 0;
        for (int i = 0; i < items.size(); i++) {
          Target target = targets.get(i);
          ObjectNode result = echo(items.get(i));
          if (target instanceof Target.Refused r) {
            result.put("attributeStatus", r.status());
          } else if (owned(((Target.Key) target).key())) {
            setResult(m, result, owned.change(m.charger(), ((Target.Key) target).key(),
                items.get(i).path("attributeValue").asText()));
          } else if (outcomes.get(next) instanceof Outcome.Failed f) {
            next++;
            failed(result, f.error());
          } else {
            setResult(m, result, outcomes.get(next++).payloadOrThrow());
          }
          results.add(result);
        }
        return out;
      }
    };
  }

  /** A 1.6 ChangeConfiguration status as a SetVariableResult's. */
  private void setResult(MessageContext m, ObjectNode result, JsonNode answer) {
    String status = answer.path("status").asText();
    if (!status.equals("NotSupported")) {
      result.put("attributeStatus", status);
      return;
    }
    boolean ours = result.path("component").path("name").asText()
        .equalsIgnoreCase("SecurityCtrlr");
    String nearest = ours ? "Rejected" : "UnknownVariable";
    fields.losses().record(LossCase.STATUS_NARROWED, m.charger(), m.action() + " of "
        + result.path("variable").path("name").asText() + ": answer NotSupported sent as "
        + nearest);
    result.put("attributeStatus", nearest);
    result.set("attributeStatusInfo", Answers.statusInfo("NotSupported", ours
        ? "the bridge keeps no basic authentication password toward the central system"
        : "the OCPP 1.x charger does not support this configuration key"));
  }

  /** The key a GetVariableData/SetVariableData names, or the status it gets at once. */
  private static Target target(JsonNode item) {
    if (!item.path("attributeType").asText("Actual").equals("Actual")) {
      return new Target.Refused("NotSupportedAttributeType");
    }
    JsonNode component = item.path("component");
    JsonNode variable = item.path("variable");
    Lookup lookup = ConfigurationTable.lookup(component.path("name").asText(),
        component.has("evse") || component.has("instance"), variable.path("name").asText(),
        variable.path("instance").asText(null));
    if (lookup instanceof Lookup.Key k) {
      return new Target.Key(k.key());
    }
    return new Target.Refused(lookup instanceof Lookup.UnknownComponent ? "UnknownComponent"
        : "UnknownVariable");
  }

  private static boolean owned(String key) {
    return BridgeOwnedKeys.WRITABLE.contains(key) || BridgeOwnedKeys.READABLE.contains(key);
  }

  private static ObjectNode failed(ObjectNode result, OcppException error) {
    result.put("attributeStatus", "Rejected");
    result.set("attributeStatusInfo", Answers.statusInfo(error.code().wireName(),
        "the charger could not be asked: " + error.description()));
    return result;
  }

  // ---- the report ---------------------------------------------------------------------------

  /** A base report of every configuration key; SummaryInventory is not supported. */
  CsmsExchange getBaseReport(MessageContext m, JsonNode in, StationState state) {
    if (in.path("reportBase").asText().equals("SummaryInventory")) {
      return CsmsExchange.local(Answers.status("NotSupported", "UnsupportedRequest",
          "an OCPP 1.x charger reports no availability or problems per component"));
    }
    int requestId = in.path("requestId").intValue();
    return new CsmsExchange() {
      @Override
      public List<OutgoingCall> chargerCalls() {
        return List.of(new OutgoingCall("GetConfiguration", Exchanges.object()));
      }

      @Override
      public ObjectNode answer(List<Outcome> outcomes) {
        List<ObjectNode> data = new ArrayList<>();
        Outcome outcome = outcomes.get(0);
        if (outcome instanceof Outcome.Failed f
            && f.error().code() != OcppErrorCode.NOT_SUPPORTED) {
          throw f.error();
        }
        if (outcome instanceof Outcome.Answered a) {
          for (JsonNode entry : a.payload().path("configurationKey")) {
            String key = entry.path("key").asText();
            if (!BridgeOwnedKeys.READABLE.contains(key)) {
              data.add(reportData(ConfigurationTable.rowOf(key), entry.path("value").asText(null),
                  entry.path("readonly").asBoolean()));
            }
          }
        }
        for (String key : BridgeOwnedKeys.READABLE) {
          data.add(reportData(ConfigurationTable.rowOf(key), owned.value(m.charger(), key),
              false));
        }
        reports.put(m.charger(), new Report(requestId, data));
        return Answers.status("Accepted");
      }
    };
  }

  /** The NotifyReport CALLs of the base report just answered Accepted; none otherwise. */
  List<OutgoingCall> notifyReports(ChargerId charger, JsonNode call, JsonNode answer) {
    Report report = reports.remove(charger);
    if (report == null || report.requestId() != call.path("requestId").intValue()
        || !answer.path("status").asText().equals("Accepted")) {
      return List.of();
    }
    List<OutgoingCall> calls = new ArrayList<>();
    String generatedAt = now.get();
    int chunks = Math.max(1, (report.data().size() + REPORT_CHUNK - 1) / REPORT_CHUNK);
    for (int seqNo = 0; seqNo < chunks; seqNo++) {
      ObjectNode out = Exchanges.object().put("requestId", report.requestId())
          .put("generatedAt", generatedAt);
      List<ObjectNode> part = report.data().subList(seqNo * REPORT_CHUNK,
          Math.min(report.data().size(), (seqNo + 1) * REPORT_CHUNK));
      if (!part.isEmpty()) {
        out.putArray("reportData").addAll(part);
      }
      out.put("tbc", seqNo < chunks - 1).put("seqNo", seqNo);
      calls.add(new OutgoingCall("NotifyReport", out));
    }
    return calls;
  }

  private static ObjectNode reportData(Row row, String value, boolean readonly) {
    ObjectNode out = Exchanges.object();
    out.putObject("component").put("name", row.component());
    ObjectNode variable = out.putObject("variable").put("name", row.variable());
    if (row.instance() != null) {
      variable.put("instance", row.instance());
    }
    ObjectNode attribute = out.putArray("variableAttribute").addObject().put("type", "Actual");
    if (value != null) {
      attribute.put("value", value);
    }
    attribute.put("mutability", readonly ? "ReadOnly" : "ReadWrite");
    return out;
  }

  // ---- helpers -----------------------------------------------------------------------------

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  private static ObjectNode echo(JsonNode item) {
    ObjectNode result = Exchanges.object();
    if (item.has("attributeType")) {
      result.set("attributeType", item.get("attributeType"));
    }
    result.set("component", item.get("component"));
    result.set("variable", item.get("variable"));
    return result;
  }

  private static ArrayNode strings(Set<String> values) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    values.forEach(out::add);
    return out;
  }
}
