package com.chargeline.api.zoom;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.Request.Method;
import com.chargeline.api.v1.UsageFixture;
import com.chargeline.testing.Api;
import com.chargeline.testing.TestServer;
import com.chargeline.testing.ZoomSpecs;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GET /v2/phone/reports/call_charges and /sms_charges: fields, windows, filters, paging and every error (clock: 2026-11-24T10:00Z). */
class ZoomPhoneReportsTest {
    static final String CALLS = "/v2/phone/reports/call_charges";
    static final String SMS = "/v2/phone/reports/sms_charges";
    static TestServer server;
    static UsageFixture fx;
    static String token;

    @BeforeAll
    static void start() {
        server = new TestServer();
        fx = new UsageFixture(server, "Report Reseller");
        token = fx.master.token();
        var ada = "+14155550100";
        var bob = "+14155550101";
        var calls = List.of(
                UsageFixture.call("c01", "outbound", ada, "+12125550123", "1001", 45, "2026-11-20T09:00:00Z"),
                UsageFixture.call("c02", "outbound", ada, "+442071234567", "1001", 61, "2026-11-20T09:00:00Z"),
                UsageFixture.call("c03", "outbound", bob, "+12125550123", "1002", 30, "2026-11-21T10:00:00Z"),
                UsageFixture.call("c04", "outbound", ada, "+18005550199", "1001", 120, "2026-11-22T11:00:00Z"),
                UsageFixture.call("c05", "outbound", ada, "+12125550123", "1001", 0, "2026-11-23T12:00:00Z"),
                UsageFixture.call("c06", "outbound", ada, "+12125550123", "1001", 60, "2026-10-10T12:00:00Z"),
                UsageFixture.call("c07", "outbound", ada, "+12125550123", "1001", 600, "2026-11-24T09:30:00Z"));
        var ingested = server.api.post(fx.path("/usage/calls"), token, "[" + String.join(",", calls) + "]");
        assertThat(ingested.status()).as(ingested.body()).isEqualTo(200);
        var sms = server.api.post(fx.path("/usage/sms"), token, "[" + String.join(",",
                sms("m1", "+12125550123", "2026-11-20T08:00:00Z", "\"segments\":2"),
                sms("m2", "+447911123456", "2026-11-21T08:00:00Z", "\"message_type\":\"MMS\""),
                sms("m3", "+12125550123", "2026-10-01T08:00:00Z", "\"segments\":1")) + "]");
        assertThat(sms.status()).as(sms.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String sms(String id, String to, String sent, String extra) {
        return "{\"message_id\":\"" + id + "\",\"session_id\":\"s-" + id + "\",\"direction\":\"outbound\","
                + "\"from_number\":\"+14155550100\",\"from_extension_number\":\"1001\",\"to_number\":\"" + to
                + "\",\"sent_time\":\"" + sent + "\"," + extra + "}";
    }

    /** GETs with the master's token; a 200 must match Zoom's Phone spec (its 400s declare no body: ours is Zoom's error shape). */
    static Api.Response get(String path) {
        var response = server.api.get(path, token);
        if (response.status() == 200) {
            var bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            ZoomSpecs.assertValid(ZoomSpecs.PHONE, Method.GET, bare, response);
        }
        return response;
    }

    static List<String> ids(JsonNode page, String array, String id) {
        var out = new ArrayList<String>();
        page.get(array).forEach(item -> out.add(item.get(id).asText()));
        return out;
    }

    @Test
    void shows_the_past_30_days_by_default_in_end_time_then_id_order_with_every_field() {
        var response = get(CALLS);
        assertThat(response.status()).isEqualTo(200);
        var body = response.json();
        assertThat(ids(body, "call_charges", "call_log_id")).containsExactly("c01", "c02", "c03", "c04", "c05", "c07");
        assertThat(body.get("total_records").asLong()).isEqualTo(6);
        assertThat(body.get("page_size").asInt()).isEqualTo(30);
        assertThat(body.get("next_page_token").asText()).isEmpty();
        assertThat(body.get("from").asText()).isEqualTo("2026-10-25");
        assertThat(body.get("to").asText()).isEqualTo("2026-11-24");
        var c01 = body.get("call_charges").get(0);
        assertThat(c01.toString()).isEqualTo("{\"call_log_id\":\"c01\",\"caller_number\":\"+14155550100\","
                + "\"caller_billing_number\":\"+14155550100\",\"callee_number\":\"+12125550123\","
                + "\"callee_billing_number\":\"+12125550123\",\"call_type\":\"local\",\"service_type\":\"call\","
                + "\"calling_party_name\":\"Ada Agent\",\"cost_center\":\"CC-100\",\"employee_id\":\"E-1\","
                + "\"department\":\"Sales\",\"end_time\":\"2026-11-20T09:00:00Z\",\"duration\":1,\"charge_mode\":\"per_min\","
                + "\"rate\":\"0.0500\",\"currency\":\"USD\",\"total_charge\":\"0.0400\","
                + "\"billing_number\":\"+14155550100 Ext. 1001\",\"forward_number_billing\":\"\"}");
        var c02 = body.get("call_charges").get(1);
        assertThat(c02.get("call_type").asText()).isEqualTo("international");
        assertThat(c02.get("duration").asInt()).as("61 s is 2 minutes, rounded up").isEqualTo(2);
        assertThat(c02.get("total_charge").asText()).isEqualTo("0.0400");
        var c05 = body.get("call_charges").get(4);
        assertThat(c05.get("duration").asInt()).isZero();
        assertThat(c05.get("total_charge").asText()).isEqualTo("0.0000");
    }

    @Test
    void takes_dates_and_date_times_both_inclusive() {
        var october = get(CALLS + "?from=2026-10-01&to=2026-10-31").json();
        assertThat(ids(october, "call_charges", "call_log_id")).containsExactly("c06");
        assertThat(october.get("from").asText()).isEqualTo("2026-10-01");
        assertThat(october.get("to").asText()).isEqualTo("2026-10-31");
        var oneSecond = get(CALLS + "?from=2026-11-20T09:00:00Z&to=2026-11-20T09:00:00Z").json();
        assertThat(ids(oneSecond, "call_charges", "call_log_id")).containsExactly("c01", "c02");
        assertThat(oneSecond.get("total_records").asLong()).isEqualTo(2);
        var partialHours = get(CALLS + "?from=2026-11-20T08:30:00Z&to=2026-11-22T11:00:00Z").json();
        assertThat(ids(partialHours, "call_charges", "call_log_id")).containsExactly("c01", "c02", "c03", "c04");
        assertThat(partialHours.get("total_records").asLong()).as("partial hours counted, whole hours from the rollup")
                .isEqualTo(4);
        var lastDay = get(CALLS + "?from=2026-11-23&to=2026-11-24").json();
        assertThat(ids(lastDay, "call_charges", "call_log_id")).containsExactly("c05", "c07");
        assertThat(lastDay.get("total_records").asLong()).isEqualTo(2);
    }

    @Test
    void filters_by_billing_account_and_by_charge() {
        var east = get(CALLS + "?billing_account_id=BA-EAST").json();
        assertThat(ids(east, "call_charges", "call_log_id")).containsExactly("c01", "c02", "c04", "c05", "c07");
        assertThat(east.get("total_records").asLong()).isEqualTo(5);
        var charged = get(CALLS + "?show_charges_only=true").json();
        assertThat(ids(charged, "call_charges", "call_log_id")).as("the plan's free minute and the missed call have no charge")
                .containsExactly("c01", "c02", "c04", "c07");
        assertThat(charged.get("total_records").asLong()).isEqualTo(4);
        var both = get(CALLS + "?billing_account_id=BA-EAST&show_charges_only=true&from=2026-11-01&to=2026-11-30").json();
        assertThat(both.get("total_records").asLong()).isEqualTo(4);
    }

    @Test
    void pages_with_tokens_until_the_empty_one_and_every_page_matches_the_spec() {
        var seen = new ArrayList<String>();
        var path = CALLS + "?page_size=2";
        var pages = 0;
        String next = null;
        do {
            var body = get(next == null ? path : path + "&next_page_token=" + next).json();
            assertThat(body.get("total_records").asLong()).isEqualTo(6);
            assertThat(body.get("call_charges").size()).isLessThanOrEqualTo(2);
            seen.addAll(ids(body, "call_charges", "call_log_id"));
            next = body.get("next_page_token").asText();
            pages++;
        } while (!next.isEmpty());
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("c01", "c02", "c03", "c04", "c05", "c07");
    }

    @Test
    void sums_of_a_months_pages_equal_the_monthly_rollup_invoices_bill_from() {
        var sum = BigDecimal.ZERO;
        String next = "";
        do {
            var body = get(CALLS + "?from=2026-11-01&to=2026-11-30&page_size=1"
                    + (next.isEmpty() ? "" : "&next_page_token=" + next)).json();
            for (var item : body.get("call_charges")) {
                sum = sum.add(new BigDecimal(item.get("total_charge").asText()));
            }
            next = body.get("next_page_token").asText();
        } while (!next.isEmpty());
        var rollup = server.app.wiring().db.withHandle(h -> h.createQuery("SELECT sum(total_charge) FROM usage_monthly "
                        + "WHERE account_id = :a AND kind = 'call' AND month = DATE '2026-11-01'")
                .bind("a", fx.master.account().id().value()).mapTo(BigDecimal.class).one());
        assertThat(sum).isPositive().isEqualByComparingTo(rollup);
    }

    @Test
    void reports_sms_and_mms_charges() {
        var body = get(SMS).json();
        assertThat(ids(body, "sms_charges", "message_id")).containsExactly("m1", "m2");
        assertThat(body.get("total_records").asLong()).isEqualTo(2);
        assertThat(body.get("sms_charges").get(0).toString()).isEqualTo("{\"session_id\":\"s-m1\",\"message_id\":\"m1\","
                + "\"message_type\":\"SMS\",\"from_number\":\"+14155550100\",\"from_extension_number\":\"1001\","
                + "\"from_display_name\":\"Ada Agent\",\"to_number\":\"+12125550123\",\"to_extension_number\":\"\","
                + "\"to_display_name\":\"\",\"sent_time\":\"2026-11-20T08:00:00Z\",\"billing_number\":\"+14155550100\","
                + "\"cost_center\":\"CC-100\",\"department\":\"Sales\",\"rate\":\"0.0075\",\"currency\":\"USD\","
                + "\"total_charge\":\"0.0150\"}");
        assertThat(body.get("sms_charges").get(1).get("message_type").asText()).isEqualTo("MMS");
        var october = get(SMS + "?from=2026-10-01&to=2026-10-31&show_charges_only=true").json();
        assertThat(ids(october, "sms_charges", "message_id")).containsExactly("m3");
        var first = get(SMS + "?page_size=1").json();
        assertThat(first.get("next_page_token").asText()).isNotEmpty();
        var second = get(SMS + "?page_size=1&next_page_token=" + first.get("next_page_token").asText()).json();
        assertThat(ids(second, "sms_charges", "message_id")).containsExactly("m2");
        assertThat(second.get("next_page_token").asText()).isEmpty();
    }

    @ParameterizedTest
    // The messages quote values with ' themselves: JUnit 6's CSV reader refuses a ' inside an unquoted field
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        CALLS + "?from=2026-11-01|to|Required when from is given. Use yyyy-mm-dd or yyyy-MM-dd'T'HH:mm:ss'Z'.",
        CALLS + "?to=2026-11-01|from|Required when to is given. Use yyyy-mm-dd or yyyy-MM-dd'T'HH:mm:ss'Z'.",
        CALLS + "?from=2026-11-20&to=2026-11-19|to|Must not be before from.",
        CALLS + "?from=2026-10-01&to=2026-11-01|to|The range from from to to must not exceed one month.",
        CALLS + "?from=2026/11/01&to=2026-11-02|from|'2026/11/01' is not a date. Use yyyy-mm-dd or yyyy-MM-dd'T'HH:mm:ss'Z'.",
        CALLS + "?from=2026-02-30&to=2026-03-02|from|'2026-02-30' is not a date. Use yyyy-mm-dd or yyyy-MM-dd'T'HH:mm:ss'Z'.",
        CALLS + "?from=2026-11-01T10:00:00+01:00&to=2026-11-02|from|'2026-11-01T10:00:00 01:00' is not a date. Use yyyy-mm-dd or yyyy-MM-dd'T'HH:mm:ss'Z'.",
        CALLS + "?page_size=0|page_size|Must be an integer from 1 to 300.",
        CALLS + "?page_size=301|page_size|Must be an integer from 1 to 300.",
        SMS + "?page_size=ten|page_size|Must be an integer from 1 to 300.",
        CALLS + "?show_charges_only=maybe|show_charges_only|Must be true or false.",
    })
    void refuses_bad_parameters_naming_the_field(String path, String field, String message) {
        var response = get(path);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"code\":300,\"message\":\"Validation Failed.\",\"errors\":[{\"field\":\""
                + field + "\",\"message\":\"" + message + "\"}]}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        CALLS + "?from=2025-10-23&to=2025-11-20|Invalid start date. Report is provided only for recent 13 months.",
        SMS + "?from=2025-10-23&to=2025-11-20|Invalid start date. Report is provided only for recent 13 months",
        CALLS + "?billing_account_id=BA-NOWHERE|The billing_account_id is invalid.",
        CALLS + "?next_page_token=not-a-token|The next page token is invalid or expired.",
        SMS + "?next_page_token=not-a-token|The next page token is invalid or expired",
    })
    void answers_the_specs_code_400_errors_verbatim(String path, String message) {
        var response = get(path);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"code\":400,\"message\":\"" + message + "\"}");
    }

    @Test
    void a_start_exactly_13_months_back_is_accepted() {
        assertThat(get(CALLS + "?from=2025-10-24&to=2025-11-20").status()).isEqualTo(200);
    }

    @Test
    void refuses_a_token_used_with_other_parameters_tampered_or_expired() {
        var first = get(CALLS + "?page_size=2").json().get("next_page_token").asText();
        var invalid = "{\"code\":400,\"message\":\"The next page token is invalid or expired.\"}";
        assertThat(get(CALLS + "?page_size=3&next_page_token=" + first).body()).isEqualTo(invalid);
        assertThat(get(CALLS + "?page_size=2&show_charges_only=true&next_page_token=" + first).body()).isEqualTo(invalid);
        assertThat(get(SMS + "?page_size=2&next_page_token=" + first).body())
                .isEqualTo("{\"code\":400,\"message\":\"The next page token is invalid or expired\"}");
        char secondLast = first.charAt(first.length() - 2);
        var tampered = first.substring(0, first.length() - 2) + (secondLast == 'A' ? 'B' : 'A') + first.charAt(first.length() - 1);
        assertThat(tampered).as("the tampered token differs").isNotEqualTo(first);
        assertThat(get(CALLS + "?page_size=2&next_page_token=" + tampered).body()).isEqualTo(invalid);
        assertThat(get(CALLS + "?page_size=2&next_page_token=" + first).status()).isEqualTo(200);
        server.clock.advance(Duration.ofMinutes(16));
        try {
            assertThat(get(CALLS + "?page_size=2&next_page_token=" + first).body()).isEqualTo(invalid);
        } finally {
            server.clock.advance(Duration.ofMinutes(-16));
        }
    }

    @Test
    void needs_a_phone_scope_and_shows_only_the_tokens_own_account() {
        var noPhone = server.tokenWithScopes(fx.master.account(), List.of("billing:master"));
        var refused = server.api.get(CALLS, noPhone);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("code").asInt()).isEqualTo(4711);
        var granular = server.tokenWithScopes(fx.master.account(), List.of("phone:read:call_charges:admin"));
        assertThat(server.api.get(CALLS, granular).status()).isEqualTo(200);
        assertThat(server.api.get(SMS, granular).status()).isEqualTo(401);
        var other = server.master("Another Reseller");
        var theirs = server.api.get(CALLS, other.token()).json();
        assertThat(theirs.get("total_records").asLong()).isZero();
        assertThat(theirs.get("call_charges")).isEmpty();
    }
}
