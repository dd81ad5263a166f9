package com.chargeline.usage.rating;

/**
 * Segments of text messages. A GSM-7 message of up to 160 characters is one segment,
 * longer ones are split into 153-character segments (7 go to the concatenation header); UCS-2
 * (any character outside GSM-7) fits 70 in one segment and 67 per segment when split. An MMS is
 * one message whatever its size. {@link SmsRating} prices the segments.
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
}
