package com.chargeline.usage.rating;

import com.chargeline.common.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Prices one call with one rate: a pure function of (duration, answered, rate, allowance left).
 *
 * <ol>
 *   <li>An unanswered call costs nothing.</li>
 *   <li>"After T" modes make the first {@code free_seconds} free; the rest is chargeable.</li>
 *   <li>Per-minute modes bill the chargeable seconds in the rate's increments (30/6: 45 s bills 48 s).</li>
 *   <li>A calling-plan allowance covers billed seconds first; only the rest is charged per minute.
 *       The per-call (connection) fee is not covered by minutes.</li>
 *   <li>charge = per-call fee + per-minute price × charged seconds / 60, rounded once, half-up, to
 *       the deck's precision (45 s at 0.05/min on 30/6 → 48 s → 0.0400).</li>
 * </ol>
 * Arithmetic is on longs in units of 10^-8 and is exact; amounts too large for a long fall back to
 * BigDecimal with the same result.
 */
public final class Pricing {
    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L};

    private Pricing() {
    }

    /**
     * The outcome for one call. {@code charge} is unscaled at {@code scale} decimals; seconds are the
     * explanation a disputed invoice needs.
     */
    public record Priced(long actualSeconds, long freeSeconds, long billedSeconds, long allowanceSeconds,
                         long chargeUnscaled, int scale) {
        public long chargedSeconds() {
            return billedSeconds - allowanceSeconds;
        }

        public BigDecimal charge() {
            return BigDecimal.valueOf(chargeUnscaled, scale);
        }

        /** The charge as money of the deck's {@code currency}. */
        public Money charge(Currency currency) {
            return Money.ofUnscaled(chargeUnscaled, scale, currency);
        }
    }

    public static Priced price(Rate.Price price, long durationSeconds, boolean answered, long allowanceAvailable,
                               int scale) {
        return price(price.mode(), price.perMinuteUnits(), price.perCallUnits(), price.freeSeconds(),
                price.increments().first(), price.increments().next(), durationSeconds, answered, allowanceAvailable, scale);
    }

    /** The same from the parts of a price, for decks that keep them in flat arrays. */
    static Priced price(ChargeMode mode, long perMinuteUnits, long perCallUnits, int freeSeconds, int first, int next,
                        long durationSeconds, boolean answered, long allowanceAvailable, int scale) {
        if (scale < 0 || scale > Rate.UNIT_SCALE) {
            throw new IllegalArgumentException("deck precision must be 0.." + Rate.UNIT_SCALE + ", got " + scale);
        }
        long actual = Math.max(0, durationSeconds);
        if (!answered) {
            return new Priced(actual, 0, 0, 0, 0, scale);
        }
        long free = mode.hasFreeSeconds() ? Math.min(actual, freeSeconds) : 0;
        long billed = mode.hasPerMinute() ? Increments.bill(first, next, actual - free) : 0;
        long covered = Math.min(billed, Math.max(0, allowanceAvailable));
        long charged = billed - covered;
        long fee = mode.hasPerCallFee() ? perCallUnits : 0;
        long minuteUnits = mode.hasPerMinute() ? perMinuteUnits : 0;
        return new Priced(actual, free, billed, covered, charge(fee, minuteUnits, charged, scale), scale);
    }

    /** fee + perMinute × seconds / 60, in units of 10^-8, rounded half-up to {@code scale} decimals. */
    static long charge(long feeUnits, long perMinuteUnits, long seconds, int scale) {
        long divisor = 60L * POW10[Rate.UNIT_SCALE - scale];
        try {
            long sixtieths = Math.addExact(Math.multiplyExact(feeUnits, 60L), Math.multiplyExact(perMinuteUnits, seconds));
            return Math.addExact(sixtieths, divisor / 2) / divisor;
        } catch (ArithmeticException overflow) {
            var sixtieths = BigDecimal.valueOf(feeUnits).multiply(BigDecimal.valueOf(60))
                    .add(BigDecimal.valueOf(perMinuteUnits).multiply(BigDecimal.valueOf(seconds)));
            return sixtieths.divide(BigDecimal.valueOf(divisor), 0, RoundingMode.HALF_UP).longValueExact();
        }
    }
}
