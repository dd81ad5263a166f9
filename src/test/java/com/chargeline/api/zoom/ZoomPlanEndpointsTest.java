package com.chargeline.api.zoom;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.Request.Method;
import com.chargeline.accounts.PayMode;
import com.chargeline.testing.Api;
import com.chargeline.testing.TestServer;
import com.chargeline.testing.ZoomSpecs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GET/POST /v2/accounts/{accountId}/plans (clock 2026-11-24). */
class ZoomPlanEndpointsTest {
    static final String CONTACT = "\"contact\":{\"first_name\":\"Grace\",\"last_name\":\"Hopper\",\"email\":\"ap@navy.example\","
            + "\"phone_number\":\"+1 202 555 0175\",\"address\":\"1 Navy Pier\",\"city\":\"Arlington\",\"state\":\"VA\","
            + "\"zip\":\"22202\",\"country\":\"US\"}";
    static TestServer server;
    static TestServer.Tenant master;

    @BeforeAll
    static void start() {
        server = new TestServer();
        master = server.master("Plan Reseller");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String path(TestServer.Tenant t) {
        return "/v2/accounts/" + t.id() + "/plans";
    }

    static Api.Response post(TestServer.Tenant sub, String body) {
        var response = server.api.post(path(sub), master.token(), body);
        if (response.status() == 201) {
            ZoomSpecs.assertValid(ZoomSpecs.BILLING, Method.POST, path(sub), response);
        }
        return response;
    }

    @Test
    void subscribes_a_free_sub_account_to_a_base_plan_with_add_ons_and_reads_them_back() {
        var sub = server.sub(master, "Pro Customer", PayMode.MASTER);
        var created = post(sub, "{" + CONTACT + ",\"plan_base\":{\"type\":\"business_yearly\",\"hosts\":12},"
                + "\"plan_webinar\":[{\"type\":\"webinar500_monthly\",\"hosts\":2}],"
                + "\"plan_recording\":\"cmr_monthly_commitment_40\","
                + "\"plan_phone\":{\"plan_base\":{\"type\":\"phone_payongo\"},"
                + "\"plan_calling\":[{\"type\":\"phone_calling_usca_monthly_metered\",\"hosts\":12}]},"
                + "\"subscription_options\":{\"contract_term\":12,\"purchase_order_number\":\"PO-7\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("plan_base").get("type").asText()).isEqualTo("business_yearly");
        assertThat(created.json().has("contact")).isFalse();

        var read = server.api.get(path(sub), master.token());
        assertThat(read.status()).isEqualTo(200);
        ZoomSpecs.assertValid(ZoomSpecs.BILLING, Method.GET, path(sub), read);
        var plans = read.json();
        assertThat(plans.get("plan_base").toString()).isEqualTo("{\"type\":\"business_yearly\",\"hosts\":12,"
                + "\"next_invoice_date\":\"2027-11-24\",\"service_effective_date\":\"2026-11-24\",\"status\":\"active\"}");
        assertThat(plans.get("plan_webinar").get(0).get("next_invoice_date").asText()).isEqualTo("2026-12-24");
        assertThat(plans.get("plan_recording").asText()).isEqualTo("cmr_monthly_commitment_40");
        assertThat(plans.get("plan_recording_status").asText()).isEqualTo("active");
        assertThat(plans.get("plan_phone").get("plan_base").toString()).isEqualTo("{\"type\":\"phone_payongo\","
                + "\"next_invoice_date\":\"2026-12-24\",\"service_effective_date\":\"2026-11-24\",\"status\":\"active\"}");
        assertThat(plans.get("plan_phone").get("plan_calling").get(0).get("hosts").asInt()).isEqualTo(12);

        var billing = server.api.get("/v2/accounts/" + sub.id() + "/billing", master.token()).json();
        assertThat(billing.get("first_name").asText()).as("the contact is saved").isEqualTo("Grace");
        var audit = server.app.wiring().db.withHandle(h -> h.createQuery("SELECT action || ':' || actor FROM plan_audit "
                + "WHERE account_id = :a").bind("a", sub.account().id().value()).mapTo(String.class).list());
        assertThat(audit).containsExactly("subscribe:" + master.clientId());

        var again = post(sub, "{" + CONTACT + ",\"plan_base\":{\"type\":\"business_yearly\",\"hosts\":12}}");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).isEqualTo(
                "{\"code\":2100,\"message\":\"Cannot add plan for the subaccount which is not free plan.\"}");
    }

    @Test
    void a_future_start_sets_both_dates_and_an_empty_account_shows_no_plans() {
        var sub = server.sub(master, "Starts Later", PayMode.MASTER);
        var empty = server.api.get(path(sub), master.token());
        assertThat(empty.body()).isEqualTo("{}");
        var created = post(sub, "{" + CONTACT + ",\"plan_base\":{\"type\":\"monthly\",\"hosts\":3},"
                + "\"subscription_options\":{\"paid_period_start_date\":\"2027-01-31\",\"service_effective_date\":\"2027-01-31\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var base = server.api.get(path(sub), master.token()).json().get("plan_base");
        assertThat(base.get("service_effective_date").asText()).isEqualTo("2027-01-31");
        assertThat(base.get("next_invoice_date").asText()).isEqualTo("2027-01-31");
    }

    @Test
    void plan_dates_are_days_in_the_accounts_time_zone() {
        // 2026-11-24T10:00Z is already 2026-11-25 00:00 on Kiritimati (UTC+14) and still 02:00 on the 24th in Los Angeles
        var kiritimati = server.sub(master, "Line Islands", PayMode.MASTER);
        var losAngeles = server.sub(master, "Pacific Coast", PayMode.MASTER);
        server.app.wiring().db.withHandle(h -> h.createUpdate("UPDATE account SET time_zone = CASE account_id WHEN :k "
                        + "THEN 'Pacific/Kiritimati' ELSE 'America/Los_Angeles' END WHERE account_id IN (:k, :l)")
                .bind("k", kiritimati.account().id().value()).bind("l", losAngeles.account().id().value()).execute());
        var tomorrowThere = "\"subscription_options\":{\"paid_period_start_date\":\"2026-11-25\","
                + "\"service_effective_date\":\"2026-11-25\"}";
        assertThat(post(kiritimati, "{" + CONTACT + ",\"plan_base\":{\"type\":\"monthly\",\"hosts\":1}," + tomorrowThere + "}")
                .status()).as("the 25th is today on Kiritimati, not in the future").isEqualTo(400);
        assertThat(post(losAngeles, "{" + CONTACT + ",\"plan_base\":{\"type\":\"monthly\",\"hosts\":1}," + tomorrowThere + "}")
                .status()).isEqualTo(201);
        assertThat(post(kiritimati, "{" + CONTACT + ",\"plan_base\":{\"type\":\"monthly\",\"hosts\":1}}").status())
                .isEqualTo(201);
        var there = server.api.get(path(kiritimati), master.token()).json().get("plan_base");
        assertThat(there.get("service_effective_date").asText()).isEqualTo("2026-11-25");
        assertThat(there.get("next_invoice_date").asText()).isEqualTo("2026-12-25");
        var here = server.api.get(path(losAngeles), master.token()).json().get("plan_base");
        assertThat(here.get("service_effective_date").asText()).isEqualTo("2026-11-25");
        assertThat(here.get("next_invoice_date").asText()).as("starts tomorrow in Los Angeles").isEqualTo("2026-11-25");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"plan_base\":{\"type\":\"monthly\",\"hosts\":10}|2100|Invalid host number.",
        "\"plan_base\":{\"type\":\"business_monthly\",\"hosts\":9}|2100|Invalid host number.",
        "\"plan_base\":{\"type\":\"webinar500_monthly\",\"hosts\":1}|2100|Invalid Base Plan: SUB",
        "\"plan_base\":{\"type\":\"nope\",\"hosts\":1}|2100|Invalid Base Plan: SUB",
        "\"plan_base\":{\"type\":\"monthly\",\"hosts\":1},\"plan_recording\":\"webinar500_monthly\"|2100|Invalid Cloud Recording Plan: webinar500_monthly",
        "\"plan_base\":{\"type\":\"monthly\",\"hosts\":1},\"plan_audio\":{\"type\":\"nope\",\"tollfree_countries\":\"US\"}|2100|Invalid Audio Conferencing Plan: nope",
        "\"plan_base\":{\"type\":\"monthly\",\"hosts\":1},\"plan_audio\":{\"type\":\"tollfree_payongo\"}|2100|At least one option from among the Toll-free, Premium and Call-out must be provided.",
        "\"plan_base\":{\"type\":\"monthly\",\"hosts\":1},\"plan_webinar\":[{\"type\":\"monthly\",\"hosts\":1}]|2100|Account doesn't have the permission to purchase this plan.",
        "\"plan_base\":{\"type\":\"monthly\",\"hosts\":1},\"plan_bundle\":[{\"type\":\"x\"}]|2100|Invalid field: plan_bundle",
        "\"plan_base\":{\"type\":\"monthly\",\"hosts\":1},\"subscription_options\":{\"contract_term\":13}|10200|Your request cannot be processed due to an invalid contract term.",
    })
    void refuses_what_zoom_refuses_verbatim_and_changes_nothing(String plan, int code, String message) {
        var sub = server.sub(master, "Refused", PayMode.MASTER);
        var response = post(sub, "{" + CONTACT + "," + plan + "}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"code\":" + code + ",\"message\":\"" + message.replace("SUB", sub.id()) + "\"}");
        assertThat(server.api.get(path(sub), master.token()).body()).isEqualTo("{}");
    }

    @Test
    void names_the_first_missing_contact_field_and_refuses_self_pay_and_past_starts() {
        var sub = server.sub(master, "No Contact", PayMode.MASTER);
        var noCity = post(sub, "{" + CONTACT.replace("\"city\":\"Arlington\",", "") + ",\"plan_base\":{\"type\":\"monthly\",\"hosts\":1}}");
        assertThat(noCity.body()).isEqualTo("{\"code\":2100,\"message\":\"Invalid parameter: city\"}");
        var selfPay = server.sub(master, "Pays Itself", PayMode.SUB);
        var refused = post(selfPay, "{" + CONTACT + ",\"plan_base\":{\"type\":\"monthly\",\"hosts\":1}}");
        assertThat(refused.body()).isEqualTo("{\"code\":2100,\"message\":\"Cannot add plan for a subaccount which is paid by self.\"}");
        var past = post(sub, "{" + CONTACT + ",\"plan_base\":{\"type\":\"monthly\",\"hosts\":1},"
                + "\"subscription_options\":{\"paid_period_start_date\":\"2026-11-24\",\"service_effective_date\":\"2026-11-24\"}}");
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().get("code").asInt()).isEqualTo(300);
        var unequal = post(sub, "{" + CONTACT + ",\"plan_base\":{\"type\":\"monthly\",\"hosts\":1},"
                + "\"subscription_options\":{\"paid_period_start_date\":\"2027-01-01\",\"service_effective_date\":\"2027-01-02\"}}");
        assertThat(unequal.json().get("errors").get(0).get("field").asText())
                .isEqualTo("subscription_options.service_effective_date");
        var other = server.master("Someone Else");
        assertThat(server.api.get(path(sub), other.token()).status()).isEqualTo(404);
    }
}
