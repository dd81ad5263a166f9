package com.chargeline.common.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {
    private static final Currency USD = Currency.getInstance("USD");

    private static Money usd(String amount) {
        return new Money(new BigDecimal(amount), USD);
    }

    @ParameterizedTest(name = "{0} per record at {1} decimals: {2}")
    @CsvSource({"0.00005, 4, 0.0001", "0.00004999, 4, 0.0000", "1.5, 0, 2", "2.5, 0, 3", "0.12345678, 8, 0.12345678",
        "7, 2, 7.00"})
    void rounds_a_record_half_up_to_the_decks_precision(String amount, int precision, String rounded) {
        assertThat(usd(amount).roundedPerRecord(precision).toPlainString()).isEqualTo(rounded);
    }

    @ParameterizedTest(name = "{0} {1} per line: {2}")
    @CsvSource({"0.005, USD, 0.01", "0.0049, USD, 0.00", "12.5, JPY, 13", "12.4999, JPY, 12", "1.0005, EUR, 1.00",
        "3, USD, 3.00"})
    void rounds_a_line_half_up_to_the_currencys_minor_unit(String amount, String currency, String rounded) {
        var money = new Money(new BigDecimal(amount), Currency.getInstance(currency));
        assertThat(money.roundedToMinorUnit().toPlainString()).isEqualTo(rounded);
    }

    @Test
    void adds_and_multiplies_exactly_until_a_rule_rounds() {
        var line = usd("19.99").times(new BigDecimal("3")).times(new BigDecimal("0.875"));
        assertThat(line.toPlainString()).isEqualTo("52.47375");
        assertThat(line.roundedToMinorUnit().toPlainString()).isEqualTo("52.47");
        assertThat(usd("0.0001").plus(usd("0.00005")).toPlainString()).isEqualTo("0.00015");
        assertThat(usd("1.50").isEqualTo(usd("1.5"))).isTrue();
    }

    @Test
    void never_combines_two_currencies() {
        var eur = new Money(BigDecimal.ONE, Currency.getInstance("EUR"));
        assertThatThrownBy(() -> usd("1").plus(eur)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot combine USD and EUR");
        assertThatThrownBy(() -> usd("1").isEqualTo(eur)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refuses_more_decimals_than_it_keeps_and_rounding_in_disguise() {
        assertThatThrownBy(() -> usd("0.00000000001")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> usd("0.125").withScale(2)).isInstanceOf(ArithmeticException.class);
        assertThat(usd("0.1").withScale(4).toPlainString()).isEqualTo("0.1000");
    }
}
