package com.chargeline.invoicing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The month an invoice bills: a calendar month in the account's time zone, as the instants [start, end), and
 * as the days of its {@link InvoicePeriod}. A month
 * of a zone that changes to or from daylight saving time has 743 or 745 hours; in a +05:30 or +05:45 zone
 * it does not start on a UTC hour. Usage is cut the same way when it is rated (the monthly totals are kept
 * by the account's month), so an invoice reads them whole and never the hourly edges.
 */
public record BillingMonth(YearMonth month, ZoneId zone) {
    public BillingMonth {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(zone, "zone");
    }

    /** The first day of the month, as the monthly totals key it. */
    public LocalDate firstDay() {
        return month.atDay(1);
    }

    /** The last day of the month (inclusive), as invoices show it. */
    public LocalDate lastDay() {
        return month.atEndOfMonth();
    }

    /** Midnight starting the month's first day in the zone (the first instant of the period). */
    public Instant start() {
        return firstDay().atStartOfDay(zone).toInstant();
    }

    /** Midnight starting the next month's first day in the zone (the first instant after the period). */
    public Instant end() {
        return month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }

    /** How long the period is: 743, 744 or 745 hours for a 31-day month around a DST change. */
    public Duration length() {
        return Duration.between(start(), end());
    }

    public int days() {
        return month.lengthOfMonth();
    }

    /** The days an invoice of this month shows: its first to its last day. */
    public InvoicePeriod period() {
        return InvoicePeriod.month(month);
    }
}
