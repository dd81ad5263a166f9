package com.chargeline.usage.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RateDeckTest {
    static Rate rate(String prefix, CallType type, String perMin, LocalDate from, LocalDate to) {
        return new Rate(0, new Rate.Destination(prefix, "dest " + prefix, type),
                new Rate.Price(ChargeMode.PER_MIN, Rate.units(new BigDecimal(perMin)), 0, 0, Increments.PER_MINUTE),
                new Rate.Validity(from, to));
    }

    static Rate rate(String prefix, CallType type, String perMin) {
        return rate(prefix, type, perMin, LocalDate.of(2020, 1, 1), null);
    }

    static RateDeck deck(List<Rate> rates) {
        return RateDeck.compile(new RateDeck.Info(UUID.randomUUID(), 1, "test", Currency.getInstance("USD"), 4), rates);
    }

    private static final LocalDate DAY = LocalDate.of(2026, 11, 1);

    @Test
    void takes_the_longest_matching_prefix() {
        var d = deck(List.of(rate("44", CallType.INTERNATIONAL, "0.02"), rate("447", CallType.INTERNATIONAL, "0.15"),
                rate("4420", CallType.INTERNATIONAL, "0.01")));

        assertThat(d.find(CallType.INTERNATIONAL, "447911123456", DAY).destination().prefix()).isEqualTo("447");
        assertThat(d.find(CallType.INTERNATIONAL, "442079460958", DAY).destination().prefix()).isEqualTo("4420");
        assertThat(d.find(CallType.INTERNATIONAL, "441632960000", DAY).destination().prefix()).isEqualTo("44");
        assertThat(d.find(CallType.INTERNATIONAL, "4", DAY)).isNull();
        assertThat(d.find(CallType.INTERNATIONAL, "33123456789", DAY)).isNull();
        assertThat(d.find(CallType.LOCAL, "447911123456", DAY)).as("call types are separate").isNull();
    }

    @Test
    void takes_the_row_in_force_on_the_calls_day() {
        var d = deck(List.of(
                rate("1", CallType.LOCAL, "0.01", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 11, 1)),
                rate("1", CallType.LOCAL, "0.02", LocalDate.of(2026, 11, 1), null)));

        assertThat(d.find(CallType.LOCAL, "14155550100", LocalDate.of(2026, 10, 31)).price().perMinute())
                .isEqualByComparingTo("0.01");
        assertThat(d.find(CallType.LOCAL, "14155550100", LocalDate.of(2026, 11, 1)).price().perMinute())
                .isEqualByComparingTo("0.02");
        assertThat(d.find(CallType.LOCAL, "14155550100", LocalDate.of(2024, 12, 31))).isNull();
    }

    @Test
    void a_shorter_prefix_in_force_wins_over_a_longer_one_that_is_not() {
        var d = deck(List.of(rate("44", CallType.INTERNATIONAL, "0.02"),
                rate("447", CallType.INTERNATIONAL, "0.15", LocalDate.of(2027, 1, 1), null)));
        assertThat(d.find(CallType.INTERNATIONAL, "447911123456", DAY).destination().prefix()).isEqualTo("44");
        assertThat(d.rate(d.findIndex(CallType.INTERNATIONAL, 447911123456L, 12, (int) DAY.toEpochDay()))
                .destination().prefix()).as("the segment lookup falls back the same way").isEqualTo("44");
    }

    @Test
    void agrees_with_a_brute_force_longest_match_on_a_large_random_deck() {
        var random = new java.util.Random(7);
        var rates = new ArrayList<Rate>();
        var seen = new java.util.HashSet<String>();
        while (rates.size() < 20_000) {
            var p = Long.toString(1 + random.nextInt(9)) + Long.toString(Math.abs(random.nextLong())).substring(0, random.nextInt(7));
            if (seen.add(p)) {
                rates.add(rate(p, CallType.INTERNATIONAL, "0.01"));
            }
        }
        var d = deck(rates);
        for (int i = 0; i < 20_000; i++) {
            var number = Long.toString(1 + random.nextInt(9)) + String.format("%010d", Math.abs(random.nextLong()) % 10_000_000_000L);
            String expected = null;
            for (int len = 1; len <= number.length(); len++) {
                if (seen.contains(number.substring(0, len))) {
                    expected = number.substring(0, len);
                }
            }
            var found = d.find(CallType.INTERNATIONAL, number, DAY);
            assertThat(found == null ? null : found.destination().prefix()).as(number).isEqualTo(expected);
            int bySegments = d.findIndex(CallType.INTERNATIONAL, Long.parseLong(number), number.length(),
                    (int) DAY.toEpochDay());
            assertThat(bySegments == -1 ? null : d.rate(bySegments).destination().prefix()).as(number).isEqualTo(expected);
        }
    }
}
