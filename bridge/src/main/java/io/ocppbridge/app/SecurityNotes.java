package io.ocppbridge.app;

import io.ocppbridge.config.BridgeConfig;
import io.ocppbridge.config.ChargerSecurity;
import io.ocppbridge.config.ChargersConfig;
import io.ocppbridge.config.CsmsSecurity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up log lines about security: which profile is used toward the central system, and a
 * WARN for every setting that weakens it. Never a password.
 */
final class SecurityNotes {

  private static final Logger LOG = LoggerFactory.getLogger(SecurityNotes.class);

  private SecurityNotes() {}

  static void logAtStart(BridgeConfig config) {
    CsmsSecurity csms = config.csms().security();
    ChargerSecurity effective = new ChargerSecurity(csms, config.chargers());
    LOG.info("security profile {} toward the central system{}{}", csms.profile(),
        csms.trust() == null ? "" : "; also trusting " + csms.trust().file(),
        csms.clientKey() == null ? "" : "; client certificate " + csms.clientKey().describe());
    if (csms.profile() == 1) {
      LOG.warn("csms.securityProfile is 1: chargers' passwords travel unencrypted over ws://"
          + " (allowed by csms.allowInsecureBasicAuth); use profile 2 with wss:// outside a"
          + " closed test network");
    }
    for (String id : config.chargers().byIdentity().keySet()) {
      if (effective.profile(id) == 1 && csms.profile() != 1) {
        LOG.warn("[{}] security profile 1: its password travels unencrypted over ws://", id);
      }
    }
    if ("ws".equals(config.csms().url().getScheme()) && csms.profile() == 0) {
      LOG.info("the central system is reached over plain ws:// without authentication"
          + " (security profile 0)");
    }
    ChargersConfig chargers = config.chargers();
    if (!config.soap().https()) {
      LOG.info("the SOAP listener speaks plain HTTP (set soap.keystore or soap.certificate for"
          + " HTTPS)");
    }
    if (!chargers.allowUnknown()) {
      LOG.info("only the {} configured charger(s) are served (chargers.allowUnknown: false)",
          chargers.byIdentity().size());
    }
  }
}
