package io.ocppbridge.upgrade.v201;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.upgrade.LossRecorder;
import io.ocppbridge.upgrade.MemoryProfileStates;
import io.ocppbridge.upgrade.PingIntervalSetting;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The 2.0.1 profile with a recording loss recorder, an in-memory ping setting, a fixed clock. */
final class V201Fixture {

  static final ObjectMapper JSON = new ObjectMapper();
  static final ChargerId CB1 = new ChargerId("CB1");
  static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");

  /** One reported loss. */
  record Loss(String caseName, String detail) {}

  final List<Loss> losses = Collections.synchronizedList(new ArrayList<>());
  final Map<ChargerId, Integer> pings = new ConcurrentHashMap<>();
  final MemoryProfileStates store;
  final Ocpp201Profile profile;

  V201Fixture() {
    this(new MemoryProfileStates());
  }

  /** A fixture on the given store: a second one on the same store is the bridge restarted. */
  V201Fixture(MemoryProfileStates store) {
    this.store = store;
    LossRecorder recorder = (c, id, d) -> losses.add(new Loss(c, d));
    PingIntervalSetting ping = new PingIntervalSetting() {
      @Override
      public int pingIntervalSeconds(ChargerId charger) {
        return pings.getOrDefault(charger, 30);
      }

      @Override
      public void changePingInterval(ChargerId charger, int seconds) {
        pings.put(charger, seconds);
      }
    };
    profile = new Ocpp201Profile(recorder, ping, Clock.fixed(NOW, ZoneOffset.UTC), store);
  }

  /** A 1.6 charger's request. */
  ChargerExchange request(String action, String json) {
    return profile.chargerRequest(CB1, OcppVersion.V1_6, action, json(json));
  }

  /** A 2.0.1 call of the central system. */
  CsmsExchange call(String action, String json) {
    return profile.csmsCall(CB1, OcppVersion.V1_6, action, json(json));
  }

  /** The single CALL of an exchange. */
  static OutgoingCall only(ChargerExchange exchange) {
    if (exchange.calls().size() != 1) {
      throw new AssertionError("expected one CALL, got " + exchange.calls());
    }
    return exchange.calls().get(0);
  }

  /** The case names reported so far, in order. */
  List<String> lossCases() {
    synchronized (losses) {
      return losses.stream().map(Loss::caseName).toList();
    }
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("bad test JSON: " + text, e);
    }
  }
}
