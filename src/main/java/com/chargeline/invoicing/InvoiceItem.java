package com.chargeline.invoicing;

import com.chargeline.common.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of an invoice. {@code amount} is rounded to the currency's minor unit (the per-line rule,
 * {@link Money#roundedToMinorUnit()}); {@code unitPrice} is kept as given (a per-minute price may have more decimals)
 * and may be null. Dates are inclusive days of the account's time zone; {@code chargeType} is
 * {@code Billed on master} for a master-paid sub account's line, else empty; {@code correctsPeriod} names the first
 * day of the period an adjustment corrects (null otherwise).
 */
public record InvoiceItem(int lineNo, Kind kind, String description, BigDecimal quantity, Money unitPrice, Money amount,
                          LocalDate startDate, LocalDate endDate, String chargeType, LocalDate correctsPeriod) {
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

    /** A line as the invoice run hands it to {@link DraftInvoice}: the amount may still carry more decimals. */
    public record Line(Kind kind, String description, BigDecimal quantity, Money unitPrice, Money amount,
                       LocalDate startDate, LocalDate endDate, String chargeType, LocalDate correctsPeriod) {
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

        /** This line as line {@code lineNo}, its amount rounded by the per-line rule. */
        InvoiceItem numbered(int lineNo) {
            return new InvoiceItem(lineNo, kind, description, quantity, unitPrice, amount.roundedToMinorUnit(), startDate,
                    endDate, chargeType, correctsPeriod);
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
