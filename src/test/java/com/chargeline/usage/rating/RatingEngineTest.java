package com.chargeline.usage.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatingEngineTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 10);
    private static final RateDeck DECK = RateDeckTest.deck(List.of(
            RateDeckTest.rate("1", CallType.LOCAL, "0.01"),
            RateDeckTest.rate("1", CallType.TOLLFREE, "0.03"),
            RateDeckTest.rate("44", CallType.INTERNATIONAL, "0.02"),
            RateDeckTest.rate("447", CallType.INTERNATIONAL, "0.15"),
            RateDeckTest.rate("1", CallType.CALL_CENTER, "0.005")));
    private static final String OWN = "+14155550100";
    private final RatingEngine engine = new RatingEngine(new NumberClassifier());

    private RatingEngine.Result rate(boolean outbound, String caller, String callee, long seconds, List<CallingPlan> plans,
                                     Allowances allowances) {
        var ctx = new RatingEngine.Context("US", DECK, digits -> digits == 14155550100L || digits == 18005550199L, plans);
        return engine.rate(new RatingEngine.Call(outbound, caller, callee, seconds, true, false, DAY, "u1", "2026-11"), ctx, allowances);
    }

    private RatingEngine.Result outbound(String callee, long seconds) {
        return rate(true, OWN, callee, seconds, List.of(), new Allowances());
    }

    @ParameterizedTest(name = "{0} -> {1} at prefix {2}")
    @CsvSource({
        "+14155550123, local, 1, 0.0200",
        "(415) 555-0123, local, 1, 0.0200",
        "+447911123456, international, 447, 0.3000",
        "+442079460958, international, 44, 0.0400",
        "+18005550123, tollfree, 1, 0.0600",
    })
    void decides_the_call_type_and_prices_by_longest_prefix(String callee, String type, String prefix, String charge) {
        var result = outbound(callee, 90);

        assertThat(result.status()).isEqualTo(RatingEngine.Status.RATED);
        assertThat(result.callType().wire()).isEqualTo(type);
        assertThat(result.rate().destination().prefix()).isEqualTo(prefix);
        assertThat(result.priced().charge()).isEqualByComparingTo(charge);
    }

    @Test
    void calls_to_extensions_and_own_numbers_are_voip_and_free_without_a_voip_rate() {
        assertThat(outbound("1002", 300).callType()).isEqualTo(CallType.VOIP);
        assertThat(outbound("1002", 300).status()).isEqualTo(RatingEngine.Status.NOT_CHARGED);
        var own = outbound("+18005550199", 300);
        assertThat(own.callType()).isEqualTo(CallType.VOIP);
        assertThat(own.priced().charge()).isEqualByComparingTo("0");
    }

    @Test
    void an_unknown_destination_is_a_visible_rating_error_not_a_silent_zero() {
        var result = outbound("+33142685300", 60);

        assertThat(result.status()).isEqualTo(RatingEngine.Status.ERROR);
        assertThat(result.reason()).isEqualTo("no rate for international +33142685300 in deck test v1");
        assertThat(result.callType()).isEqualTo(CallType.INTERNATIONAL);
    }

    @Test
    void an_invalid_number_is_a_rating_error() {
        var result = outbound("+1555", 60);
        assertThat(result.status()).isEqualTo(RatingEngine.Status.ERROR);
        assertThat(result.reason()).isEqualTo("callee_number is not a valid phone number");
    }

    @Test
    void inbound_calls_are_free_except_to_own_toll_free_numbers_priced_by_origin() {
        var plain = rate(false, "+447911123456", OWN, 120, List.of(), new Allowances());
        assertThat(plain.status()).isEqualTo(RatingEngine.Status.NOT_CHARGED);
        assertThat(plain.callType()).isEqualTo(CallType.INTERNATIONAL);

        var tollFree = rate(false, "+14155550123", "+18005550199", 120, List.of(), new Allowances());
        assertThat(tollFree.status()).isEqualTo(RatingEngine.Status.RATED);
        assertThat(tollFree.callType()).isEqualTo(CallType.LOCAL);
        assertThat(tollFree.ratedNumber()).isEqualTo("14155550123");
    }

    @Test
    void a_plan_draws_included_minutes_in_call_order_until_they_run_out() {
        var plan = new CallingPlan(UUID.randomUUID(), "US metered", CallingPlan.Scope.PER_USER, OptionalLong.of(3),
                Set.of(CallType.LOCAL), Set.of("US"));
        var allowances = new Allowances();

        var first = rate(true, OWN, "+14155550123", 120, List.of(plan), allowances);
        var second = rate(true, OWN, "+14155550123", 120, List.of(plan), allowances);
        var third = rate(true, OWN, "+14155550123", 60, List.of(plan), allowances);
        var abroad = rate(true, OWN, "+442079460958", 60, List.of(plan), allowances);

        assertThat(first.priced().allowanceSeconds()).isEqualTo(120);
        assertThat(first.priced().charge()).isEqualByComparingTo("0");
        assertThat(second.priced().allowanceSeconds()).isEqualTo(60);
        assertThat(second.priced().charge()).isEqualByComparingTo("0.0100");
        assertThat(third.priced().allowanceSeconds()).isZero();
        assertThat(third.priced().charge()).isEqualByComparingTo("0.0100");
        assertThat(abroad.plan()).as("the plan does not cover international calls").isNull();
        assertThat(allowances.drawn()).containsValue(180L);
    }

    @Test
    void a_call_through_a_queue_is_a_call_center_call() {
        var ctx = new RatingEngine.Context("US", DECK, d -> false, List.of());
        var result = engine.rate(new RatingEngine.Call(true, OWN, "+14155550123", 60, true, true, DAY, "u", "2026-11"), ctx,
                new Allowances());
        assertThat(result.callType()).isEqualTo(CallType.CALL_CENTER);
        assertThat(result.priced().charge()).isEqualByComparingTo(new BigDecimal("0.0050"));
    }
}
