package io.ocppbridge.config;

/** The whole configuration of one bridge process. */
public record BridgeConfig(SoapConfig soap, CsmsConfig csms, CallbackConfig callbacks,
    ChargersConfig chargers, SessionsConfig sessions, AdminConfig admin) {}
