package com.chargeline.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chargeline.common.geo.CountryCode;
import com.chargeline.common.money.Money;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaxRatesTest {
    private static final TaxRates RATES = TaxRates.defaults();

    @ParameterizedTest(name = "{0}-{1}: {2}")
    @CsvSource(delimiter = ';', value = {
        "CA; ON; HST 13", "CA; BC; GST 5 + PST 7", "CA; QC; GST 5 + QST 9.975", "CA; XX; GST 5", "CA; ; GST 5",
        "US; NY; Sales tax 4", "US; MT; ", "US; ; ", "GB; ; VAT 20", "GB; ENG; VAT 20", "NP; ; VAT 13", "BR; ; "})
    void the_most_specific_rows_of_the_bill_to_address_win(String country, String region, String expected) {
        var taxes = RATES.forAddress(CountryCode.parse(country).orElseThrow(), region);
        assertThat(String.join(" + ", taxes.stream().map(t -> t.name() + " " + t.ratePercent().toPlainString()).toList()))
                .isEqualTo(expected == null ? "" : expected);
    }

    @Test
    void a_tax_line_is_rounded_half_up_to_the_currencys_minor_unit() {
        var qst = new TaxRates.Tax("QST", new BigDecimal("9.975"));
        assertThat(qst.on(new Money(new BigDecimal("100.00"), Currency.getInstance("CAD"))).toPlainString()).isEqualTo("9.98");
        assertThat(qst.on(new Money(new BigDecimal("0.05"), Currency.getInstance("CAD"))).toPlainString()).isEqualTo("0.00");
        assertThat(qst.on(new Money(new BigDecimal("12.3456789012"), Currency.getInstance("CAD"))).toPlainString())
                .as("an exact line total of ten decimals times a five-decimal rate").isEqualTo("1.23");
        var consumption = new TaxRates.Tax("Consumption tax", BigDecimal.TEN);
        assertThat(consumption.on(new Money(new BigDecimal("1234"), Currency.getInstance("JPY"))).toPlainString())
                .isEqualTo("123");
    }

    @Test
    void a_bad_row_is_an_error_naming_its_line() {
        assertThatThrownBy(() -> TaxRates.read(new StringReader("country,region,name,rate_percent\nGB,,VAT,20\nXQ,,VAT,5\n")))
                .hasMessage("tax rates, line 3: not a country: XQ");
        assertThatThrownBy(() -> TaxRates.read(new StringReader("country,region,name,rate_percent\nGB,,VAT,twenty\n")))
                .hasMessage("tax rates, line 2: not a rate: twenty");
        assertThatThrownBy(() -> TaxRates.read(new StringReader("country,region,name,rate_percent\nGB,,VAT,120\n")))
                .hasMessage("tax rates, line 2: a tax rate is 0 to 100 percent: 120");
        assertThatThrownBy(() -> TaxRates.read(new StringReader("country,region,name,rate_percent\nGB,,VAT\n")))
                .hasMessage("tax rates, line 2: expected country,region,name,rate_percent");
        assertThatThrownBy(() -> TaxRates.read(new StringReader("country,region,name,rate_percent\nCA,ON,HST,13\nCA,ON,HST,13\n")))
                .hasMessage("tax rates, line 3: HST is given twice for CA-ON");
    }
}
