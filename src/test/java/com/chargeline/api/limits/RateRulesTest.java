package com.chargeline.api.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chargeline.api.auth.RateLimit.Label;
import com.chargeline.api.limits.RateRules.Tier;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The built-in rules file: Zoom's documented numbers for each label and plan, and the per-endpoint extras. */
class RateRulesTest {
    static final RateRules RULES = RateRules.defaults();

    static String windows(String table, Tier tier, Label label) {
        return RULES.rules(table, tier).labels().get(label).stream().map(RateRules.Window::toString)
                .collect(Collectors.joining(", "));
    }

    static String shared(String table, Tier tier) {
        return RULES.rules(table, tier).shared().map(s -> s.labels().stream().map(Label::wire).sorted()
                .collect(Collectors.joining("+")) + " " + s.window()).orElse("none");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "zoom|FREE|LIGHT|4 per PT1S, 6000 per day",
        "zoom|FREE|MEDIUM|2 per PT1S, 2000 per day",
        "zoom|FREE|HEAVY|1 per PT1S, 1000 per day",
        "zoom|FREE|RESOURCE_INTENSIVE|10 per PT1M, 30000 per day",
        "zoom|PRO|LIGHT|30 per PT1S",
        "zoom|PRO|MEDIUM|20 per PT1S",
        "zoom|PRO|HEAVY|10 per PT1S",
        "zoom|PRO|RESOURCE_INTENSIVE|10 per PT1M",
        "zoom|BUSINESS|LIGHT|80 per PT1S",
        "zoom|BUSINESS|MEDIUM|60 per PT1S",
        "zoom|BUSINESS|HEAVY|40 per PT1S",
        "zoom|BUSINESS|RESOURCE_INTENSIVE|20 per PT1M",
        "zoom-phone|PRO|LIGHT|20 per PT1S",
        "zoom-phone|PRO|MEDIUM|10 per PT1S",
        "zoom-phone|PRO|HEAVY|5 per PT1S",
        "zoom-phone|PRO|RESOURCE_INTENSIVE|5 per PT1M",
        "zoom-phone|BUSINESS|LIGHT|40 per PT1S",
        "zoom-phone|BUSINESS|MEDIUM|20 per PT1S",
        "zoom-phone|BUSINESS|HEAVY|10 per PT1S",
        "zoom-phone|BUSINESS|RESOURCE_INTENSIVE|10 per PT1M",
        "zoom-phone|FREE|HEAVY|5 per PT1S",
    })
    void each_label_and_plan_has_zooms_documented_numbers(String table, Tier tier, Label label, String expected) {
        assertThat(windows(table, tier, label)).isEqualTo(expected);
    }

    @Test
    void heavy_and_resource_intensive_share_a_daily_quota_on_pro_and_business() {
        assertThat(shared("zoom", Tier.FREE)).isEqualTo("none");
        assertThat(shared("zoom", Tier.PRO)).isEqualTo("Heavy+Resource-intensive 30000 per day");
        assertThat(shared("zoom", Tier.BUSINESS)).isEqualTo("Heavy+Resource-intensive 60000 per day");
        assertThat(shared("zoom-phone", Tier.PRO)).isEqualTo("Heavy+Resource-intensive 15000 per day");
        assertThat(shared("zoom-phone", Tier.BUSINESS)).isEqualTo("Heavy+Resource-intensive 30000 per day");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GetInvoiceDetails|1 per PT30M, 100 per day",
        "downloadInvoicePDF|1 per PT30M, 100 per day",
        "downloadInvoicePDFFile|1 per PT30M, 100 per day",
        "ListBillingInvoices|1 per PT5M, 6 per day",
        "generateSubInvoiceReport|1 per PT3M, 100 per day",
        "listSubInvoiceReport|1 per PT1S",
        "downloadBillingInvoiceReport|1 per PT1S",
        "deleteBillingInvoiceReport|1 per PT1S",
        "GetBillingInformation|''",
    })
    void per_endpoint_extras_are_those_of_the_billing_docs(String operation, String expected) {
        assertThat(RULES.extras(operation).stream().map(RateRules.Window::toString).collect(Collectors.joining(", ")))
                .isEqualTo(expected);
    }

    @Test
    void the_base_plan_decides_the_tier() {
        assertThat(RULES.tier(List.of())).isEqualTo(Tier.FREE);
        assertThat(RULES.tier(List.of("monthly"))).isEqualTo(Tier.PRO);
        assertThat(RULES.tier(List.of("vsdk_payongo"))).isEqualTo(Tier.PRO);
        assertThat(RULES.tier(List.of("business_yearly"))).isEqualTo(Tier.BUSINESS);
        assertThat(RULES.tier(List.of("vsdk_monthly_prepay_usage"))).isEqualTo(Tier.BUSINESS);
        assertThat(RULES.tier(List.of("zoe_monthly"))).isEqualTo(Tier.BUSINESS);
    }

    @Test
    void windows_parse_and_bad_ones_name_the_place() {
        assertThat(RateRules.window("1 per 30 minutes", "x")).isEqualTo(new RateRules.Window(1, Duration.ofMinutes(30), false));
        assertThat(RateRules.window("100 per day", "x")).isEqualTo(new RateRules.Window(100, Duration.ofDays(1), true));
        assertThatThrownBy(() -> RateRules.window("100 per 2 days", "operations.x"))
                .hasMessageContaining("operations.x").hasMessageContaining("N per day");
        assertThatThrownBy(() -> RateRules.parse("{\"pro_plans\":[],\"tables\":{\"zoom\":{\"gold\":{}}}}", "f.json"))
                .hasMessageContaining("f.json: tables.zoom: unknown key \"gold\"");
        assertThatThrownBy(() -> RateRules.parse("{\"pro_plans\":[],\"tables\":{\"zoom\":{\"free\":{\"Light\":[\"4 per second\"],"
                + "\"Medium\":[\"2/s\"]}}}}", "f.json")).hasMessageContaining("f.json: tables.zoom.free.Medium: \"2/s\"");
        assertThatThrownBy(() -> RateRules.parse("{\"pro_plans\":[],\"tables\":{}}", "f.json"))
                .hasMessageContaining("f.json: tables: no table \"zoom\"");
    }
}
