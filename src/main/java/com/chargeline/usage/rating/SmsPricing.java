package com.chargeline.usage.rating;

/**
 * Segments and prices of text messages. A GSM-7 message of up to 160 characters is one segment,
 * longer ones are split into 153-character segments (7 go to the concatenation header); UCS-2
 * (any character outside GSM-7) fits 70 in one segment and 67 per segment when split. An MMS is
 * one message whatever its size. Each segment costs the deck's per-segment rate; the charge
 * rounds once, half-up, to the deck's precision.
 */
public final class SmsPricing {
    private SmsPricing() {
    }

    public static int segments(int textLength, String encoding) {
        if (textLength < 0) {
            throw new IllegalArgumentException("text length cannot be negative");
        }
        boolean ucs2 = "ucs2".equalsIgnoreCase(encoding) || "ucs-2".equalsIgnoreCase(encoding);
        int single = ucs2 ? 70 : 160;
        int part = ucs2 ? 67 : 153;
        return textLength <= single ? 1 : (textLength + part - 1) / part;
    }

    /** units × segments, in units of 10^-8, rounded half-up to {@code scale}; unscaled. */
    public static long charge(long unitsPerSegment, int segments, int scale) {
        return Pricing.charge(0, unitsPerSegment * 60, segments, scale);
    }
}
