package io.ocppbridge.bench;

/**
 * A soak scenario of issue 14: run only when named (not by {@code all}), it judges its own
 * criteria and throws {@link CriterionMissed} after reporting when one is missed, so that the
 * run exits with status 1.
 */
public interface SoakScenario extends OnlyWhenNamed {}
