package io.ocppbridge.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one place that states a configuration key: put on a component of a configuration record,
 * it gives the key's default, its one-line meaning and its bounds. The key's name is the
 * component's (or its {@code @JsonProperty}), under the section the record is bound to; its
 * environment variable follows from that name ({@link ConfigKey#envName()}).
 * {@code docs/configuration.md} is generated from these annotations.
 *
 * <p>On a component that is {@code @JsonUnwrapped} (a group of keys written flat in its section,
 * such as {@link KeyMaterial}), only {@link #doc()} is read: it introduces the group's keys.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
public @interface Key {

  /** Marks "no default": the key is absent (null) unless set, or required by its record. */
  String NONE = "\u0000none";

  /** What the key means, in one line (a sentence without the key's name). */
  String doc();

  /**
   * The default as it would be written in the YAML file ({@code 30s}, {@code 8080}, a list as
   * comma-separated items, {@code ""} for an empty list), or {@link #NONE}.
   */
  String defaultValue() default NONE;

  /** The smallest value a number may have. */
  double min() default Double.NEGATIVE_INFINITY;

  /** The largest value a number may have. */
  double max() default Double.POSITIVE_INFINITY;

  /** For a duration: 0 is allowed and turns the feature off (other durations must be positive). */
  boolean zeroMeansOff() default false;

  /** Whether the value is a secret: masked wherever the configuration is shown. */
  boolean secret() default false;

  /** Where the value may come from besides the key itself. */
  Sources sources() default Sources.VALUE;

  /** Where a key's value may come from. */
  enum Sources {
    /** The key's own value only. */
    VALUE,
    /**
     * The value ({@code password}), or the name of an environment variable holding it
     * ({@code passwordEnv}), or a file holding it ({@code passwordFile}; one trailing line break
     * dropped); at most one of the three.
     */
    VALUE_ENV_OR_FILE,
    /** The value ({@code token}), or the first line of a file ({@code tokenFile}), trimmed. */
    VALUE_OR_FIRST_LINE_OF_FILE
  }
}
