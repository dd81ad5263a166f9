package com.chargeline.common.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Today is a day of the named zone's calendar; stamps are UTC whatever the clock's zone. */
class CalendarsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneId.of("Asia/Tokyo"));

    @Test
    void today_is_the_date_in_the_given_zone() {
        assertThat(Calendars.today(CLOCK, ZoneId.of("Pacific/Kiritimati"))).isEqualTo(LocalDate.parse("2026-11-25"));
        assertThat(Calendars.today(CLOCK, ZoneId.of("America/Los_Angeles"))).isEqualTo(LocalDate.parse("2026-11-24"));
    }

    @Test
    void now_is_the_clocks_instant_in_utc() {
        var now = Calendars.nowUtc(CLOCK);
        assertThat(now.getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(now.toInstant()).isEqualTo(CLOCK.instant());
    }
}
