package com.chargeline.catalog;

import java.time.LocalDate;

/** How often a plan is invoiced, with the names the renewals API uses. */
public enum BillingCycle {
    MONTHLY("Monthly", 1), QUARTERLY("Quarterly", 3), ANNUAL("Annual", 12), TWO_YEARS("Two years", 24),
    THREE_YEARS("Three years", 36);

    private final String wire;
    private final int months;

    BillingCycle(String wire, int months) {
        this.wire = wire;
        this.months = months;
    }

    public String wire() {
        return wire;
    }

    public int months() {
        return months;
    }

    /**
     * The first invoice date after {@code today} on the plan's anniversary: {@code start} plus whole
     * cycles. Counted from the start each time, so a plan that began on January 31st is invoiced on
     * the last day of shorter months and back on the 31st after (never drifting to the 28th).
     */
    public LocalDate nextInvoiceDate(LocalDate start, LocalDate today) {
        if (start.isAfter(today)) {
            return start;
        }
        long cycles = (java.time.temporal.ChronoUnit.MONTHS.between(start, today) / months) + 1;
        var next = start.plusMonths(cycles * months);
        while (!next.isAfter(today)) {
            cycles++;
            next = start.plusMonths(cycles * months);
        }
        return next;
    }

    public static BillingCycle fromWire(String wire) {
        for (var c : values()) {
            if (c.wire.equals(wire)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown billing cycle " + wire);
    }
}
