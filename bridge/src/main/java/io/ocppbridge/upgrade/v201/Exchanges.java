package io.ocppbridge.upgrade.v201;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/** Small builders of {@link ChargerExchange}s, and the fingerprint of a charger's message. */
final class Exchanges {

  private Exchanges() {}

  /** Calls whose answers {@code answer} turns into the charger's; {@code failed} on failure. */
  static ChargerExchange of(List<OutgoingCall> calls, Function<List<JsonNode>, JsonNode> answer,
      Runnable failed) {
    return new ChargerExchange() {
      @Override
      public List<OutgoingCall> calls() {
        return calls;
      }

      @Override
      public JsonNode answer(List<JsonNode> results) {
        return answer.apply(results);
      }

      @Override
      public void failed() {
        failed.run();
      }
    };
  }

  /** One call whose answer {@code answer} turns into the charger's. */
  static ChargerExchange one(String action, ObjectNode payload,
      Function<JsonNode, JsonNode> answer) {
    return of(List.of(new OutgoingCall(action, payload)), r -> answer.apply(r.get(0)), () -> { });
  }

  /** One call whose answer the charger gets empty. */
  static ChargerExchange oneEmpty(String action, ObjectNode payload) {
    return one(action, payload, r -> object());
  }

  /** Nothing sent: the bridge answers the charger with {@code answer}. */
  static ChargerExchange local(ObjectNode answer) {
    return of(List.of(), r -> answer, () -> { });
  }

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /**
   * A digest of a charger's message, the same for the same message sent again: how a repeated
   * transaction message is recognised.
   */
  static String fingerprint(String action, JsonNode payload) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(action.getBytes(StandardCharsets.UTF_8));
      sha.update(payload.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
