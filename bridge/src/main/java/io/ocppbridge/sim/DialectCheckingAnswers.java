package io.ocppbridge.sim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ocppbridge.core.Initiator;
import io.ocppbridge.core.JsonDialect;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.schema.PayloadSchemas;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * A central system that holds every charger-initiated CALL of {@code ocpp1.2}, {@code ocpp1.5}
 * and {@code ocpp1.6} to the JSON schemas of one {@link JsonDialect} before answering, as a
 * central system that maps the JSON onto its own model does: SteVe (JAXB, XSD names) with
 * {@link JsonDialect#XSD}, ocppjs with {@link JsonDialect#OCPPJS}. A payload that violates them
 * is answered like SteVe answers it: a CALLERROR with the violation's code, the description
 * {@value #DESCRIPTION} and the reason in {@code errorDetails}
 * ({@code {"errorMsg": "values[0].value: is missing but it is required"}}). Every other CALL
 * goes to the answers it wraps.
 */
public final class DialectCheckingAnswers implements Function<ReceivedCall, CsmsReply> {

  /** The description of the CALLERROR for a payload the schemas refuse. */
  public static final String DESCRIPTION = "Message validation failed";

  private final PayloadSchemas schemas;
  private final Function<ReceivedCall, CsmsReply> answers;

  /** @param schemas the loaded schemas ({@link PayloadSchemas#load}), shared */
  public DialectCheckingAnswers(JsonDialect dialect, PayloadSchemas schemas,
      Function<ReceivedCall, CsmsReply> answers) {
    this.schemas = schemas.in(dialect);
    this.answers = answers;
  }

  /** The dialect whose schemas this central system holds CALLs to. */
  public JsonDialect dialect() {
    return schemas.dialect();
  }

  @Override
  public CsmsReply apply(ReceivedCall call) {
    Optional<OcppAction> action = version(call.subprotocol()).flatMap(version ->
        OcppAction.of(call.action(), version, Initiator.CHARGE_POINT));
    if (action.isPresent()) {
      try {
        schemas.check(version(call.subprotocol()).orElseThrow(), action.get(), true,
            call.payload());
      } catch (OcppException e) {
        return CsmsReply.now(call.error(e.code().wireName(), DESCRIPTION,
            JsonNodeFactory.instance.objectNode().put("errorMsg", e.description())));
      }
    }
    return answers.apply(call);
  }

  private static Optional<OcppVersion> version(String subprotocol) {
    return Arrays.stream(OcppVersion.values())
        .filter(v -> v.subprotocol().equals(subprotocol)).findFirst();
  }
}
