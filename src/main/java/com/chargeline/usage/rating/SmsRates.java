package com.chargeline.usage.rating;

import java.util.Map;

/**
 * Per-segment SMS/MMS prices of a deck version by destination country, message type and
 * direction, in units of 10^-8; country {@code *} prices every country without its own row.
 */
public record SmsRates(Map<String, Long> unitsByKey) {
    public SmsRates {
        unitsByKey = Map.copyOf(unitsByKey);
    }

    public static String key(String country, String messageType, String direction) {
        return country + "|" + messageType + "|" + direction;
    }

    /** Units per segment, or -1 when neither the country nor {@code *} has a row. */
    public long find(String country, String messageType, String direction) {
        var exact = unitsByKey.get(key(country, messageType, direction));
        if (exact != null) {
            return exact;
        }
        return unitsByKey.getOrDefault(key("*", messageType, direction), -1L);
    }
}
