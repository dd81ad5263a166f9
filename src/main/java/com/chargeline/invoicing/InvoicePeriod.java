package com.chargeline.invoicing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * The days an invoice covers, both INCLUSIVE and in the account's time zone ({@code 2026-11-01} to
 * {@code 2026-11-30} for November), as Zoom's invoice items show their start and end dates.
 */
public record InvoicePeriod(LocalDate start, LocalDate end) {
    public InvoicePeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a period ends on or after its start: " + start + " to " + end);
        }
    }

    /** The calendar month {@code month}: its first to its last day. */
    public static InvoicePeriod month(YearMonth month) {
        return new InvoicePeriod(month.atDay(1), month.atEndOfMonth());
    }
}
