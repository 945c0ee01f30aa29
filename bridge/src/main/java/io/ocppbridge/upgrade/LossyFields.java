package io.ocppbridge.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Copies one field from a source object to a target object under the policy of its
 * {@link LossCase}, reporting every loss. A missing or null source field is not copied. Shared by
 * both upgrade profiles; the length limits given are those of the target protocol named by its
 * {@link Limits}.
 */
public final class LossyFields {

  private final LossRecorder losses;
  private final Limits limits;

  /** @param limits whose limits the lengths given to the methods are (for the texts) */
  public LossyFields(LossRecorder losses, Limits limits) {
    this.losses = losses;
    this.limits = limits;
  }

  /** Copies a field as it is. */
  public static void copy(JsonNode source, ObjectNode target, String field) {
    copy(source, target, field, field);
  }

  /** Copies a field under another name. */
  public static void copy(JsonNode source, ObjectNode target, String from, String to) {
    JsonNode value = source.get(from);
    if (value != null && !value.isNull()) {
      target.set(to, value.deepCopy());
    }
  }

  /** Free text: truncated to {@code max} code points ({@link LossCase#TEXT_TRUNCATED}). */
  public void text(MessageContext m, JsonNode source, ObjectNode target, String field, int max) {
    JsonNode value = source.get(field);
    if (value == null || value.isNull()) {
      return;
    }
    String text = value.asText();
    int length = text.codePointCount(0, text.length());
    if (length > max) {
      losses.record(LossCase.TEXT_TRUNCATED, m.charger(), m.field(field) + " of " + length
          + " characters cut to the " + max + " " + limits.target() + " allows");
      text = text.substring(0, text.offsetByCodePoints(0, max));
    }
    target.put(field, text);
  }

  /** A required identifier: refused when too long ({@link LossCase#IDENTIFIER_TOO_LONG}). */
  public void identifier(MessageContext m, JsonNode source, ObjectNode target, String field,
      int max) {
    JsonNode value = source.get(field);
    if (value == null || value.isNull()) {
      return;
    }
    String text = value.asText();
    int length = text.codePointCount(0, text.length());
    if (length > max) {
      losses.record(LossCase.IDENTIFIER_TOO_LONG, m.charger(), m.field(field) + " of " + length
          + " characters refused (" + limits.target() + " allows " + max + ")");
      throw new OcppException(OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION, m.field(field)
          + " has " + length + " characters; an " + limits.target()
          + " central system accepts at most " + max);
    }
    target.put(field, text);
  }

  /** An optional identifier: dropped when too long ({@link LossCase#IDENTIFIER_DROPPED}). */
  public void optionalIdentifier(MessageContext m, JsonNode source, ObjectNode target, String field,
      int max) {
    JsonNode value = source.get(field);
    if (value == null || value.isNull()) {
      return;
    }
    String text = value.asText();
    int length = text.codePointCount(0, text.length());
    if (length > max) {
      losses.record(LossCase.IDENTIFIER_DROPPED, m.charger(), m.field(field) + " of " + length
          + " characters left out (" + limits.target() + " allows " + max + ")");
      return;
    }
    target.put(field, text);
  }

  /**
   * A charger timestamp, written in UTC with {@code Z}. Without offset it is read as UTC
   * ({@link LossCase#TIMESTAMP_OFFSET_ASSUMED}); unreadable, it is refused
   * ({@link LossCase#TIMESTAMP_UNREADABLE}).
   */
  public void timestamp(MessageContext m, JsonNode source, ObjectNode target, String field) {
    JsonNode value = source.get(field);
    if (value == null || value.isNull()) {
      return;
    }
    target.put(field, utc(m, field, value.asText()));
  }

  public String utc(MessageContext m, String field, String text) {
    try {
      return DateTimeFormatter.ISO_INSTANT.format(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException withOffset) {
      try {
        Instant assumed = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        losses.record(LossCase.TIMESTAMP_OFFSET_ASSUMED, m.charger(), m.field(field) + " '"
            + text + "' has no offset; read as UTC");
        return DateTimeFormatter.ISO_INSTANT.format(assumed);
      } catch (DateTimeParseException local) {
        losses.record(LossCase.TIMESTAMP_UNREADABLE, m.charger(), m.field(field) + " '" + text
            + "' is not an ISO 8601 date-time");
        throw new OcppException(OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION,
            m.field(field) + " is not an ISO 8601 date-time");
      }
    }
  }

  /**
   * An identifier toward the charger: refused beyond 32 bits
   * ({@link LossCase#IDENTIFIER_OUT_OF_RANGE}).
   *
   * @param code the error for the refusal (PropertyConstraintViolation for a central-system
   *     CALL, InternalError for an answer to the charger's own request)
   */
  public void int32Identifier(MessageContext m, JsonNode source, ObjectNode target, String field,
      OcppErrorCode code) {
    JsonNode value = source.get(field);
    if (value == null || value.isNull()) {
      return;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      losses.record(LossCase.IDENTIFIER_OUT_OF_RANGE, m.charger(), m.field(field) + " "
          + value + " refused: an OCPP " + m.version().label() + " charger has 32-bit integers");
      throw new OcppException(code, m.field(field) + " " + value + " does not fit the 32-bit"
          + " integer of an OCPP " + m.version().label() + " charger");
    }
    target.put(field, value.intValue());
  }

  /**
   * A count or interval toward the charger: clamped to 32 bits
   * ({@link LossCase#INTEGER_CLAMPED}).
   */
  public void int32Clamped(MessageContext m, JsonNode source, ObjectNode target, String field) {
    JsonNode value = source.get(field);
    if (value == null || value.isNull()) {
      return;
    }
    target.put(field, clamp(m, field, value));
  }

  public int clamp(MessageContext m, String field, JsonNode value) {
    if (value.canConvertToInt() && value.isIntegralNumber()) {
      return value.intValue();
    }
    int clamped = value.bigIntegerValue().signum() < 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE;
    losses.record(LossCase.INTEGER_CLAMPED, m.charger(), m.field(field) + " " + value
        + " clamped to " + clamped + " for an OCPP " + m.version().label() + " charger");
    return clamped;
  }

  public LossRecorder losses() {
    return losses;
  }

  /** The limits of the target protocol. */
  public Limits limits() {
    return limits;
  }
}
