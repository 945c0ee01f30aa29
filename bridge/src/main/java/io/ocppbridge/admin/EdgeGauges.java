package io.ocppbridge.admin;

import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * What the admin listener reads of the SOAP listener's limits ({@code soap.limits.*}) and
 * threads ({@code soap.threads}).
 *
 * @param refusals connections closed and requests refused by those limits so far, by reason
 * @param connections connections open on the SOAP port now
 * @param requests requests in the bridge's hands now (body arrived, answer not written)
 * @param saturated whether a bound is reached now: newcomers are being turned away
 * @param threads the listener's threads: alive and busy now, tasks waiting for one, the most
 */
public record EdgeGauges(Supplier<Map<String, Long>> refusals, IntSupplier connections,
    IntSupplier requests, BooleanSupplier saturated, Threads threads) {

  /**
   * The listener's threads now.
   *
   * @param live threads alive
   * @param busy threads running a task
   * @param queued tasks waiting for a thread
   * @param max the most threads the listener runs
   */
  public record Threads(IntSupplier live, IntSupplier busy, IntSupplier queued, int max) {}
}
