package com.chargeline.invoicing;

import com.chargeline.common.money.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One line of an invoice. {@code amount} is rounded to the currency's minor unit (the per-line rule,
 * {@link Money#roundedToMinorUnit()}); {@code unitPrice} is kept as given (a per-minute price may have more decimals)
 * and may be null. Dates are inclusive days of the account's time zone; {@code chargeType} is
 * {@code Billed on master} for a master-paid sub account's line, else empty; {@code correctsPeriod} names the first
 * day of the period an adjustment corrects (null otherwise). {@code usage} says what a usage or adjustment line counts
 * and {@code plan} which subscription a plan or credit line charges (each null on other lines).
 */
public record InvoiceItem(int lineNo, Kind kind, String description, BigDecimal quantity, Money unitPrice, Money amount,
                          LocalDate startDate, LocalDate endDate, String chargeType, LocalDate correctsPeriod,
                          Usage usage, PlanRef plan) {
    /** What Zoom shows as {@code charge_type} for a sub account's line its master pays. */
    public static final String BILLED_ON_MASTER = "Billed on master";

    public InvoiceItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(endDate, "endDate");
        Objects.requireNonNull(chargeType, "chargeType");
    }

    /**
     * The quantity as a whole number, rounded half-up ({@code 122.5} minutes are {@code 123}, {@code -0.5} is
     * {@code -1}): Zoom's invoice items show an integer quantity, while ours may be decimal (minutes billed in
     * increments shorter than a minute).
     */
    public BigInteger wholeQuantity() {
        return quantity.setScale(0, RoundingMode.HALF_UP).toBigIntegerExact();
    }

    /**
     * What a usage line counts: calls (by direction, call type and destination country) or messages (by direction and
     * message type, {@code country} empty); {@code records} calls or messages, {@code billedSeconds} the calls' billed
     * time, {@code segments} the messages' segments.
     */
    public record Usage(UsageLine.Kind kind, String direction, String type, String country, long records,
                        long billedSeconds, long segments) {
        public Usage {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(country, "country");
        }
    }

    /** The subscription a plan or credit line charges, and its plan type (the price book's code). */
    public record PlanRef(UUID subscriptionId, String planType) {
        public PlanRef {
            Objects.requireNonNull(subscriptionId, "subscriptionId");
            Objects.requireNonNull(planType, "planType");
        }
    }

    /** A line as the invoice run hands it to {@link DraftInvoice}: the amount may still carry more decimals. */
    public record Line(Kind kind, String description, BigDecimal quantity, Money unitPrice, Money amount,
                       LocalDate startDate, LocalDate endDate, String chargeType, LocalDate correctsPeriod,
                       Usage usage, PlanRef plan) {
        public Line {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(startDate, "startDate");
            Objects.requireNonNull(endDate, "endDate");
            Objects.requireNonNull(chargeType, "chargeType");
            if (endDate.isBefore(startDate)) {
                throw new IllegalArgumentException("a line ends on or after its start: " + startDate + " to " + endDate);
            }
        }

        /** A line that counts no usage and charges no subscription (tax, a manual line). */
        public Line(Kind kind, String description, BigDecimal quantity, Money unitPrice, Money amount,
                    LocalDate startDate, LocalDate endDate, String chargeType, LocalDate correctsPeriod) {
            this(kind, description, quantity, unitPrice, amount, startDate, endDate, chargeType, correctsPeriod, null, null);
        }

        /** This line as line {@code lineNo}, its amount rounded by the per-line rule. */
        InvoiceItem numbered(int lineNo) {
            return new InvoiceItem(lineNo, kind, description, quantity, unitPrice, amount.roundedToMinorUnit(), startDate,
                    endDate, chargeType, correctsPeriod, usage, plan);
        }
    }

    /** The kind of a line; tax lines add up to the invoice's tax, all others to its subtotal. */
    public enum Kind {
        PLAN("plan"),
        USAGE("usage"),
        TAX("tax"),
        ADJUSTMENT("adjustment"),
        CREDIT("credit");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static Optional<Kind> fromWire(String text) {
            for (var k : values()) {
                if (k.wire.equals(text)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }

        static Kind stored(String text) {
            return fromWire(text).orElseThrow(() -> new IllegalStateException("stored invoice item kind is not valid: " + text));
        }
    }
}
