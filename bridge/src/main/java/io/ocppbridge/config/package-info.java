/**
 * The bridge's configuration: immutable records with named defaults, loaded once from a YAML file
 * and environment variables, validated at start. A bad value stops the bridge with one message
 * naming the key and the problem.
 *
 * <p>May depend on the JDK and Jackson (YAML); nothing else.
 */
package io.ocppbridge.config;
