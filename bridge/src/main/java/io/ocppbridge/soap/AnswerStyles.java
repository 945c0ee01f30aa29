package io.ocppbridge.soap;

import io.ocppbridge.config.ChargersConfig;
import io.ocppbridge.config.ChargersConfig.AnswerStyle;
import io.ocppbridge.core.QuirkCounter;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides per charger whether its answers are addressed the standard way or in the
 * echo-identity style ({@code chargers.<id>.answerStyle}). With {@code auto} (the default), a
 * charger is answered in echo-identity style once it showed a quirk of the SOAP stacks that
 * need it: {@link QuirkCounter#CHARGE_POINT_NAMESPACE} or {@link QuirkCounter#FROM_AS_TEXT}, in
 * the request being answered or in an earlier one.
 */
public final class AnswerStyles {

  /** The quirks that tell a stack which drops answers not addressed to it. */
  static final Set<String> TELLING =
      Set.of(QuirkCounter.CHARGE_POINT_NAMESPACE, QuirkCounter.FROM_AS_TEXT);

  private final ChargersConfig chargers;
  private final Predicate<String> showedBefore;

  /**
   * @param showedBefore whether a charger (by identity) showed one of the telling quirks in an
   *     earlier request
   */
  public AnswerStyles(ChargersConfig chargers, Predicate<String> showedBefore) {
    this.chargers = chargers;
    this.showedBefore = showedBefore;
  }

  /** True when the answer to this request is to be written in echo-identity style. */
  boolean echo(EarlyRequestFacts facts) {
    if (facts == null || facts.identity() == null || facts.identity().isEmpty()) {
      return false;
    }
    return switch (chargers.answerStyle(facts.identity())) {
      case STANDARD -> false;
      case ECHO_IDENTITY -> true;
      case AUTO -> facts.quirks().stream().anyMatch(TELLING::contains)
          || showedBefore.test(facts.identity());
    };
  }

  /**
   * The style a charger is answered in now, for the admin API: {@code standard},
   * {@code echo-identity}, or with {@code auto: } in front when it was detected.
   */
  public String describe(String identity) {
    AnswerStyle configured = chargers.answerStyle(identity);
    if (configured != AnswerStyle.AUTO) {
      return configured.configName();
    }
    return "auto: " + (showedBefore.test(identity)
        ? AnswerStyle.ECHO_IDENTITY.configName() : AnswerStyle.STANDARD.configName());
  }
}
