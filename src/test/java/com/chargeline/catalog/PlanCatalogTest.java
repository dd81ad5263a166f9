package com.chargeline.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.testing.ZoomSpecs;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PlanCatalogTest {
    static final PlanCatalog CATALOG = PlanCatalog.load();

    @Test
    void holds_every_type_code_of_zooms_billing_plans_reference() throws Exception {
        var doc = ZoomSpecs.specsDir().resolve("zoom/docs-snapshot-2026-02-07/references_billing-plans.md");
        Assumptions.assumeTrue(Files.exists(doc), "Zoom's billing-plans reference is not at " + doc.toAbsolutePath()
                + " (../shared/specs is only next to the project in CI and on developer machines); skipping.");
        var codes = Pattern.compile("^\\|`([^`]+)`\\|", Pattern.MULTILINE).matcher(Files.readString(doc)).results()
                .map(m -> m.group(1)).collect(Collectors.toSet());
        assertThat(codes).hasSizeGreaterThan(600);
        assertThat(CATALOG.all()).extracting(PlanType::type).containsExactlyInAnyOrderElementsOf(codes);
    }

    @Test
    void knows_groups_cycles_prices_and_host_ranges() {
        var pro = CATALOG.find("monthly").orElseThrow();
        assertThat(pro.group()).isEqualTo("plan_base");
        assertThat(pro.cycle()).isEqualTo(BillingCycle.MONTHLY);
        assertThat(pro.allowsHosts(9)).isTrue();
        assertThat(pro.allowsHosts(10)).isFalse();
        assertThat(CATALOG.find("business_yearly").orElseThrow().allowsHosts(9)).isFalse();
        assertThat(CATALOG.find("business_yearly").orElseThrow().cycle()).isEqualTo(BillingCycle.ANNUAL);
        assertThat(CATALOG.find("plan_pro_three_years").orElseThrow().cycle()).isEqualTo(BillingCycle.THREE_YEARS);
        assertThat(CATALOG.find("webinar500_monthly").orElseThrow().group()).isEqualTo("plan_webinar");
        assertThat(CATALOG.find("phone_payongo").orElseThrow().group()).isEqualTo("plan_phone.plan_base");
        assertThat(CATALOG.find("cmr_monthly_commitment_40").orElseThrow().group()).isEqualTo("plan_recording");
        assertThat(CATALOG.find("webinar500_monthly").orElseThrow().listPrice().amount()).isPositive();
        assertThat(CATALOG.find("no_such_plan")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "MONTHLY,     2026-01-31, 2026-01-31, 2026-02-28",
        "MONTHLY,     2026-01-31, 2026-02-28, 2026-03-31",
        "MONTHLY,     2028-01-31, 2028-02-01, 2028-02-29",
        "ANNUAL,      2024-02-29, 2025-03-01, 2026-02-28",
        "ANNUAL,      2024-02-29, 2027-12-31, 2028-02-29",
        "QUARTERLY,   2026-11-30, 2026-12-01, 2027-02-28",
        "TWO_YEARS,   2026-05-15, 2026-05-14, 2026-05-15",
        "THREE_YEARS, 2026-05-15, 2026-05-15, 2029-05-15",
    })
    void invoices_on_the_anniversary_of_the_start_without_drifting(BillingCycle cycle, LocalDate start, LocalDate today,
                                                                    LocalDate next) {
        assertThat(cycle.nextInvoiceDate(start, today)).isEqualTo(next);
    }
}
