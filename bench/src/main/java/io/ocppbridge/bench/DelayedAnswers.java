package io.ocppbridge.bench;

import io.ocppbridge.sim.CsmsReply;
import io.ocppbridge.sim.ReceivedCall;
import java.time.Duration;
import java.util.function.Function;

/**
 * A slow central system: another reply function's answers, each sent after a fixed delay (the
 * simulator schedules it on its event loop; no thread waits).
 */
final class DelayedAnswers {

  private DelayedAnswers() {}

  static Function<ReceivedCall, CsmsReply> after(Duration delay,
      Function<ReceivedCall, CsmsReply> answers) {
    if (delay.isZero()) {
      return answers;
    }
    return call -> {
      CsmsReply reply = answers.apply(call);
      return reply == null ? null : new CsmsReply(reply.frameText(), delay);
    };
  }
}
