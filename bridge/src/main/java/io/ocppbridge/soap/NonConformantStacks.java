package io.ocppbridge.soap;

import io.ocppbridge.core.QuirkCounter;
import io.ocppbridge.core.RefusalBook;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;

/**
 * What the SOAP edge does for chargers whose SOAP stacks bend the rules, and for operators who
 * must see every refusal: the in-flight repairs ({@link NonConformantRequestRepair}), the
 * per-charger answer style ({@link AnswerStyles}, {@link EchoIdentityInterceptor}) and the
 * record of every fault sent ({@link RefusalRecorder}). Installed on the endpoint by
 * {@link SoapServer}.
 */
public final class NonConformantStacks {

  private final QuirkCounter quirks;
  private final AnswerStyles styles;
  private final RefusalBook refusals;

  public NonConformantStacks(QuirkCounter quirks, AnswerStyles styles, RefusalBook refusals) {
    this.quirks = quirks;
    this.styles = styles;
    this.refusals = refusals;
  }

  void install(JaxWsServerFactoryBean factory) {
    factory.getInInterceptors().add(new NonConformantRequestRepair(quirks));
    EchoIdentityInterceptor echo = new EchoIdentityInterceptor(styles);
    factory.getOutInterceptors().add(echo);
    factory.getOutFaultInterceptors().add(echo);
    factory.getOutFaultInterceptors().add(new RefusalRecorder(refusals));
  }
}
