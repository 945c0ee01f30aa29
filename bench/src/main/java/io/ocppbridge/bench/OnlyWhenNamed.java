package io.ocppbridge.bench;

/**
 * A scenario that {@code all} leaves out: it needs something the benchmark does not start itself
 * (a PostgreSQL server, HAProxy, wrk), runs for long, or judges its own criteria and fails the
 * run. It runs when named on the command line.
 */
public interface OnlyWhenNamed extends Scenario {}
