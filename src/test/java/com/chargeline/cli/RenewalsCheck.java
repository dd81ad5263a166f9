package com.chargeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sub accounts page's plans and next renewals against Zoom's renewals API ({@code GET
 * /v2/accounts/billing/renewals}): every account the API lists as renewing within its 90 days shows the same next
 * renewal date and amount, and each of its renewable subscriptions among its plans with the same quantity, cycle and
 * next invoice date.
 */
final class RenewalsCheck {
    private RenewalsCheck() {
    }

    /** {@code rows}: the page's rows ({@code account} and the {@code data-field} cells); {@code renewals}: the API's. */
    static int check(List<Map<String, String>> rows, JsonNode renewals) {
        var byAccount = new HashMap<String, Map<String, String>>();
        rows.forEach(r -> byAccount.put(r.get("account"), r));
        int checked = 0;
        for (var r : renewals.get("results")) {
            var row = byAccount.get(r.get("account_id").asText());
            var what = r.get("account_name").asText();
            assertThat(row).as("%s: on the page", what).isNotNull();
            assertThat(row.get("next-renewal")).as(what).isEqualTo(r.get("next_renewal_date").asText());
            var amount = r.get("total_renewal_amount").decimalValue().setScale(2, RoundingMode.HALF_UP).toPlainString();
            assertThat(row.get("renewal-amount")).as(what).startsWith(amount + " ");
            for (var sub : r.get("renewable_subscriptions")) {
                assertThat(row.get("plans")).as(what).contains(sub.get("plan_name").asText() + " × "
                        + sub.get("quantity").asText() + ", " + sub.get("billing_cycle").asText())
                        .contains("next invoice " + sub.get("next_invoice_date").asText());
            }
            checked++;
        }
        return checked;
    }
}
