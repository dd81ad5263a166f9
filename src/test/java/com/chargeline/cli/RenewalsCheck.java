package com.chargeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sub accounts page's plans and next renewals against Zoom's renewals API ({@code GET
 * /v2/accounts/billing/renewals}): every account the API lists as renewing within its 90 days shows the same next
 * renewal date, the amount of its renewing subscriptions (to the cent; the API's total is whole units), and each of
 * its renewable subscriptions among its plans with the same quantity, cycle and next invoice date.
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
            // Zoom's total_renewal_amount is an integer; the page shows the amount to the cent: the sum of the
            // subscriptions' next_invoice_amount, which rounds to the API's integer
            var shownAmount = new BigDecimal(row.get("renewal-amount").split(" ")[0]);
            var sum = BigDecimal.ZERO;
            for (var sub : r.get("renewable_subscriptions")) {
                sum = sum.add(sub.get("next_invoice_amount").decimalValue());
                assertThat(row.get("plans")).as(what).contains(sub.get("plan_name").asText() + " × "
                        + sub.get("quantity").asText() + ", " + sub.get("billing_cycle").asText())
                        .contains("next invoice " + sub.get("next_invoice_date").asText());
            }
            assertThat(shownAmount).as(what).isEqualByComparingTo(sum.setScale(2, RoundingMode.HALF_UP));
            assertThat(shownAmount.setScale(0, RoundingMode.HALF_UP).longValueExact()).as(what)
                    .isEqualTo(r.get("total_renewal_amount").asLong());
            checked++;
        }
        return checked;
    }
}
