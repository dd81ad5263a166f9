package com.chargeline.invoicing;

import com.chargeline.common.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One usage line of an invoice: calls of one direction and call type to one country, or messages of one direction
 * and type ({@code country} empty).
 * {@code count} is calls or messages; {@code billedSeconds} the calls' billed time (after increments);
 * {@code segments} the messages' segments; {@code charge} the exact sum of the records' charges (each already
 * rounded to its deck's precision) and {@code amount} that sum by the per-line rule (the currency's minor unit).
 */
public record UsageLine(Kind kind, String description, String direction, String type, String country, long count,
                        long billedSeconds, long segments, Money charge, Money amount) {
    /** What the line counts. */
    public enum Kind {
        CALLS("calls"), MESSAGES("messages");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        /** As invoice items store it ({@code invoice_item.usage_kind}). */
        public String wire() {
            return wire;
        }

        /** The kind a stored {@code usage_kind} names. */
        static Kind stored(String text) {
            for (var k : values()) {
                if (k.wire.equals(text)) {
                    return k;
                }
            }
            throw new IllegalStateException("stored usage kind is not valid: " + text);
        }
    }

    /** What the line counts, as its invoice item keeps it. */
    public InvoiceItem.Usage usage() {
        return new InvoiceItem.Usage(kind, direction, type, country, count, billedSeconds, segments);
    }

    /** The billed time in minutes, to the hundredth, half-up: what an invoice shows as the calls' quantity. */
    public BigDecimal billedMinutes() {
        return BigDecimal.valueOf(billedSeconds).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }
}
