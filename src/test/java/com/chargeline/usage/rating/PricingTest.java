package com.chargeline.usage.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PricingTest {
    private static Rate.Price price(String mode, String perMin, String perCall, int free, int first, int next) {
        return new Rate.Price(ChargeMode.parse(mode).orElseThrow(), Rate.units(new BigDecimal(perMin)),
                Rate.units(new BigDecimal(perCall)), free, new Increments(first, next));
    }

    @ParameterizedTest(name = "{0} {1}/min +{2}/call T={3} {4}/{5}: {6}s -> billed {7}s, {8}")
    @CsvSource({
        // mode, per min, per call, free s, first, next, duration, billed s, charge
        "per_min, 0.05, 0, 0, 30, 6, 45, 48, 0.0400",
        "per_min, 0.05, 0, 0, 30, 6, 0, 0, 0.0000",
        "per_min, 0.05, 0, 0, 30, 6, 30, 30, 0.0250",
        "per_min, 0.05, 0, 0, 30, 6, 31, 36, 0.0300",
        "per_min, 0.05, 0, 0, 30, 6, 36, 36, 0.0300",
        "per_min, 0.05, 0, 0, 30, 6, 37, 42, 0.0350",
        "per_min, 0.0205, 0, 0, 60, 60, 1, 60, 0.0205",
        "per_min, 0.0205, 0, 0, 60, 60, 60, 60, 0.0205",
        "per_min, 0.0205, 0, 0, 60, 60, 61, 120, 0.0410",
        "per_min, 0.0205, 0, 0, 60, 60, 0, 0, 0.0000",
        "per_min, 0.12, 0, 0, 1, 1, 61, 61, 0.1220",
        "per_min, 0.12, 0, 0, 1, 1, 1, 1, 0.0020",
        "per_min, 0.013, 0, 0, 6, 6, 7, 12, 0.0026",
        "per_min, 0.013, 0, 0, 6, 6, 6, 6, 0.0013",
        "per_min, 0.00005, 0, 0, 1, 1, 1, 1, 0.0000",
        "per_min, 0.00015, 0, 0, 60, 60, 60, 60, 0.0002",
        "per_call, 0.05, 0.25, 0, 60, 60, 3600, 0, 0.2500",
        "per_call, 0.05, 0.25, 0, 60, 60, 0, 0, 0.2500",
        "per_call_per_min, 0.10, 0.02, 0, 60, 60, 90, 120, 0.2200",
        "per_call_per_min, 0.10, 0.02, 0, 60, 60, 0, 0, 0.0200",
        "per_min_after_t_duration, 0.06, 0, 60, 60, 60, 60, 0, 0.0000",
        "per_min_after_t_duration, 0.06, 0, 60, 60, 60, 61, 60, 0.0600",
        "per_min_after_t_duration, 0.06, 0, 60, 60, 60, 59, 0, 0.0000",
        "per_min_after_t_duration, 0.06, 0, 60, 30, 6, 105, 48, 0.0480",
        "per_call_per_min_after_t_duration, 0.06, 0.10, 120, 60, 60, 120, 0, 0.1000",
        "per_call_per_min_after_t_duration, 0.06, 0.10, 120, 60, 60, 121, 60, 0.1600",
        "per_call_per_min_after_t_duration, 0.06, 0.10, 120, 1, 1, 150, 30, 0.1300",
    })
    void prices_every_mode_and_increment(String mode, String perMin, String perCall, int free, int first, int next,
                                         long duration, long billed, String charge) {
        var priced = Pricing.price(price(mode, perMin, perCall, free, first, next), duration, true, 0, 4);

        assertThat(priced.billedSeconds()).isEqualTo(billed);
        assertThat(priced.charge()).isEqualByComparingTo(charge);
        assertThat(priced.charge().scale()).isEqualTo(4);
    }

    @ParameterizedTest(name = "allowance {1}s for a {0}s call: covered {2}s, charge {3}")
    @CsvSource({
        "45, 600, 48, 0.0000",
        "45, 0, 0, 0.0400",
        "45, 30, 30, 0.0150",
        "45, 48, 48, 0.0000",
        "120, 60, 60, 0.0500",
    })
    void an_allowance_covers_billed_seconds_first_even_when_it_runs_out_mid_call(long duration, long allowance,
                                                                                  long covered, String charge) {
        var priced = Pricing.price(price("per_min", "0.05", "0", 0, 30, 6), duration, true, allowance, 4);

        assertThat(priced.allowanceSeconds()).isEqualTo(covered);
        assertThat(priced.chargedSeconds()).isEqualTo(priced.billedSeconds() - covered);
        assertThat(priced.charge()).isEqualByComparingTo(charge);
    }

    @ParameterizedTest
    @CsvSource({"per_min", "per_call", "per_call_per_min"})
    void an_unanswered_call_costs_nothing(String mode) {
        var priced = Pricing.price(price(mode, "0.05", "0.25", 0, 60, 60), 30, false, 0, 4);
        assertThat(priced.charge()).isEqualByComparingTo("0");
        assertThat(priced.billedSeconds()).isZero();
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "2, 0.05",
        "6, 0.05",
        "8, 0.05",
    })
    void rounds_once_half_up_to_the_decks_precision(int scale, String expected) {
        // 0.05 per minute for 60 s is exactly 0.05.
        var priced = Pricing.price(price("per_min", "0.05", "0", 0, 60, 60), 60, true, 0, scale);
        assertThat(priced.charge()).isEqualByComparingTo(new BigDecimal(expected).setScale(scale,
                java.math.RoundingMode.HALF_UP));
    }

    @ParameterizedTest
    @CsvSource({
        "0.00015, 60, 0.0002",
        "0.00014999, 60, 0.0001",
        "0.00025, 60, 0.0003",
    })
    void half_up_means_a_half_goes_up(String perMin, long seconds, String expected) {
        var priced = Pricing.price(price("per_min", perMin, "0", 0, 60, 60), seconds, true, 0, 4);
        assertThat(priced.charge()).isEqualByComparingTo(expected);
    }

    @org.junit.jupiter.api.Test
    void amounts_too_large_for_longs_give_the_exact_same_result() {
        long fast = Pricing.charge(Rate.units(new BigDecimal("1.5")), Rate.units(new BigDecimal("0.333")), 7200, 4);
        long slow = Pricing.charge(Long.MAX_VALUE / 100, Rate.units(new BigDecimal("0.333")), 7200, 4);
        assertThat(fast).isEqualTo(15000 + 399600);
        assertThat(slow).isEqualTo(new BigDecimal(Long.MAX_VALUE / 100).multiply(BigDecimal.valueOf(60))
                .add(BigDecimal.valueOf(Rate.units(new BigDecimal("0.333"))).multiply(BigDecimal.valueOf(7200)))
                .divide(BigDecimal.valueOf(60 * 10_000L), 0, java.math.RoundingMode.HALF_UP).longValueExact());
    }
}
