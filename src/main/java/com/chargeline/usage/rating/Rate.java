package com.chargeline.usage.rating;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of a rate deck: which numbers it prices ({@link Destination}), how ({@link Price}) and
 * when ({@link Validity}). Money parts are fixed-point: units of 10^-8 of the deck's currency, so
 * pricing is exact integer arithmetic (amounts are exact decimals, never float).
 */
public record Rate(int index, Destination destination, Price price, Validity validity) {
    /** Decimals of the fixed-point unit every rate amount is kept in. */
    public static final int UNIT_SCALE = 8;

    public Rate {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(validity, "validity");
    }

    /** The numbers a rate applies to: an E.164 digit prefix (no '+') for one call type. */
    public record Destination(String prefix, String name, CallType callType) {
        public Destination {
            if (prefix == null || !prefix.matches("[0-9]{1,15}")) {
                throw new IllegalArgumentException("prefix must be 1-15 digits, got " + prefix);
            }
            Objects.requireNonNull(callType, "callType");
        }
    }

    /** The charge mode and its parameters; amounts in units of 10^-8. */
    public record Price(ChargeMode mode, long perMinuteUnits, long perCallUnits, int freeSeconds, Increments increments) {
        public Price {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(increments, "increments");
            if (perMinuteUnits < 0 || perCallUnits < 0 || freeSeconds < 0) {
                throw new IllegalArgumentException("prices and free seconds cannot be negative");
            }
            if (freeSeconds > 86_400) {
                throw new IllegalArgumentException("free seconds cannot exceed a day (86400)");
            }
        }

        public BigDecimal perMinute() {
            return BigDecimal.valueOf(perMinuteUnits, UNIT_SCALE);
        }

        public BigDecimal perCall() {
            return BigDecimal.valueOf(perCallUnits, UNIT_SCALE);
        }
    }

    /** The days a rate is in force: from {@code from} (inclusive) to {@code toExclusive} (null: open). */
    public record Validity(LocalDate from, LocalDate toExclusive) {
        public static final Validity ALWAYS = new Validity(LocalDate.of(2000, 1, 1), null);

        public Validity {
            Objects.requireNonNull(from, "from");
            if (toExclusive != null && !toExclusive.isAfter(from)) {
                throw new IllegalArgumentException("effective_to must be after effective_from");
            }
        }
    }

    /** Parses a non-negative decimal with at most 8 decimals into units of 10^-8. */
    public static long units(BigDecimal amount) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amount cannot be negative: " + amount);
        }
        return amount.setScale(UNIT_SCALE, java.math.RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }
}
