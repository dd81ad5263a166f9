package com.chargeline.usage.rating;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.common.money.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class PricingPropertiesTest {
    @Provide
    Arbitrary<Rate.Price> prices() {
        var modes = Arbitraries.of(ChargeMode.class);
        var perMin = Arbitraries.longs().between(0, 500_000_000L);
        var perCall = Arbitraries.longs().between(0, 100_000_000L);
        var free = Arbitraries.integers().between(0, 300);
        var increments = Arbitraries.of(new Increments(60, 60), new Increments(30, 6), new Increments(6, 6),
                new Increments(1, 1));
        return Combinators.combine(modes, perMin, perCall, free, increments).as(Rate.Price::new);
    }

    @Property
    void charge_never_decreases_with_duration(@ForAll("prices") Rate.Price price,
                                              @ForAll @LongRange(min = 0, max = 20_000) long seconds,
                                              @ForAll @IntRange(min = 1, max = 600) int more,
                                              @ForAll @IntRange(min = 0, max = 8) int scale) {
        var shorter = Pricing.price(price, seconds, true, 0, scale);
        var longer = Pricing.price(price, seconds + more, true, 0, scale);
        assertThat(longer.chargeUnscaled()).isGreaterThanOrEqualTo(shorter.chargeUnscaled());
    }

    @Property
    void a_decks_flat_pricing_equals_pricing_the_rate(@ForAll("prices") Rate.Price price,
                                                     @ForAll @LongRange(min = 0, max = 20_000) long seconds,
                                                     @ForAll @LongRange(min = 0, max = 5_000) long allowance) {
        var deck = RateDeck.compile(new RateDeck.Info(java.util.UUID.randomUUID(), 1, "p",
                java.util.Currency.getInstance("USD"), 4), java.util.List.of(new Rate(0,
                new Rate.Destination("1", "x", CallType.LOCAL), price, Rate.Validity.ALWAYS)));
        assertThat(deck.price(0, seconds, true, allowance)).isEqualTo(Pricing.price(price, seconds, true, allowance, 4));
    }

    @Property
    void billed_seconds_cover_the_actual_chargeable_seconds(@ForAll("prices") Rate.Price price,
                                                            @ForAll @LongRange(min = 0, max = 100_000) long seconds) {
        var priced = Pricing.price(price, seconds, true, 0, 4);
        if (price.mode().hasPerMinute()) {
            assertThat(priced.freeSeconds() + priced.billedSeconds()).isGreaterThanOrEqualTo(seconds);
            assertThat(priced.billedSeconds() - (seconds - priced.freeSeconds()))
                    .isLessThan(Math.max(price.increments().first(), price.increments().next()));
        } else {
            assertThat(priced.billedSeconds()).isZero();
        }
    }

    @Property
    void an_allowance_never_raises_a_charge_and_never_covers_more_than_billed(
            @ForAll("prices") Rate.Price price, @ForAll @LongRange(min = 0, max = 20_000) long seconds,
            @ForAll @LongRange(min = 0, max = 50_000) long allowance) {
        var without = Pricing.price(price, seconds, true, 0, 4);
        var with = Pricing.price(price, seconds, true, allowance, 4);
        assertThat(with.chargeUnscaled()).isLessThanOrEqualTo(without.chargeUnscaled());
        assertThat(with.allowanceSeconds()).isLessThanOrEqualTo(Math.min(allowance, with.billedSeconds()));
    }

    /** The long arithmetic of the hot path is exact: fee + per-minute × charged seconds / 60, half-up to the precision. */
    @Property
    void the_charge_in_longs_is_the_exact_amount_rounded_half_up_at_the_precision(
            @ForAll("prices") Rate.Price price, @ForAll @LongRange(min = 0, max = 20_000) long seconds,
            @ForAll @IntRange(min = 0, max = 8) int scale) {
        var usd = java.util.Currency.getInstance("USD");
        var priced = Pricing.price(price, seconds, true, 0, scale);
        var mode = price.mode();
        var fee = mode.hasPerCallFee() ? price.perCall() : java.math.BigDecimal.ZERO;
        var perMinute = mode.hasPerMinute() ? price.perMinute() : java.math.BigDecimal.ZERO;
        var sixtieths = fee.multiply(java.math.BigDecimal.valueOf(60))
                .add(perMinute.multiply(java.math.BigDecimal.valueOf(priced.chargedSeconds())));
        var expected = sixtieths.divide(java.math.BigDecimal.valueOf(60), scale, java.math.RoundingMode.HALF_UP);
        assertThat(priced.charge(usd)).isEqualTo(new Money(expected, usd));
    }
}
