package io.ocppbridge.upgrade;

/**
 * Per-backend choices of the upgrade profile.
 *
 * @param celciusInStopTransaction write the unit Celsius as {@code Celcius} in StopTransaction
 *     meter values, the spelling the official OCPP 1.6 StopTransaction schema accepts (its
 *     MeterValues schema accepts both); false for a backend that wants the specification's
 *     {@code Celsius} there too
 */
public record UpgradeOptions(boolean celciusInStopTransaction) {

  /** Frames valid against the official OCA 1.6 schemas. */
  public static final UpgradeOptions DEFAULT = new UpgradeOptions(true);
}
