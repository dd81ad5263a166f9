package com.chargeline.usage.rating;

import java.util.Map;

/**
 * Per-segment SMS/MMS prices of a deck version by destination country, message type and
 * direction, in units of 10^-8; country {@code *} prices every country without its own row.
 */
public record SmsRates(Map<Key, Long> unitsByKey) {
    public SmsRates {
        unitsByKey = Map.copyOf(unitsByKey);
    }

    /** What a per-segment price is kept by. */
    public record Key(String country, String messageType, String direction) {
    }

    /** Units per segment, or -1 when neither the country nor {@code *} has a row. */
    public long find(String country, String messageType, String direction) {
        var exact = unitsByKey.get(new Key(country, messageType, direction));
        if (exact != null) {
            return exact;
        }
        return unitsByKey.getOrDefault(new Key("*", messageType, direction), -1L);
    }
}
