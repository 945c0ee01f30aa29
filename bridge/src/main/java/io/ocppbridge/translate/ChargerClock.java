package io.ocppbridge.translate;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * How a charger reads and writes time (OCPP 1.2/1.5 allow xs:dateTime without an offset, and
 * some chargers send only local time):
 *
 * @param zone the zone in which an offset-less timestamp from the charger is read
 *     ({@code chargers.<id>.timezone}, default UTC); the JSON side always gets an offset
 * @param localTimeToCharger send the central system's timestamps to the charger as local time in
 *     that zone without an offset ({@code chargers.<id>.localTime}, default false: they keep
 *     their offset)
 */
public record ChargerClock(ZoneId zone, boolean localTimeToCharger) {

  /** Timestamps without offset are UTC; timestamps to the charger keep their offset. */
  public static final ChargerClock UTC = new ChargerClock(ZoneOffset.UTC, false);

  /** The Jackson attribute under which the translator passes the clock to the serializers. */
  static final String ATTRIBUTE = "io.ocppbridge.translate.ChargerClock";
}
