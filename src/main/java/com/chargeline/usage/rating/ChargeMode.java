package com.chargeline.usage.rating;

import java.util.Optional;

/**
 * Zoom's five charge modes. Each says which parts of a rate apply: the per-call (connection) fee,
 * the per-minute price, and whether the first {@code free_seconds} of a call are free
 * ("after T duration").
 */
public enum ChargeMode {
    PER_MIN("per_min", false, true, false),
    PER_CALL("per_call", true, false, false),
    PER_CALL_PER_MIN("per_call_per_min", true, true, false),
    PER_MIN_AFTER_T_DURATION("per_min_after_t_duration", false, true, true),
    PER_CALL_PER_MIN_AFTER_T_DURATION("per_call_per_min_after_t_duration", true, true, true);

    private final String wire;
    private final boolean perCallFee;
    private final boolean perMinute;
    private final boolean freeSeconds;

    ChargeMode(String wire, boolean perCallFee, boolean perMinute, boolean freeSeconds) {
        this.wire = wire;
        this.perCallFee = perCallFee;
        this.perMinute = perMinute;
        this.freeSeconds = freeSeconds;
    }

    public String wire() {
        return wire;
    }

    public boolean hasPerCallFee() {
        return perCallFee;
    }

    public boolean hasPerMinute() {
        return perMinute;
    }

    public boolean hasFreeSeconds() {
        return freeSeconds;
    }

    public static Optional<ChargeMode> parse(String value) {
        for (var mode : values()) {
            if (mode.wire.equals(value)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
