package io.ocppbridge.upgrade;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocppbridge.core.ChargerId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An upgrade profile with a recording loss recorder and an in-memory ping setting, for tests. */
final class UpgradeFixture {

  static final ObjectMapper JSON = new ObjectMapper();
  static final ChargerId CB1 = new ChargerId("CB1");

  /** One reported loss. */
  record Loss(String caseName, ChargerId charger, String detail) {}

  final List<Loss> losses = java.util.Collections.synchronizedList(new ArrayList<>());
  final Map<ChargerId, Integer> pings = new ConcurrentHashMap<>();
  final UpgradeProfile profile;
  /** What the profile saved, as the registry would keep it across a restart. */
  final MemoryProfileStates saved;

  UpgradeFixture() {
    this(UpgradeOptions.DEFAULT);
  }

  UpgradeFixture(UpgradeOptions options) {
    this(options, new MemoryProfileStates());
  }

  /** A profile on {@code saved}: two fixtures on one store are a bridge before and after a restart. */
  UpgradeFixture(UpgradeOptions options, MemoryProfileStates saved) {
    this.saved = saved;
    LossRecorder recorder = (c, id, d) -> losses.add(new Loss(c, id, d));
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
    profile = new UpgradeProfile(recorder, ping, options, saved);
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
