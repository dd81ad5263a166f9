package com.chargeline.usage.rating;

import java.util.Locale;

/** Which way a call or message went, seen from the account: {@code outbound} is the account's side placing it. */
public enum CallDirection {
    INBOUND, OUTBOUND;

    private final String wire = name().toLowerCase(Locale.ROOT);

    /** As sent and stored: inbound, outbound. */
    public String wire() {
        return wire;
    }

    /** The direction a wire value names, or null when it names none (the caller reports the field). */
    public static CallDirection fromWire(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "inbound" -> INBOUND;
            case "outbound" -> OUTBOUND;
            default -> null;
        };
    }
}
