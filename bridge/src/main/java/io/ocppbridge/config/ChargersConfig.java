package io.ocppbridge.config;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.ocppbridge.core.CsmsProtocol;
import io.ocppbridge.core.JsonDialect;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings for chargers, global and per charger ({@code chargers.*}, {@code
 * chargers.<identity>.*}).
 *
 * @param callTimeout how long the bridge waits for a charger's answer to a central-system call
 * @param byIdentity per-charger settings; an identity listed with no settings at all is
 *     configured with every default
 * @param allowUnknown whether chargers without an entry here are served; when false, any other
 *     identity gets a SecurityError fault and nothing reaches the central system
 * @param checkTranslationEvery after the first ones of each action and direction, one in how
 *     many of the bridge's own translations is validated again
 *     ({@code translate.OwnTranslationCheck})
 */
public record ChargersConfig(
    @Key(defaultValue = "30s",
        doc = "How long the bridge waits for a charger's answer before the central system gets"
            + " a CALLERROR.")
    Duration callTimeout,
    @JsonAnySetter
    Map<String, ChargerSettings> byIdentity,
    @Key(defaultValue = "true",
        doc = "Whether identities not configured under chargers are served; when false, any"
            + " other gets a SecurityError fault and nothing reaches the central system.")
    boolean allowUnknown,
    @Key(defaultValue = "100", min = 1, max = 1_000_000,
        doc = "Every message received is validated against its sender's schema before it is"
            + " translated; the bridge's own translation is validated again against the"
            + " receiver's schema for the first 100 messages of each action and direction, then"
            + " for one in this many (1: every message). A violation there is a bridge defect:"
            + " logged as an ERROR and answered InternalError.")
    int checkTranslationEvery) {

  public ChargersConfig {
    byIdentity = byIdentity == null ? Map.of() : Map.copyOf(byIdentity);
  }

  /** With every translation validated again ({@code checkTranslationEvery} 1). */
  public ChargersConfig(Duration callTimeout, Map<String, ChargerSettings> byIdentity,
      boolean allowUnknown) {
    this(callTimeout, byIdentity, allowUnknown, 1);
  }

  /**
   * One charger's settings; each may be absent (null, or an empty list).
   *
   * @param callbackUrl its SOAP server when it names no usable {@code wsa:From}
   * @param timezone the zone of its offset-less timestamps (absent: UTC)
   * @param localTime true to send it the central system's timestamps as local time without offset
   * @param lenient true for {@code validation: lenient}: values longer than the XSD allows are
   *     passed on (logged and counted) instead of refused
   * @param securityProfile its OCPP security profile toward the central system (absent:
   *     {@code csms.securityProfile})
   * @param csmsPassword its basic-auth password toward the central system (absent:
   *     {@code csms.password})
   * @param soapPassword the basic-auth password it must send with its own SOAP requests
   *     (absent: none required)
   * @param allowedNetworks the networks its requests may come from (empty: any)
   * @param clientKey its own client certificate for security profile 3 (absent: the global
   *     {@code csms.keystore} or {@code csms.certificate})
   * @param protocol how it is presented to the central system (absent: {@code csms.protocol})
   * @param answerStyle how answers to it are addressed (absent: {@link AnswerStyle#AUTO})
   * @param jsonDialect the JSON names of its {@code ocpp1.5} messages (absent:
   *     {@code csms.jsonDialect})
   */
  public record ChargerSettings(
      @Key(doc = "Its SOAP server, used when it names no usable wsa:From (missing, anonymous,"
          + " malformed).")
      URI callbackUrl,
      @Key(doc = "Zone of its timestamps written without offset (unset: UTC).")
      ZoneId timezone,
      @Key(defaultValue = "false",
          doc = "Whether the central system's timestamps reach it as local time without offset.")
      boolean localTime,
      @JsonProperty("validation")
      @JsonDeserialize(using = ConfigValues.Validation.class)
      @Key(defaultValue = "strict",
          doc = "Either strict, or lenient: values longer than the XSD allows are passed on"
              + " (logged, counted) instead of refused.")
      boolean lenient,
      @Key(min = 0, max = 3, doc = "Its security profile (unset: csms.securityProfile).")
      Integer securityProfile,
      @JsonProperty("password")
      @Key(sources = Key.Sources.VALUE_ENV_OR_FILE,
          doc = "Its basic-auth password toward the central system (unset: csms.password).")
      Secret csmsPassword,
      @Key(sources = Key.Sources.VALUE_ENV_OR_FILE,
          doc = "The basic-auth password it must send with its own SOAP requests (unset: none"
              + " required).")
      Secret soapPassword,
      @Key(defaultValue = "", doc = "Networks (CIDR) its requests may come from (empty: any).")
      List<IpNetwork> allowedNetworks,
      @Key(doc = "Its own client certificate for profile 3 (unset: csms.keystore/certificate)")
      @JsonUnwrapped
      KeyMaterial clientKey,
      @Key(doc = "How it is presented: native, ocpp1.6 or ocpp2.0.1 (unset: csms.protocol).")
      CsmsProtocol protocol,
      @Key(defaultValue = "auto",
          doc = "How answers to it are addressed: standard (WS-Addressing as specified),"
              + " echo-identity (wsa:To = its wsa:From, chargeBoxIdentity echoed; for SOAP"
              + " stacks that drop other answers), or auto (echo-identity once it sent a"
              + " charge-point-namespace or text wsa:From request).")
      AnswerStyle answerStyle,
      @Key(doc = "JSON names of its ocpp1.5 messages: xsd or ocppjs (unset: csms.jsonDialect).")
      JsonDialect jsonDialect) {

    public ChargerSettings {
      answerStyle = answerStyle == null ? AnswerStyle.AUTO : answerStyle;
      ConfigChecks.httpUrl("callbackUrl", callbackUrl);
      allowedNetworks = allowedNetworks == null ? List.of() : List.copyOf(allowedNetworks);
      clientKey = KeyMaterial.orNull(clientKey);
    }
  }

  /** How the SOAP answers (faults included) to a charger are addressed. */
  public enum AnswerStyle {
    /** As WS-Addressing and the WSDL say: {@code wsa:To} anonymous, no OCPP header. */
    STANDARD("standard"),
    /**
     * {@code wsa:To} set to the charger's own {@code wsa:From} address and its
     * {@code chargeBoxIdentity} echoed as a header, for SOAP stacks that drop other answers.
     */
    ECHO_IDENTITY("echo-identity"),
    /** Standard until the charger showed a quirk of such stacks, echo-identity from then on. */
    AUTO("auto");

    private final String configName;

    AnswerStyle(String configName) {
      this.configName = configName;
    }

    public String configName() {
      return configName;
    }
  }

  /** The answer style configured for a charger ({@link AnswerStyle#AUTO} when none is). */
  public AnswerStyle answerStyle(String identity) {
    return of(identity).map(ChargerSettings::answerStyle).orElse(AnswerStyle.AUTO);
  }

  public Optional<ChargerSettings> of(String identity) {
    return Optional.ofNullable(byIdentity.get(identity));
  }
}
