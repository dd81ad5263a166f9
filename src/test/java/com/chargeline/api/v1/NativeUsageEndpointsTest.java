package com.chargeline.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.testing.TestServer;
import java.math.BigDecimal;
import java.util.List;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NativeUsageEndpointsTest {
    static TestServer server;
    static UsageFixture fx;

    @BeforeAll
    static void start() {
        server = new TestServer();
        fx = new UsageFixture(server, "Usage Master");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String calls(String... items) {
        return "[" + String.join(",", items) + "]";
    }

    private long storedCalls() {
        return server.app.wiring().db.withHandle(h -> h.createQuery("SELECT count(*) FROM rated_call WHERE account_id = :a")
                .bind("a", fx.master.account().id().value()).mapTo(Long.class).one());
    }

    @Test
    void rates_enriches_explains_and_stays_idempotent() {
        var batch = calls(
                UsageFixture.call("c-local", "outbound", "+14155550100", "+12125550123", "1001", 45, "2026-11-20T10:00:45Z"),
                UsageFixture.call("c-uk-mobile", "outbound", "+14155550100", "+447911123456", "1001", 90, "2026-11-20T11:00:00Z"),
                UsageFixture.call("c-in", "inbound", "+442079460958", "+14155550100", null, 300, "2026-11-20T12:00:00Z"));

        var response = server.api.post(fx.path("/usage/calls"), fx.master.token(), batch);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var body = response.json();
        assertThat(body.get("accepted").asInt()).isEqualTo(3);
        assertThat(body.get("duplicates").asInt()).isZero();
        assertThat(new BigDecimal(body.get("total_charge").asText())).isEqualByComparingTo("0.4400");

        var local = server.api.get(fx.path("/usage/calls/c-local"), fx.master.token()).json();
        assertThat(local.get("call_type").asText()).isEqualTo("local");
        assertThat(local.get("total_charge").asText()).isEqualTo("0.0400");
        assertThat(local.get("rate").asText()).isEqualTo("0.05");
        assertThat(local.get("cost_center").asText()).isEqualTo("CC-100");
        var fields = new java.util.ArrayList<String>();
        local.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as("the call view is an allow list, in this order").containsExactly("end_time", "call_log_id",
                "rating_no", "direction", "caller_number", "caller_billing_number", "callee_number", "callee_billing_number",
                "call_type", "service_type", "calling_party_name", "cost_center", "employee_id", "department",
                "billing_account_id", "start_time", "answer_time", "duration_seconds", "result", "charge_mode", "rate",
                "currency", "total_charge", "billing_number", "forward_number_billing", "status", "rating_error", "rated_at",
                "extension_number", "explanation", "ratings");
        assertThat(local.get("calling_party_name").asText()).isEqualTo("Ada Agent");
        assertThat(local.get("billing_account_id").asText()).isEqualTo("BA-EAST");
        assertThat(local.get("billing_number").asText()).isEqualTo("+14155550100 Ext. 1001");
        assertThat(local.get("end_time").asText()).isEqualTo("2026-11-20T10:00:45Z");
        var why = local.get("explanation");
        assertThat(why.get("billed_seconds").asInt()).isEqualTo(48);
        assertThat(why.get("actual_seconds").asInt()).isEqualTo(45);
        assertThat(why.get("increments").asText()).isEqualTo("30/6");
        assertThat(why.get("rate_prefix").asText()).isEqualTo("1");
        assertThat(why.get("deck_version").asInt()).isEqualTo(2);

        var ukMobile = server.api.get(fx.path("/usage/calls/c-uk-mobile"), fx.master.token()).json();
        assertThat(ukMobile.get("charge_mode").asText()).isEqualTo("per_call_per_min");
        assertThat(ukMobile.get("total_charge").asText()).isEqualTo("0.4000");
        assertThat(server.api.get(fx.path("/usage/calls/c-in"), fx.master.token()).json().get("status").asText())
                .isEqualTo("not_charged");

        var again = server.api.post(fx.path("/usage/calls"), fx.master.token(), batch).json();
        assertThat(again.get("accepted").asInt()).isZero();
        assertThat(again.get("duplicates").asInt()).isEqualTo(3);
        assertThat(storedCalls()).isEqualTo(3 + otherTestsCalls());
        assertRollupsMatchRecords();
    }

    private long otherTestsCalls() {
        return server.app.wiring().db.withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM rated_call WHERE account_id = :a AND call_log_id NOT IN ('c-local','c-uk-mobile','c-in')")
                .bind("a", fx.master.account().id().value()).mapTo(Long.class).one());
    }

    private void assertRollupsMatchRecords() {
        server.app.wiring().db.withHandle(h -> {
            var a = fx.master.account().id().value();
            var records = h.createQuery("SELECT count(*), coalesce(sum(total_charge), 0) FROM rated_call WHERE account_id = :a AND current")
                    .bind("a", a).map((rs, c) -> new Object[] {rs.getLong(1), rs.getBigDecimal(2)}).one();
            for (var table : new String[] {"usage_hourly", "usage_monthly"}) {
                var rolled = h.createQuery("SELECT coalesce(sum(records), 0), coalesce(sum(total_charge), 0) FROM " + table
                                + " WHERE account_id = :a AND kind = 'call'")
                        .bind("a", a).map((rs, c) -> new Object[] {rs.getLong(1), rs.getBigDecimal(2)}).one();
                assertThat(rolled[0]).as(table + " records").isEqualTo(records[0]);
                assertThat((BigDecimal) rolled[1]).as(table + " charge").isEqualByComparingTo((BigDecimal) records[1]);
            }
            return null;
        });
    }

    @Test
    void an_unknown_destination_is_stored_with_a_visible_rating_error() {
        var response = server.api.post(fx.path("/usage/calls"), fx.master.token(), calls(
                UsageFixture.call("c-fr", "outbound", "+14155550100", "+33142685300", "1001", 60, "2026-11-21T09:00:00Z")));

        var body = response.json();
        assertThat(body.get("accepted").asInt()).isEqualTo(1);
        assertThat(body.get("rating_errors").get(0).get("reason").asText())
                .isEqualTo("no rate for international +33142685300 in deck Standard v2");
        var stored = server.api.get(fx.path("/usage/calls/c-fr"), fx.master.token()).json();
        assertThat(stored.get("status").asText()).isEqualTo("error");
        assertThat(stored.get("rating_error").asText()).startsWith("no rate for international");
        assertRollupsMatchRecords();
    }

    @Test
    void a_records_explanation_shows_its_rate_row_and_deck() {
        var response = server.api.post(fx.path("/usage/calls"), fx.master.token(), calls(
                UsageFixture.call("x-uk", "outbound", "+14155550100", "+447911123456", "1001", 45, "2026-11-21T10:00:00Z"),
                UsageFixture.call("x-fr", "outbound", "+14155550100", "+33142685301", "1001", 60, "2026-11-21T10:01:00Z")));
        assertThat(response.status()).as(response.body()).isEqualTo(200);

        var rated = server.api.get(fx.path("/usage/calls/x-uk"), fx.master.token()).json().get("explanation");
        assertThat(rated.properties()).hasSize(20);
        assertThat(rated.get("status").asText()).isEqualTo("rated");
        assertThat(rated.get("actual_seconds").asInt()).isEqualTo(45);
        assertThat(rated.get("billed_seconds").asInt()).isEqualTo(60);
        assertThat(rated.get("increments").asText()).isEqualTo("60/60");
        assertThat(rated.get("charge_mode").asText()).isEqualTo("per_call_per_min");
        assertThat(rated.get("rate_per_min").asText()).isEqualTo("0.15");
        assertThat(rated.get("per_call_fee").asText()).isEqualTo("0.1");
        assertThat(rated.get("rate_prefix").asText()).isEqualTo("447");
        assertThat(rated.get("rate_destination").asText()).isEqualTo("United Kingdom mobile");
        assertThat(rated.get("rate_row").asInt()).isEqualTo(3);
        assertThat(rated.get("deck_id").asText()).isEqualTo(fx.deckId);
        assertThat(rated.get("deck_name").asText()).isEqualTo("Standard");
        assertThat(rated.get("deck_precision").asInt()).isEqualTo(4);
        assertThat(rated.get("rated_number").asText()).isEqualTo("447911123456");

        // Records stored before explanations were slimmed carry the rate's fields themselves: those are shown.
        server.app.wiring().db.withHandle(h -> h.execute("UPDATE rated_call SET explanation = explanation "
                + "|| '{\"deck_name\": \"Standard (2025)\", \"increments\": \"30/6\"}' WHERE call_log_id = 'x-uk'"));
        var old = server.api.get(fx.path("/usage/calls/x-uk"), fx.master.token()).json().get("explanation");
        assertThat(old.get("deck_name").asText()).isEqualTo("Standard (2025)");
        assertThat(old.get("increments").asText()).isEqualTo("30/6");
        assertThat(old.get("rate_prefix").asText()).isEqualTo("447");

        var unpriced = server.api.get(fx.path("/usage/calls/x-fr"), fx.master.token()).json().get("explanation");
        assertThat(unpriced.properties()).hasSize(20);
        assertThat(unpriced.get("status").asText()).isEqualTo("error");
        assertThat(unpriced.get("deck_name").asText()).isEqualTo("Standard");
        for (var field : List.of("increments", "charge_mode", "rate_per_min", "per_call_fee", "rate_prefix",
                "rate_destination", "rate_row", "calling_plan")) {
            assertThat(unpriced.get(field).isNull()).as(field).isTrue();
        }
    }

    @Test
    void included_minutes_run_out_in_end_time_order() {
        var response = server.api.post(fx.path("/usage/calls"), fx.master.token(), calls(
                UsageFixture.call("p-2", "outbound", "+14155550101", "+12125550199", "1002", 45, "2026-11-22T10:05:00Z"),
                UsageFixture.call("p-1", "outbound", "+14155550101", "+12125550199", "1002", 45, "2026-11-22T10:00:00Z")));
        assertThat(response.status()).as(response.body()).isEqualTo(200);

        var first = server.api.get(fx.path("/usage/calls/p-1"), fx.master.token()).json();
        var second = server.api.get(fx.path("/usage/calls/p-2"), fx.master.token()).json();
        assertThat(first.get("explanation").get("allowance_seconds").asInt()).isEqualTo(48);
        assertThat(first.get("total_charge").asText()).isEqualTo("0.0000");
        assertThat(second.get("explanation").get("allowance_seconds").asInt()).isEqualTo(12);
        assertThat(second.get("explanation").get("calling_plan").asText()).isEqualTo("US One Minute");
        assertThat(second.get("total_charge").asText()).isEqualTo("0.0300");
    }

    @Test
    void texts_with_copy_format_characters_are_stored_exactly() {
        var call = UsageFixture.call("nul-1", "outbound", "+14155550100", "+12125550123", "1001", 30, "2026-11-23T11:00:00Z")
                .replace("}", ",\"calling_party_name\":\"\\\\N\",\"cost_center\":\"\",\"department\":\"Tab\\there\","
                        + "\"employee_id\":\"back\\\\slash\",\"forward_number_billing\":\"line\\nbreak\\r\"}");
        var response = server.api.post(fx.path("/usage/calls"), fx.master.token(), "[" + call + "]");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var stored = server.api.get(fx.path("/usage/calls/nul-1"), fx.master.token()).json();
        assertThat(stored.get("calling_party_name").asText()).isEqualTo("\\N");
        assertThat(stored.get("cost_center").asText()).isEmpty();
        assertThat(stored.get("department").asText()).isEqualTo("Tab\there");
        assertThat(stored.get("employee_id").asText()).isEqualTo("back\\slash");
        assertThat(stored.get("forward_number_billing").asText()).isEqualTo("line\nbreak\r");
    }

    @Test
    void ids_with_tabs_and_backslashes_are_claimed_and_found_exactly() {
        var batch = calls(
                UsageFixture.call("tab\\there", "outbound", "+14155550100", "+12125550123", "1001", 30, "2026-11-23T12:00:00Z"),
                UsageFixture.call("back\\\\slash", "outbound", "+14155550100", "+12125550123", "1001", 30, "2026-11-23T12:01:00Z"));
        assertThat(server.api.post(fx.path("/usage/calls"), fx.master.token(), batch).json().get("accepted").asInt())
                .isEqualTo(2);
        var again = server.api.post(fx.path("/usage/calls"), fx.master.token(), batch).json();
        assertThat(again.get("accepted").asInt()).isZero();
        assertThat(again.get("duplicates").asInt()).isEqualTo(2);
        var stored = server.api.get(fx.path("/usage/calls/" + java.net.URLEncoder.encode("back\\slash",
                java.nio.charset.StandardCharsets.UTF_8)), fx.master.token());
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.json().get("call_log_id").asText()).isEqualTo("back\\slash");
    }

    @Test
    void accepts_ndjson() {
        var ndjson = UsageFixture.call("n-1", "outbound", "+14155550100", "+12125550123", "1001", 60, "2026-11-23T10:00:00Z")
                + "\n" + UsageFixture.call("n-2", "outbound", "+14155550100", "+12125550123", "1001", 0, "2026-11-23T10:01:00Z") + "\n";
        var response = server.api.send("POST", fx.path("/usage/calls"), fx.master.token(), "application/x-ndjson", ndjson);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("accepted").asInt()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "negative duration | {\"call_log_id\":\"h1\",\"direction\":\"outbound\",\"caller_number\":\"+14155550100\",\"callee_number\":\"+12125550123\",\"duration_seconds\":-5,\"end_time\":\"2026-11-20T10:00:00Z\"} | records[0].duration_seconds",
        "end before start | {\"call_log_id\":\"h2\",\"direction\":\"outbound\",\"caller_number\":\"+14155550100\",\"callee_number\":\"+12125550123\",\"start_time\":\"2026-11-20T10:00:00Z\",\"end_time\":\"2026-11-20T09:00:00Z\"} | records[0].end_time",
        "unknown direction | {\"call_log_id\":\"h3\",\"direction\":\"sideways\",\"caller_number\":\"+14155550100\",\"callee_number\":\"+12125550123\",\"end_time\":\"2026-11-20T10:00:00Z\"} | records[0].direction",
        "unknown result | {\"call_log_id\":\"h4\",\"direction\":\"outbound\",\"caller_number\":\"+14155550100\",\"callee_number\":\"+12125550123\",\"result\":\"maybe\",\"end_time\":\"2026-11-20T10:00:00Z\"} | records[0].result",
        "malformed number | {\"call_log_id\":\"h5\",\"direction\":\"outbound\",\"caller_number\":\"+14155550100\",\"callee_number\":\"call-me\",\"end_time\":\"2026-11-20T10:00:00Z\"} | records[0].callee_number",
        "impossible date | {\"call_log_id\":\"h6\",\"direction\":\"outbound\",\"caller_number\":\"+14155550100\",\"callee_number\":\"+12125550123\",\"end_time\":\"2026-02-30T10:00:00Z\"} | records[0].end_time",
        "future end | {\"call_log_id\":\"h7\",\"direction\":\"outbound\",\"caller_number\":\"+14155550100\",\"callee_number\":\"+12125550123\",\"end_time\":\"2027-01-01T10:00:00Z\"} | records[0].end_time",
        "wrong type | {\"call_log_id\":\"h8\",\"direction\":\"outbound\",\"caller_number\":\"+14155550100\",\"callee_number\":\"+12125550123\",\"duration_seconds\":\"sixty\",\"end_time\":\"2026-11-20T10:00:00Z\"} | records[0].duration_seconds",
    })
    void hostile_records_get_precise_errors_and_store_nothing(String name, String record, String field) {
        long before = storedCalls();
        var good = UsageFixture.call("good-" + field.hashCode() + name.length(), "outbound", "+14155550100", "+12125550123",
                "1001", 30, "2026-11-20T10:00:00Z");

        var response = server.api.post(fx.path("/usage/calls"), fx.master.token(), "[" + good + "," + record.replace("records[0]", "") + "]"
                .replace("[0]", ""));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("code").asInt()).isEqualTo(300);
        var fields = new ArrayList<String>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).contains(field.replace("records[0]", "records[1]"));
        assertThat(storedCalls()).as("a rejected batch stores nothing").isEqualTo(before);
    }

    @Test
    void duplicate_ids_in_a_batch_oversized_batches_wrong_types_and_unknown_accounts_are_refused() {
        var one = UsageFixture.call("d-1", "outbound", "+14155550100", "+12125550123", "1001", 30, "2026-11-20T10:00:00Z");
        var dup = server.api.post(fx.path("/usage/calls"), fx.master.token(), calls(one, one));
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.json().get("errors").get(0).get("field").asText()).isEqualTo("records[1].call_log_id");

        var many = new StringBuilder("[");
        for (int i = 0; i <= 10_000; i++) {
            many.append(i == 0 ? "" : ",").append("{}");
        }
        var tooMany = server.api.post(fx.path("/usage/calls"), fx.master.token(), many.append("]").toString());
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("message").asText()).isEqualTo("A request holds at most 10000 records; this one holds 10001.");

        var csv = server.api.send("POST", fx.path("/usage/calls"), fx.master.token(), "text/csv", "a,b");
        assertThat(csv.status()).isEqualTo(400);
        assertThat(csv.json().get("message").asText()).startsWith("Unsupported Content-Type: text/csv");

        var object = server.api.post(fx.path("/usage/calls"), fx.master.token(), one);
        assertThat(object.json().get("message").asText()).isEqualTo("Request Body should be a JSON array of records.");

        var unknown = server.api.post("/api/v1/accounts/AAAAAAAAAAAAAAAAAAAAAA/usage/calls", fx.master.token(), calls(one));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asInt()).isEqualTo(2001);
        assertThat(server.api.get(fx.path("/usage/calls/d-1"), fx.master.token()).status()).isEqualTo(404);
    }
}
