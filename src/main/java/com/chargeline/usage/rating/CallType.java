package com.chargeline.usage.rating;

import java.util.Optional;

/** Zoom's call types (call_charges {@code call_type}). */
public enum CallType {
    VOIP("voip"),
    LOCAL("local"),
    TOLLFREE("tollfree"),
    INTERNATIONAL("international"),
    CALL_CENTER("callCenter");

    private final String wire;

    CallType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<CallType> parse(String value) {
        for (var type : values()) {
            if (type.wire.equalsIgnoreCase(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
