package com.chargeline.accounts;

import java.util.Optional;

/** Who pays a sub account's charges: its master ({@code master}) or the sub account itself ({@code sub}, self-pay). */
public enum PayMode {
    MASTER("master"),
    SUB("sub");

    private final String wire;

    PayMode(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<PayMode> parse(String value) {
        for (var mode : values()) {
            if (mode.wire.equals(value)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
