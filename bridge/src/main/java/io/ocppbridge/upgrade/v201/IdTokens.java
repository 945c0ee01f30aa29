package io.ocppbridge.upgrade.v201;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.upgrade.LossCase;
import io.ocppbridge.upgrade.LossyFields;
import io.ocppbridge.upgrade.MessageContext;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Identifiers of people and their authorization, between OCPP 1.x and 2.0.1: an idTag is a bare
 * text, a 2.0.1 IdTokenType is a text with a type; a 1.x idTagInfo has a status, an expiry date
 * and a parent idTag, a 2.0.1 IdTokenInfoType has more statuses and more detail.
 */
final class IdTokens {

  /** The length of a 1.x idTag (1.5 and 1.6 IdToken, and the 1.6 form the profile passes by). */
  static final int ID_TAG = 20;

  private static final Set<String> STATUSES_1X =
      Set.of("Accepted", "Blocked", "Expired", "Invalid", "ConcurrentTx");
  private static final List<String> INFO_DETAIL =
      List.of("chargingPriority", "language1", "language2", "evseId", "personalMessage");
  private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]+");

  private final LossyFields fields;

  IdTokens(LossyFields fields) {
    this.fields = fields;
  }

  /**
   * The 2.0.1 idToken of a charger's idTag: its type as the central system used it, else inferred
   * from its shape ({@link LossCase#ID_TOKEN_TYPE_INFERRED}, reported the first time; the same
   * type is used for that idTag afterwards): the UID of an ISO 14443 card is 4, 7 or 10 bytes (8,
   * 14, 20 hexadecimal digits), of an ISO 15693 card 8 bytes; any other text is taken as issued
   * by the central system.
   */
  ObjectNode idToken(MessageContext m, String idTag, StationState state) {
    String type = state.typeOf(idTag).orElseGet(() -> {
      String inferred = inferredType(idTag);
      fields.losses().record(LossCase.ID_TOKEN_TYPE_INFERRED, m.charger(), m.field("idTag")
          + " sent with type " + inferred + " (the central system never named its type; the"
          + " same type is used for this idTag from now on)");
      state.learnType(idTag, inferred);
      return inferred;
    });
    return JsonNodeFactory.instance.objectNode().put("idToken", idTag).put("type", type);
  }

  static String inferredType(String idTag) {
    if (HEX.matcher(idTag).matches()) {
      int digits = idTag.length();
      if (digits == 8 || digits == 14 || digits == 20) {
        return "ISO14443";
      }
      if (digits == 16) {
        return "ISO15693";
      }
    }
    return "Central";
  }

  /**
   * The 1.x idTag of a central system's idToken, its type remembered for the way back. Longer
   * than a 1.x idTag: refused ({@link LossCase#IDENTIFIER_TOO_LONG}), a shortened one would name
   * someone else.
   */
  String idTag(MessageContext m, JsonNode idToken, String field, StationState state) {
    String text = idToken.path("idToken").asText();
    int length = text.codePointCount(0, text.length());
    if (length > ID_TAG) {
      fields.losses().record(LossCase.IDENTIFIER_TOO_LONG, m.charger(), m.field(field)
          + " of " + length + " characters refused (an OCPP 1.x charger takes " + ID_TAG + ")");
      throw new OcppException(OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION, m.field(field)
          + ".idToken has " + length + " characters; the OCPP 1.x charger takes at most "
          + ID_TAG);
    }
    state.learnType(text, idToken.path("type").asText());
    return text;
  }

  /**
   * The 1.x idTagInfo of a 2.0.1 idTokenInfo: statuses 1.x lacks become Invalid
   * ({@link LossCase#AUTHORIZATION_STATUS_NARROWED}); cacheExpiryDateTime is the expiryDate,
   * groupIdToken the parentIdTag; what 1.x has no place for is dropped
   * ({@link LossCase#ID_TOKEN_INFO_DETAIL_DROPPED}).
   */
  ObjectNode idTagInfo(MessageContext m, JsonNode info) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    String status = info.path("status").asText();
    if (!STATUSES_1X.contains(status)) {
      fields.losses().record(LossCase.AUTHORIZATION_STATUS_NARROWED, m.charger(),
          m.action() + " authorization status " + status + " sent as Invalid");
      status = "Invalid";
    }
    LossyFields.copy(info, out, "cacheExpiryDateTime", "expiryDate");
    JsonNode group = info.path("groupIdToken").path("idToken");
    if (group.isTextual()) {
      String parent = group.asText();
      if (parent.codePointCount(0, parent.length()) <= ID_TAG) {
        out.put("parentIdTag", parent);
      } else {
        fields.losses().record(LossCase.ID_TOKEN_INFO_DETAIL_DROPPED, m.charger(), m.action()
            + " groupIdToken of " + parent.length() + " characters left out (a parentIdTag has "
            + ID_TAG + ")");
      }
    }
    out.put("status", status);
    List<String> dropped = INFO_DETAIL.stream().filter(info::has).toList();
    if (!dropped.isEmpty()) {
      fields.losses().record(LossCase.ID_TOKEN_INFO_DETAIL_DROPPED, m.charger(), m.action()
          + " idTokenInfo " + String.join(", ", dropped) + " left out (OCPP 1.x has no place)");
    }
    return out;
  }
}
