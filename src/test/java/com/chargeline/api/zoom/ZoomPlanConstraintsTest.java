package com.chargeline.api.zoom;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.accounts.PayMode;
import com.chargeline.testing.Api;
import com.chargeline.testing.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Requests B7–B12 could make that the plan tables' constraints (one active line per account and type,
 * hosts 0 and up) would refuse: each is a 400 in Zoom's shape naming what is wrong, never a 500, and
 * changes nothing (clock 2026-11-24).
 */
class ZoomPlanConstraintsTest {
    static final String VALIDATION = "{\"code\":300,\"message\":\"Validation Failed.\",\"errors\":[{\"field\":\"%s\","
            + "\"message\":\"%s\"}]}";
    static TestServer server;
    static TestServer.Tenant master;

    @BeforeAll
    static void start() {
        server = new TestServer();
        master = server.master("Constraint Reseller");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Api.Response call(String token, String method, String path, String body) {
        return body == null ? server.api.get(path, token) : server.api.send(method, path, token, "application/json", body);
    }

    static String plans(TestServer.Tenant sub) {
        return server.api.get("/v2/accounts/" + sub.id() + "/plans", master.token()).body();
    }

    static String audit(TestServer.Tenant sub) {
        return server.api.get("/api/v1/accounts/" + sub.id() + "/plan_audit", master.token()).body();
    }

    static String repeated(String field, String type, String first) {
        return VALIDATION.formatted(field, type + " is already given at " + first + "; each plan type may be given once.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"plan_webinar\":[{\"type\":\"webinar500_monthly\",\"hosts\":1},{\"type\":\"webinar500_monthly\",\"hosts\":2}]"
                + "|plan_webinar[1].type|webinar500_monthly|plan_webinar[0].type",
        "\"plan_webinar\":[{\"type\":\"webinar500_monthly\",\"hosts\":1},{\"type\":\"webinar1000_monthly\",\"hosts\":1},"
                + "{\"type\":\"webinar500_monthly\",\"hosts\":1}]|plan_webinar[2].type|webinar500_monthly|plan_webinar[0].type",
        "\"plan_recording\":[\"cmr_monthly_commitment_40\",\"cmr_monthly_commitment_40\"]"
                + "|plan_recording[1]|cmr_monthly_commitment_40|plan_recording[0]",
        "\"plan_phone\":{\"plan_base\":{\"type\":\"phone_payongo\"},\"plan_calling\":[{\"type\":\"phone_calling_usca_monthly_metered\","
                + "\"hosts\":1},{\"type\":\"phone_calling_usca_monthly_metered\",\"hosts\":1}]}"
                + "|plan_phone.plan_calling[1].type|phone_calling_usca_monthly_metered|plan_phone.plan_calling[0].type",
    })
    void subscribe_refuses_an_add_on_type_given_twice_and_writes_nothing(String addons, String field, String type,
                                                                          String first) {
        var sub = server.sub(master, "Twice On Subscribe", PayMode.MASTER);
        var contactBefore = server.api.get("/v2/accounts/" + sub.id() + "/billing", master.token()).body();
        var response = call(master.token(), "POST", "/v2/accounts/" + sub.id() + "/plans", "{" + ZoomPlanEndpointsTest.CONTACT
                + ",\"plan_base\":{\"type\":\"monthly\",\"hosts\":1}," + addons + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(repeated(field, type, first));
        assertThat(plans(sub)).isEqualTo("{}");
        assertThat(server.api.get("/v2/accounts/" + sub.id() + "/billing", master.token()).body())
                .as("the contact given with the plan is not saved either").isEqualTo(contactBefore);
        assertThat(audit(sub)).doesNotContain("subscribe");
    }

    @Test
    void subscribe_and_add_ons_refuse_negative_add_on_hosts_instead_of_making_them_zero() {
        var sub = server.sub(master, "Negative Add-on Hosts", PayMode.MASTER);
        var response = call(master.token(), "POST", "/v2/accounts/" + sub.id() + "/plans", "{" + ZoomPlanEndpointsTest.CONTACT
                + ",\"plan_base\":{\"type\":\"monthly\",\"hosts\":1},\"plan_webinar\":[{\"type\":\"webinar500_monthly\","
                + "\"hosts\":-2}]}");
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(VALIDATION.formatted("plan_webinar[0].hosts", "Must be 0 or more."));
        assertThat(plans(sub)).isEqualTo("{}");
        server.subscribe(sub, "monthly", 3);
        var before = plans(sub);
        var addon = call(master.token(), "POST", "/v2/accounts/" + sub.id() + "/plans/addons",
                "{\"type\":\"webinar500_monthly\",\"hosts\":-1}");
        assertThat(addon.status()).as(addon.body()).isEqualTo(400);
        assertThat(addon.body()).isEqualTo(VALIDATION.formatted("hosts", "Must be 0 or more."));
        assertThat(plans(sub)).isEqualTo(before);
    }

    @Test
    void subscribe_refuses_a_base_plan_given_as_an_add_on() {
        var sub = server.sub(master, "Base As Add-on", PayMode.MASTER);
        for (var group : List.of("plan_zoom_addons", "plan_webinar", "plan_large_meeting")) {
            var response = call(master.token(), "POST", "/v2/accounts/" + sub.id() + "/plans", "{"
                    + ZoomPlanEndpointsTest.CONTACT + ",\"plan_base\":{\"type\":\"monthly\",\"hosts\":1},\"" + group
                    + "\":[{\"type\":\"monthly\",\"hosts\":1}]}");
            assertThat(response.body()).as(group)
                    .isEqualTo("{\"code\":2100,\"message\":\"Account doesn't have the permission to purchase this plan.\"}");
        }
        assertThat(plans(sub)).isEqualTo("{}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"plan_calling\":[{\"type\":\"phone_calling_usca_monthly_metered\",\"hosts\":1},{\"type\":\"phone_calling_usca_monthly_metered\","
                + "\"hosts\":2}]|plan_details.plan_calling[1].type|phone_calling_usca_monthly_metered|plan_details.plan_calling[0].type",
        "\"plan_calling\":[{\"type\":\"phone_calling_usca_monthly_metered\",\"hosts\":1}],\"plan_calling_addons\":[{\"type\":"
                + "\"phone_calling_usca_monthly_metered\",\"hosts\":1}]|plan_details.plan_calling_addons[0].type"
                + "|phone_calling_usca_monthly_metered|plan_details.plan_calling[0].type",
    })
    void add_ons_refuses_a_type_given_twice_and_writes_nothing(String details, String field, String type, String first) {
        var sub = server.sub(master, "Twice On Add-ons", PayMode.MASTER);
        server.subscribe(sub, "monthly", 3);
        var before = plans(sub);
        var response = call(master.token(), "POST", "/v2/accounts/" + sub.id() + "/plans/addons",
                "{\"type\":\"plan_phone\",\"plan_details\":{\"plan_base\":{\"type\":\"phone_payongo\"}," + details + "}}");
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(repeated(field, type, first));
        assertThat(plans(sub)).isEqualTo(before);
        assertThat(audit(sub)).doesNotContain("add_addons");
    }

    @Test
    void add_ons_refuses_a_type_given_under_another_group_or_already_held() {
        var sub = server.sub(master, "Wrong Group", PayMode.MASTER);
        server.subscribe(sub, "monthly", 3);
        var base = "/v2/accounts/" + sub.id() + "/plans/addons";
        for (var type : List.of("webinar500_monthly", "monthly")) {
            var response = call(master.token(), "POST", base, "{\"type\":\"plan_phone\",\"plan_details\":{\"plan_calling\":"
                    + "[{\"type\":\"" + type + "\",\"hosts\":1}]}}");
            assertThat(response.body()).as(type).isEqualTo("{\"code\":2100,\"message\":\"Invalid plan type.\"}");
        }
        assertThat(call(master.token(), "POST", base, "{\"type\":\"webinar500_monthly\",\"hosts\":1}").status()).isEqualTo(201);
        var before = plans(sub);
        var again = call(master.token(), "POST", base, "{\"type\":\"plan_phone\",\"plan_details\":{\"plan_base\":"
                + "{\"type\":\"phone_payongo\"}}}");
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        var held = call(master.token(), "POST", base, "{\"type\":\"plan_phone\",\"plan_details\":{\"plan_base\":"
                + "{\"type\":\"phone_payongo\"}}}");
        assertThat(held.body()).isEqualTo("{\"code\":2100,\"message\":\"This subaccount already has the additional plan: "
                + "phone_payongo.\"}");
        assertThat(plans(sub)).contains("webinar500_monthly", "phone_payongo").isNotEqualTo(before);
    }

    @ParameterizedTest
    @CsvSource({"webinar500_monthly", "webinar1000_monthly"})
    void update_add_on_refuses_negative_hosts(String type) {
        var sub = server.sub(master, "Negative Hosts", PayMode.MASTER);
        server.subscribe(sub, "monthly", 3);
        var base = "/v2/accounts/" + sub.id() + "/plans/addons";
        assertThat(call(master.token(), "POST", base, "{\"type\":\"webinar500_monthly\",\"hosts\":2}").status()).isEqualTo(201);
        var before = plans(sub);
        var response = call(master.token(), "PUT", base, "{\"type\":\"" + type + "\",\"hosts\":-1}");
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(VALIDATION.formatted("hosts", "Must be 0 or more."));
        assertThat(plans(sub)).isEqualTo(before);
    }

    @Test
    void an_add_on_whose_cancelled_paid_period_ended_can_be_bought_again_and_switched_to() {
        var sub = server.sub(master, "Buys Again", PayMode.MASTER);
        server.subscribe(sub, "monthly", 3);
        var base = "/v2/accounts/" + sub.id() + "/plans";
        var token = master.token();
        assertThat(call(token, "POST", base + "/addons", "{\"type\":\"webinar500_monthly\",\"hosts\":1}").status()).isEqualTo(201);
        assertThat(call(token, "POST", base + "/addons", "{\"type\":\"large500_monthly\",\"hosts\":1}").status()).isEqualTo(201);
        assertThat(call(token, "POST", base + "/addons", "{\"type\":\"webinar1000_monthly\",\"hosts\":1}").status()).isEqualTo(201);
        for (var type : List.of("webinar500_monthly", "large500_monthly")) {
            assertThat(call(token, "PATCH", base + "/addons/status", "{\"action\":\"cancel\",\"type\":\"" + type + "\"}").status())
                    .isEqualTo(200);
        }
        server.clock.advance(Duration.ofDays(40));
        try {
            var later = server.tokenWithScopes(master.account(), List.of());
            var again = call(later, "POST", base + "/addons", "{\"type\":\"large500_monthly\",\"hosts\":4}");
            assertThat(again.status()).as(again.body()).isEqualTo(201);
            var switched = call(later, "PUT", base + "/addons", "{\"type\":\"webinar500_monthly\",\"hosts\":3}");
            assertThat(switched.status()).as(switched.body()).isEqualTo(200);
            var plans = call(later, "GET", base, null).json();
            assertThat(plans.get("plan_large_meeting").toString())
                    .isEqualTo("[{\"type\":\"large500_monthly\",\"hosts\":4,\"next_invoice_date\":\"2027-02-03\","
                            + "\"service_effective_date\":\"2027-01-03\",\"status\":\"active\"}]");
            assertThat(plans.get("plan_webinar").toString())
                    .isEqualTo("[{\"type\":\"webinar500_monthly\",\"hosts\":3,\"next_invoice_date\":\"2027-02-03\","
                            + "\"service_effective_date\":\"2027-01-03\",\"status\":\"active\"}]");
            var held = call(later, "POST", base + "/addons", "{\"type\":\"large500_monthly\",\"hosts\":1}");
            assertThat(held.body()).isEqualTo("{\"code\":2100,\"message\":\"This subaccount already has the additional plan: "
                    + "large500_monthly.\"}");
        } finally {
            server.clock.advance(Duration.ofDays(-40));
        }
    }

    @Test
    void an_account_whose_cancelled_base_plan_ended_can_subscribe_again_to_the_same_plans() {
        var sub = server.sub(master, "Comes Back", PayMode.MASTER);
        var base = "/v2/accounts/" + sub.id() + "/plans";
        var plan = "{" + ZoomPlanEndpointsTest.CONTACT + ",\"plan_base\":{\"type\":\"monthly\",\"hosts\":2},"
                + "\"plan_webinar\":[{\"type\":\"webinar500_monthly\",\"hosts\":1}]}";
        assertThat(call(master.token(), "POST", base, plan).status()).isEqualTo(201);
        assertThat(call(master.token(), "PATCH", base + "/addons/status", "{\"action\":\"cancel\",\"type\":\"webinar500_monthly\"}")
                .status()).isEqualTo(200);
        assertThat(call(master.token(), "PATCH", base + "/base/status", "{\"action\":\"cancel\"}").status()).isEqualTo(200);
        assertThat(call(master.token(), "POST", base, plan).body()).as("still in the paid period")
                .isEqualTo("{\"code\":2100,\"message\":\"Cannot add plan for the subaccount which is not free plan.\"}");
        server.clock.advance(Duration.ofDays(40));
        try {
            var later = server.tokenWithScopes(master.account(), List.of());
            var again = call(later, "POST", base, plan);
            assertThat(again.status()).as(again.body()).isEqualTo(201);
            var plans = call(later, "GET", base, null).json();
            assertThat(plans.get("plan_base").toString()).isEqualTo("{\"type\":\"monthly\",\"hosts\":2,"
                    + "\"next_invoice_date\":\"2027-02-03\",\"service_effective_date\":\"2027-01-03\",\"status\":\"active\"}");
            assertThat(plans.get("plan_webinar")).hasSize(1);
            assertThat(plans.get("plan_webinar").get(0).get("status").asText()).isEqualTo("active");
            assertThat(call(later, "POST", base, plan).body())
                    .isEqualTo("{\"code\":2100,\"message\":\"Cannot add plan for the subaccount which is not free plan.\"}");
        } finally {
            server.clock.advance(Duration.ofDays(-40));
        }
    }
}
