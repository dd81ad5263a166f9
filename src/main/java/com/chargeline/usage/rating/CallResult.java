package com.chargeline.usage.rating;

import java.util.Locale;

/** How a call ended. Only an answered call has talk time to charge. */
public enum CallResult {
    ANSWERED, MISSED, VOICEMAIL, ABANDONED;

    private final String wire = name().toLowerCase(Locale.ROOT);

    /** As sent and stored: answered, missed, voicemail, abandoned. */
    public String wire() {
        return wire;
    }

    /** The result a wire value names, or null when it names none (the caller reports the field). */
    public static CallResult fromWire(String value) {
        if (value == null) {
            return null;
        }
        for (var r : values()) {
            if (r.wire.equals(value)) {
                return r;
            }
        }
        return null;
    }
}
