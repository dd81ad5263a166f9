package com.chargeline.common.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Calendar days and stamps from the injected clock. Plan dates are days of the account's calendar
 * (its time zone), so "today" always names the zone; stored stamps are UTC.
 */
public final class Calendars {
    private Calendars() {
    }

    /** The calendar date in {@code zone} at the clock's instant. */
    public static LocalDate today(Clock clock, ZoneId zone) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** The clock's instant as a UTC date-time (what a {@code timestamptz} column is written with). */
    public static OffsetDateTime nowUtc(Clock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
