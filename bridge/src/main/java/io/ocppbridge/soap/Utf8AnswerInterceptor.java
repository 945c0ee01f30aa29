package io.ocppbridge.soap;

import org.apache.cxf.interceptor.StaxOutInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Every answer (and fault) is written in UTF-8, whatever the request's encoding: CXF would answer
 * a UTF-16 request in UTF-16, and an EBCDIC one in EBCDIC.
 */
final class Utf8AnswerInterceptor extends AbstractPhaseInterceptor<Message> {

  Utf8AnswerInterceptor() {
    super(Phase.PRE_STREAM);
    addBefore(StaxOutInterceptor.class.getName());
  }

  @Override
  public void handleMessage(Message message) {
    message.put(Message.ENCODING, "UTF-8");
  }
}
