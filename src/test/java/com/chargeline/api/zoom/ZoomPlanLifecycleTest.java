package com.chargeline.api.zoom;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.Request.Method;
import com.chargeline.accounts.PayMode;
import com.chargeline.testing.Api;
import com.chargeline.testing.TestServer;
import com.chargeline.testing.ZoomSpecs;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A reseller's plan work end to end on real HTTP (clock 2026-11-24): subscribe, add an add-on, add
 * hosts, cancel the add-on, cancel the base plan, reading plans, plan usage and renewals at each
 * step; then B8–B14's refusals.
 */
class ZoomPlanLifecycleTest {
    static TestServer server;
    static TestServer.Tenant master;
    static String token;

    @BeforeAll
    static void start() {
        server = new TestServer();
        master = server.master("Lifecycle Reseller");
        token = master.token();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Api.Response call(String method, String path, String body) {
        var response = body == null ? server.api.get(path, token)
                : server.api.send(method, path, token, "application/json", body);
        if (response.status() < 300) {
            var bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            ZoomSpecs.assertValid(ZoomSpecs.BILLING, Method.valueOf(method), bare, response);
        }
        return response;
    }

    static JsonNode plans(TestServer.Tenant sub) {
        return call("GET", "/v2/accounts/" + sub.id() + "/plans", null).json();
    }

    static JsonNode usage(TestServer.Tenant sub) {
        return call("GET", "/v2/accounts/" + sub.id() + "/plans/usage", null).json();
    }

    static JsonNode renewal(TestServer.Tenant sub, int interval) {
        var body = call("GET", "/v2/accounts/billing/renewals?interval=" + interval, null).json();
        for (var r : body.get("results")) {
            if (r.get("account_id").asText().equals(sub.id())) {
                return r;
            }
        }
        return null;
    }

    @Test
    void subscribe_add_on_upgrade_cancel_add_on_cancel_base_as_a_reseller_expects() {
        var sub = server.sub(master, "Lifecycle Customer", PayMode.MASTER);
        var base = "/v2/accounts/" + sub.id() + "/plans";
        assertThat(call("POST", base, "{" + ZoomPlanEndpointsTest.CONTACT
                + ",\"plan_base\":{\"type\":\"business_monthly\",\"hosts\":10}}").status()).isEqualTo(201);
        assertThat(plans(sub).get("plan_base").get("hosts").asInt()).isEqualTo(10);
        var account = server.api.get("/v2/accounts/" + sub.id(), token);
        ZoomSpecs.assertValid(ZoomSpecs.ACCOUNTS, Method.GET, "/v2/accounts/" + sub.id(), account);
        assertThat(account.json().get("account_type").asText()).as("the Accounts API shows the plan").isEqualTo("Business");
        assertThat(account.json().get("seats").asInt()).isEqualTo(10);
        assertThat(account.json().get("subscription_end_time").asText()).isEqualTo("2026-12-24T00:00:00Z");
        usage(sub);
        assertThat(usage(sub).get("plan_base").toString())
                .isEqualTo("{\"type\":\"business_monthly\",\"hosts\":10,\"usage\":0,\"pending\":0}");
        var renewing = renewal(sub, 30);
        assertThat(renewing.get("next_renewal_date").asText()).isEqualTo("2026-12-24");
        assertThat(renewing.get("total_renewal_amount").asLong()).isEqualTo(220);
        assertThat(renewing.get("renewable_subscriptions").get(0).get("billing_cycle").asText()).isEqualTo("Monthly");

        var addon = call("POST", base + "/addons", "{\"type\":\"webinar500_monthly\",\"hosts\":2}");
        assertThat(addon.status()).as(addon.body()).isEqualTo(201);
        assertThat(addon.body()).isEqualTo("{\"plan_webinar\":[{\"type\":\"webinar500_monthly\",\"hosts\":2}]}");
        assertThat(plans(sub).get("plan_webinar").get(0).get("hosts").asInt()).isEqualTo(2);
        assertThat(usage(sub).get("plan_webinar").get(0).get("type").asText()).isEqualTo("webinar500_monthly");
        assertThat(renewal(sub, 30).get("renewable_subscriptions")).hasSize(2);

        assertThat(call("PUT", base + "/base", "{\"type\":\"business_monthly\",\"increasing_hosts\":5}").status()).isEqualTo(204);
        assertThat(plans(sub).get("plan_base").get("hosts").asInt()).isEqualTo(15);
        assertThat(call("PUT", base + "/addons", "{\"type\":\"webinar500_monthly\",\"hosts\":4}").status()).isEqualTo(200);
        assertThat(plans(sub).get("plan_webinar").get(0).get("hosts").asInt()).isEqualTo(4);

        var early = call("PATCH", base + "/base/status", "{\"action\":\"cancel\",\"reason\":4}");
        assertThat(early.body()).isEqualTo("{\"code\":200,\"message\":\"You should first cancel all additional subscriptions.\"}");
        assertThat(call("PATCH", base + "/addons/status", "{\"action\":\"cancel\",\"type\":\"webinar500_monthly\",\"reason\":5}")
                .status()).isEqualTo(200);
        assertThat(plans(sub).get("plan_webinar").get(0).get("status").asText())
                .as("active until the end of the paid period").isEqualTo("active");
        assertThat(renewal(sub, 30).get("renewable_subscriptions")).as("a cancelled add-on does not renew").hasSize(1);

        assertThat(call("PATCH", base + "/base/status", "{\"action\":\"cancel\",\"reason\":6}").status()).isEqualTo(200);
        assertThat(plans(sub).get("plan_base").get("status").asText()).isEqualTo("active");
        assertThat(renewal(sub, 30)).as("nothing renews any more").isNull();

        server.clock.advance(Duration.ofDays(31));
        token = server.tokenWithScopes(master.account(), java.util.List.of()); // the first one expired meanwhile
        try {
            var after = plans(sub);
            assertThat(after.get("plan_base").get("status").asText()).isEqualTo("cancelled");
            var listed = server.api.get("/v2/accounts?page_size=300", token).json().get("accounts");
            for (var a : listed) {
                if (a.get("id").asText().equals(sub.id())) {
                    assertThat(a.get("account_type").asText()).as("back to Free once the paid period ended").isEqualTo("Free");
                }
            }
            assertThat(after.has("plan_webinar")).isFalse();
            var free = call("GET", base + "/usage", null);
            assertThat(free.body()).isEqualTo("{\"code\":200,\"message\":\"Only available for paid account.\"}");
        } finally {
            server.clock.advance(Duration.ofDays(-31));
            token = master.token();
        }
        var audit = server.api.get("/api/v1/accounts/" + sub.id() + "/plan_audit", master.token());
        assertThat(audit.status()).isEqualTo(200);
        var actions = new java.util.ArrayList<String>();
        audit.json().get("entries").forEach(e -> actions.add(e.get("action").asText()));
        assertThat(actions).as("newest first").containsExactly("cancel_base", "cancel_addon", "update_addon", "update_base",
                "add_addons", "subscribe");
        var upgrade = audit.json().get("entries").get(3);
        assertThat(upgrade.get("actor").asText()).isEqualTo(master.clientId());
        assertThat(upgrade.get("before").get("lines").get(0).get("hosts").asInt()).isEqualTo(10);
        assertThat(upgrade.get("after").get(0).get("hosts").asInt()).isEqualTo(15);
    }

    @Test
    void adds_phone_plans_in_the_phone_shape_and_cancelling_the_phone_base_cancels_its_add_ons() {
        var sub = server.sub(master, "Phone Customer", PayMode.MASTER);
        var base = "/v2/accounts/" + sub.id() + "/plans";
        call("POST", base, "{" + ZoomPlanEndpointsTest.CONTACT + ",\"plan_base\":{\"type\":\"monthly\",\"hosts\":5}}");
        var phone = call("POST", base + "/addons", "{\"type\":\"plan_phone\",\"plan_details\":{\"plan_base\":"
                + "{\"type\":\"phone_payongo\"},\"plan_calling\":[{\"type\":\"phone_calling_usca_monthly_metered\",\"hosts\":5}]}}");
        assertThat(phone.status()).as(phone.body()).isEqualTo(201);
        assertThat(plans(sub).get("plan_phone").get("plan_calling").get(0).get("hosts").asInt()).isEqualTo(5);
        assertThat(call("PATCH", base + "/addons/status", "{\"action\":\"cancel\",\"type\":\"phone_payongo\"}").status())
                .isEqualTo(200);
        assertThat(call("PATCH", base + "/base/status", "{\"action\":\"cancel\"}").status())
                .as("the phone add-ons went with the phone base plan").isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "POST|/addons|{\"type\":\"webinar500_monthly\",\"hosts\":1}|{\"code\":2100,\"message\":\"Cannot update Additional plan for a subaccount under free plan.\"}",
        "PUT|/addons|{\"type\":\"webinar500_monthly\",\"hosts\":1}|{\"code\":2100,\"message\":\"Cannot update Additional plan for a sub account under free plan.\"}",
        "PUT|/addons|{\"type\":\"nope\",\"hosts\":1}|{\"code\":2100,\"message\":\"Invalid Additional Plan Type: nope.\"}",
        "PATCH|/addons/status|{\"action\":\"cancel\",\"type\":\"webinar500_monthly\"}|{\"code\":200,\"message\":\"You cannot cancel an add-on plan for a sub account that is under a Free plan.\"}",
        "PUT|/base|{\"type\":\"monthly\",\"hosts\":2}|{\"code\":200,\"message\":\"You don't have a major subscription yet.\"}",
        "PATCH|/base/status|{\"action\":\"cancel\"}|{\"code\":200,\"message\":\"Cannot cancel plan for a sub account which is under free plan.\"}",
        "PATCH|/base/status|{\"action\":\"stop\"}|{\"code\":300,\"message\":\"Validation Failed.\",\"errors\":[{\"field\":\"action\",\"message\":\"Must be \\\"cancel\\\".\"}]}",
        "PATCH|/addons/status|{\"action\":\"cancel\",\"type\":\"x\",\"reason\":7}|{\"code\":300,\"message\":\"Validation Failed.\",\"errors\":[{\"field\":\"reason\",\"message\":\"Must be 1 to 6.\"}]}",
    })
    void refuses_changes_to_a_free_account_with_zooms_messages(String method, String path, String body, String expected) {
        var sub = server.sub(master, "Free Account", PayMode.MASTER);
        var response = call(method, "/v2/accounts/" + sub.id() + "/plans" + path, body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(expected);
    }

    @Test
    void refuses_duplicates_host_ranges_unknown_cancels_self_pay_and_bad_renewal_parameters() {
        var sub = server.sub(master, "Busy Customer", PayMode.MASTER);
        var base = "/v2/accounts/" + sub.id() + "/plans";
        call("POST", base, "{" + ZoomPlanEndpointsTest.CONTACT + ",\"plan_base\":{\"type\":\"monthly\",\"hosts\":5},"
                + "\"plan_large_meeting\":[{\"type\":\"large500_monthly\",\"hosts\":1}]}");
        assertThat(call("POST", base + "/addons", "{\"type\":\"large500_monthly\",\"hosts\":1}").body())
                .isEqualTo("{\"code\":2100,\"message\":\"This subaccount already has the additional plan: large500_monthly.\"}");
        assertThat(call("PUT", base + "/base", "{\"type\":\"monthly\",\"increasing_hosts\":5}").body())
                .isEqualTo("{\"code\":2100,\"message\":\"Invalid host number.\"}");
        assertThat(call("PATCH", base + "/addons/status", "{\"action\":\"cancel\",\"type\":\"webinar500_monthly\"}").body())
                .isEqualTo("{\"code\":200,\"message\":\"You do not have a \\\"webinar500_monthly\\\" plan subscription.\"}");
        assertThat(call("POST", base + "/addons", "{\"type\":\"tollfree_payongo\"}").body())
                .as("a Pro base plan").isEqualTo("{\"code\":2100,\"message\":\"Can not subscribe/update additional Audio "
                        + "Conferencing Pay As You Go Plan for a sub account whose base plan is not Business/Education plan.\"}");
        assertThat(call("PATCH", base + "/addons/status", "{\"action\":\"cancel\",\"type\":\"phone_payongo\"}").body())
                .isEqualTo("{\"code\":200,\"message\":\"You cannot perform this action because you do not have a Zoom Phone "
                        + "subscription for this account.\"}");
        var zcc = call("POST", base + "/addons", "{\"type\":\"plan_zcc\",\"plan_zcc_details\":{\"plan_package_list\":"
                + "[{\"type\":\"zccp_monthly\",\"hosts\":4}]}}");
        assertThat(zcc.status()).as(zcc.body()).isEqualTo(201);
        assertThat(plans(sub).get("plan_zcc").get("plan_package_lists").get(0).get("hosts").asInt()).isEqualTo(4);
        var node = call("POST", base + "/addons", "{\"type\":\"plan_znode\",\"plan_znode_details\":{\"plan_znode_base\":"
                + "{\"type\":\"znode_monthly\",\"hosts\":2}}}");
        assertThat(node.body()).isEqualTo("{\"plan_znode\":{\"plan_znode_base\":{\"type\":\"znode_monthly\",\"hosts\":2}}}");
        assertThat(plans(sub).get("plan_znode").get("plan_znode_base").get("hosts").asInt()).isEqualTo(2);
        var selfPay = server.sub(master, "Self Payer", PayMode.SUB);
        assertThat(call("PATCH", "/v2/accounts/" + selfPay.id() + "/plans/base/status", "{\"action\":\"cancel\"}").body())
                .isEqualTo("{\"code\":2100,\"message\":\"This sub account is paid by self.\"}");
        assertThat(call("POST", "/v2/accounts/" + selfPay.id() + "/plans/addons", "{\"type\":\"large500_monthly\"}").body())
                .isEqualTo("{\"code\":2100,\"message\":\"This subaccount is on self pay mode.\"}");
        for (var query : new String[] {"interval=45", "page_size=51", "interval=x"}) {
            assertThat(call("GET", "/v2/accounts/billing/renewals?" + query, null).body())
                    .isEqualTo("{\"code\":2100,\"message\":\"Invalid parameter: interval/page_size.\"}");
        }
        assertThat(call("GET", "/v2/accounts/billing/renewals?next_page_token=forged", null).body())
                .isEqualTo("{\"code\":300,\"message\":\"The next page token is invalid or expired.\"}");
    }

    @Test
    void pages_renewals_by_account_number_with_tokens() {
        var other = server.master("Renewals Reseller");
        var token = other.token();
        for (int i = 0; i < 3; i++) {
            var sub = server.sub(other, "Renewing " + i, PayMode.MASTER);
            assertThat(server.api.post("/v2/accounts/" + sub.id() + "/plans", token, "{" + ZoomPlanEndpointsTest.CONTACT
                    + ",\"plan_base\":{\"type\":\"yearly\",\"hosts\":" + (i + 1) + "}}").status()).isEqualTo(201);
        }
        var first = server.api.get("/v2/accounts/billing/renewals?interval=90&page_size=2", token).json();
        assertThat(first.get("total_records").asInt()).as("yearly plans bought today renew in a year").isZero();
        var year = server.app.wiring().db.withHandle(h -> h.execute("UPDATE subscription SET paid_period_start_date = "
                + "DATE '2025-12-01', service_effective_date = DATE '2025-12-01' WHERE account_id IN (SELECT account_id FROM "
                + "account WHERE master_account_id = :m)".replace(":m", "'" + other.account().id().value() + "'")));
        assertThat(year).isEqualTo(3);
        var page1 = server.api.get("/v2/accounts/billing/renewals?interval=30&page_size=2", token);
        ZoomSpecs.assertValid(ZoomSpecs.BILLING, Method.GET, "/v2/accounts/billing/renewals",
                server.api.get("/v2/accounts/billing/renewals?interval=30&page_size=50", token));
        assertThat(page1.json().get("total_records").asInt()).isEqualTo(3);
        assertThat(page1.json().get("results")).hasSize(2);
        var next = page1.json().get("next_page_token").asText();
        var last = server.api.get("/v2/accounts/billing/renewals?interval=30&page_size=2&next_page_token=" + next, token);
        ZoomSpecs.assertValid(ZoomSpecs.BILLING, Method.GET, "/v2/accounts/billing/renewals", last);
        var page2 = last.json();
        assertThat(page2.get("results")).hasSize(1);
        assertThat(page2.has("next_page_token")).isFalse();
        assertThat(page2.get("results").get(0).get("next_renewal_date").asText()).isEqualTo("2026-12-01");
        assertThat(page2.get("results").get(0).get("renewable_subscriptions").get(0).get("billing_cycle").asText())
                .isEqualTo("Annual");

        var listed = server.api.get("/v2/accounts/billing/renewals?interval=30&page_size=50", token).json().get("results").get(0);
        assertThat(listed.get("renewable_subscriptions").get(0).get("next_invoice_amount").decimalValue())
                .isEqualByComparingTo("159.89");
        var discount = server.api.send("PUT", "/api/v1/accounts/me/plan_discount", token, "application/json",
                "{\"percent\":10}");
        assertThat(discount.body()).isEqualTo("{\"percent\":10.00}");
        var discounted = server.api.get("/v2/accounts/billing/renewals?interval=30&page_size=50", token).json()
                .get("results").get(0);
        assertThat(discounted.get("renewable_subscriptions").get(0).get("next_invoice_amount").decimalValue())
                .as("159.89 less 10 %, to the cent").isEqualByComparingTo("143.90");
        assertThat(discounted.get("total_renewal_amount").asLong()).isEqualTo(144);
        assertThat(server.api.send("PUT", "/api/v1/accounts/me/plan_discount", token, "application/json",
                "{\"percent\":100}").json().get("errors").get(0).get("field").asText()).isEqualTo("percent");
        assertThat(server.api.send("PUT", "/api/v1/accounts/me/plan_discount", token, "application/json",
                "{\"percent\":1e400}").status()).as("an overflowing number is refused, not a 500").isEqualTo(400);
    }
}
