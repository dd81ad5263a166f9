package com.chargeline.usage.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsPricingTest {
    @ParameterizedTest(name = "{0} chars {1}: {2} segments")
    @CsvSource({
        "0, gsm7, 1", "1, gsm7, 1", "160, gsm7, 1", "161, gsm7, 2", "306, gsm7, 2", "307, gsm7, 3",
        "70, ucs2, 1", "71, ucs2, 2", "134, ucs2, 2", "135, ucs2, 3", "160, , 1",
    })
    void counts_segments_as_gsm_7_and_ucs_2_do(int length, String encoding, int segments) {
        assertThat(SmsPricing.segments(length, encoding)).isEqualTo(segments);
    }

    @ParameterizedTest
    @CsvSource({"0.0075, 1, 0.0075", "0.0075, 3, 0.0225", "0.00005, 1, 0.0001", "0.00004, 1, 0.0000"})
    void prices_per_segment_rounding_once(String rate, int segments, String charge) {
        var usd = java.util.Currency.getInstance("USD");
        var info = new RateDeck.Info(java.util.UUID.randomUUID(), 1, "sms", usd, 4);
        var prices = new PriceList(RateDeck.compile(info, java.util.List.of()),
                new SmsRates(java.util.Map.of(new SmsRates.Key("*", "SMS", "outbound"), Rate.units(new BigDecimal(rate)))));
        var message = new SmsRating.Message(CallDirection.OUTBOUND, "SMS", "+442071838750", segments, null, null);
        var result = new SmsRating(new NumberClassifier()).rate(message, "US", prices);
        assertThat(result.charge().amount()).isEqualByComparingTo(charge);
        assertThat(result.charge().amount().scale()).isEqualTo(4);
    }
}
