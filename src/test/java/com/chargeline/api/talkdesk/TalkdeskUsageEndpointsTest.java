package com.chargeline.api.talkdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.accounts.ApiScopes;
import com.chargeline.accounts.PayMode;
import com.chargeline.api.v1.UsageFixture;
import com.chargeline.invoicing.BillingMonth;
import com.chargeline.invoicing.UsageLine;
import com.chargeline.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /express/usage/month} through the real server: rows per account, month and product from the rated
 * usage, totals equal to the invoice's usage lines, HAL paging to the end and past it, filters and the 403 of an
 * account outside the organization.
 */
class TalkdeskUsageEndpointsTest {
    static TestServer server;
    static UsageFixture fx;
    static TestServer.Tenant other;
    static String token;

    @BeforeAll
    static void start() {
        server = new TestServer();
        fx = new UsageFixture(server, "Talkdesk Usage Org");
        other = server.master("Another Org");
        var calls = new ArrayList<String>();
        for (int i = 0; i < 12; i++) {
            calls.add(UsageFixture.call("td-" + i, "outbound", "+14155550100", i % 3 == 0 ? "+442071838750" : "+12125550123",
                    "1001", i % 4 == 0 ? 0 : 30 + 17 * i, "2026-10-" + String.format("%02d", 3 + i) + "T10:00:00Z"));
        }
        calls.add(UsageFixture.call("td-nov", "outbound", "+14155550100", "+12125550123", "1001", 95, "2026-11-02T10:00:00Z"));
        var r = server.api.post(fx.path("/usage/calls"), fx.master.token(), "[" + String.join(",", calls) + "]");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var sms = server.api.post(fx.path("/usage/sms"), fx.master.token(), "[{\"message_id\":\"td-m1\",\"direction\":"
                + "\"outbound\",\"from_number\":\"+14155550100\",\"to_number\":\"+12125550123\",\"sent_time\":"
                + "\"2026-10-09T10:00:00Z\",\"segments\":3}]");
        assertThat(sms.status()).as(sms.body()).isEqualTo(200);
        token = server.tokenWithScopes(fx.master.account(), List.of(ApiScopes.TALKDESK_USAGE_READ));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode get(String query) {
        var r = server.api.get("/express/usage/month" + query, token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static String filter(String expression) {
        return "filter=" + URLEncoder.encode(expression, StandardCharsets.UTF_8);
    }

    @Test
    void a_month_s_rows_add_up_to_the_invoice_usage_lines_and_carry_talkdesk_s_values() {
        var body = get("?" + filter("month eq '2026-10'") + "&per_page=250");
        var rows = body.get("_embedded").get("usage");
        assertThat(body.get("total").asInt()).isEqualTo(rows.size()).isPositive();
        var total = BigDecimal.ZERO;
        for (var row : rows) {
            assertThat(row.get("month").asText()).isEqualTo("2026-10");
            assertThat(row.get("account_id").asText()).isEqualTo(fx.master.id());
            assertThat(row.get("currency").asText()).isEqualTo("USD");
            assertThat(row.get("type").asText()).isIn("CALL", "MESSAGE");
            assertThat(row.get("unit").asText()).isEqualTo(row.get("type").asText().equals("CALL") ? "MINUTES" : "SEGMENTS");
            assertThat(row.get("direction").asText()).isEqualTo("OUTBOUND");
            assertThat(row.get("total_amount").isNumber()).isTrue();
            total = total.add(row.get("total_amount").decimalValue());
        }
        assertThat(rows).extracting(r -> r.get("resolution").isNull() ? "null" : r.get("resolution").asText())
                .contains("ANSWERED", "MISSED", "null");
        var lines = server.app.wiring().usageCharges.lines(fx.master.account().id(),
                new BillingMonth(YearMonth.of(2026, 10), ZoneOffset.UTC));
        var exact = lines.stream().map(UsageLine::charge).map(m -> m.amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total).as("the records' exact charges, as the invoice's usage lines sum them").isEqualByComparingTo(exact);
        var messages = rows.findValuesAsText("type").indexOf("MESSAGE");
        assertThat(rows.get(messages).get("number_of_units").asInt()).isEqualTo(3);
        assertThat(rows.get(messages).get("product_id").asText()).isEqualTo("CL-USG-MSG-SMS-OUTBOUND");
    }

    @Test
    void paging_links_walk_every_row_once_and_a_page_past_the_end_is_empty() {
        var all = get("?per_page=250").get("total").asInt();
        assertThat(all).isGreaterThan(3);
        var seen = new HashSet<String>();
        var href = "/express/usage/month?per_page=2&order_by=month:asc";
        int pages = 0;
        while (href != null) {
            var body = get(href.substring(href.indexOf('?')));
            body.get("_embedded").get("usage").forEach(r -> assertThat(seen.add(r.get("id").asText())).isTrue());
            var links = body.get("_links");
            assertThat(links.get("self").get("href").asText()).startsWith("http://").contains("order_by=month%3Aasc");
            assertThat(links.get("show")).isEqualTo(links.get("self"));
            href = links.has("next") ? links.get("next").get("href").asText() : null;
            pages++;
        }
        assertThat(seen).hasSize(all);
        assertThat(pages).isEqualTo((all + 1) / 2);
        var past = get("?per_page=2&page=99");
        assertThat(past.get("count").asInt()).isZero();
        assertThat(past.get("total").asInt()).isEqualTo(all);
        assertThat(past.get("_links").has("next")).isFalse();
        assertThat(past.get("_links").get("prev").get("href").asText()).contains("page=" + ((all + 1) / 2));
    }

    @Test
    void filters_select_accounts_and_months() {
        var nov = get("?" + filter("month gt '2026-10' and account_id eq '" + fx.master.id() + "'"));
        assertThat(nov.get("_embedded").get("usage")).allSatisfy(r -> assertThat(r.get("month").asText()).isEqualTo("2026-11"));
        assertThat(nov.get("_embedded").get("usage")).extracting(r -> r.get("type").asText())
                .as("November's one call, and the directory's numbers held since the 24th")
                .containsExactlyInAnyOrder("CALL", "NUMBER");
        var none = get("?" + filter("month lt '2026-01'"));
        assertThat(none.get("total").asInt()).isZero();
        var either = get("?" + filter("(month eq '2026-11' or month eq '2026-10') and account_id ne '" + fx.master.id() + "'"));
        assertThat(either.get("total").asInt()).isZero();
    }

    @Test
    void plan_licences_are_product_service_rows_of_what_the_invoices_charged() {
        try (var own = new TestServer()) {
            var master = own.master("Licensed Org");
            own.subscribe(master, "monthly", 2); // 2026-11-24: 15.99 per host per month
            own.clock.advance(java.time.Duration.between(own.clock.instant(), java.time.Instant.parse("2026-12-01T01:00:00Z")));
            assertThat(own.app.wiring().runInvoices.run(YearMonth.of(2026, 11), null, "test").drafted()).hasSize(1);
            var td = own.tokenWithScopes(master.account(), List.of(ApiScopes.TALKDESK_USAGE_READ));
            var r = own.api.get("/express/usage/month?order_by=month:asc", td);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            var rows = r.json().get("_embedded").get("usage");
            assertThat(rows).extracting(row -> row.get("month").asText() + "|" + row.get("type").asText() + "|"
                    + row.get("product_id").asText() + "|" + row.get("number_of_units").decimalValue().toPlainString() + "|"
                    + row.get("total_amount").decimalValue().toPlainString() + "|" + row.get("unit").asText())
                    .containsExactly("2026-11|PRODUCT_SERVICE|CL-LIC-MONTHLY|2|7.46|OTHER",
                            "2026-12|PRODUCT_SERVICE|CL-LIC-MONTHLY|2|31.98|OTHER");
            assertThat(rows.get(1).get("price").decimalValue()).isEqualByComparingTo("15.99");
            assertThat(rows.get(0).get("resolution").isNull()).isTrue();
        }
    }

    @Test
    void numbers_count_in_every_month_of_the_account_s_calendar_they_were_held_in_once_each() {
        try (var own = new TestServer()) {
            var master = own.master("Numbered Org"); // the clock starts at 2026-11-24T10:00Z
            own.app.wiring().updateTimeZone.update(master.account().id(), "America/Los_Angeles");
            var users = "/api/v1/accounts/" + master.id() + "/users";
            var numbers = "/api/v1/accounts/" + master.id() + "/numbers/";
            var created = own.api.post(users, master.token(), """
                    [{"email":"a@numbered.example","name":"A","phone_numbers":["+14155550100","+14155550101"]}]""");
            assertThat(created.status()).as(created.body()).isEqualTo(200);

            var token = at(own, "2026-12-10T12:00:00Z", master);
            assertThat(own.api.delete(numbers + "%2B14155550101", token).status()).isEqualTo(204);
            var again = own.api.delete(numbers + "%2B14155550101", token);
            assertThat(again.status()).isEqualTo(404);
            assertThat(again.json().get("message").asText()).isEqualTo("The account has no number +14155550101.");
            token = at(own, "2026-12-20T12:00:00Z", master); // taken back in the month of its release: counted once
            assertThat(own.api.post(users, token, """
                    [{"email":"b@numbered.example","name":"B","phone_numbers":["(415) 555-0101"]}]""").status())
                    .isEqualTo(200);
            token = at(own, "2027-01-01T05:00:00Z", master); // still 2026-12-31 in Los Angeles: last held in December
            assertThat(own.api.delete(numbers + "4155550101", token).status())
                    .as("a national number in the account's country").isEqualTo(204);
            var taker = own.master("Taker Org");
            var takerToken = at(own, "2027-02-03T12:00:00Z", taker);
            assertThat(own.api.post("/api/v1/accounts/" + taker.id() + "/users", takerToken, """
                    [{"email":"t@taker.example","name":"T","phone_numbers":["+14155550101"]}]""").status())
                    .as("a released number may go to another account").isEqualTo(200);

            var td = own.tokenWithScopes(master.account(), List.of(ApiScopes.TALKDESK_USAGE_READ));
            var r = own.api.get("/express/usage/month?order_by=month:asc", td);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            var rows = r.json().get("_embedded").get("usage");
            assertThat(rows).extracting(row -> row.get("month").asText() + "|" + row.get("number_of_units").asText())
                    .containsExactly("2026-11|2", "2026-12|2", "2027-01|1", "2027-02|1");
            assertThat(rows).allSatisfy(row -> {
                assertThat(row.get("type").asText()).isEqualTo("NUMBER");
                assertThat(row.get("unit").asText()).isEqualTo("NUMBERS");
                assertThat(row.get("product_id").asText()).isEqualTo("CL-NUM-PHONE");
                assertThat(row.get("aggr_product_id").asText()).isEqualTo("CL-NUM");
                assertThat(row.get("direction").isNull()).isTrue();
                assertThat(row.get("total_amount").decimalValue()).isEqualByComparingTo("0");
            });
            var december = own.api.get("/express/usage/month?" + filter("month eq '2026-12'"), td).json();
            assertThat(december.get("total").asInt()).as("the filter applies to number rows too").isEqualTo(1);
            var current = own.api.get("/api/v1/accounts/" + master.id() + "/numbers",
                    at(own, "2027-02-03T12:00:00Z", master)).json();
            assertThat(current.get("numbers")).extracting(n -> n.get("number").asText()).containsExactly("+14155550100");
        }
    }

    @Test
    void a_new_time_zone_moves_the_months_numbers_were_held_in() {
        try (var own = new TestServer()) {
            var master = own.master("Rezoned Org");
            var token = at(own, "2026-12-01T03:00:00Z", master); // December in UTC, still November in Los Angeles
            assertThat(own.api.post("/api/v1/accounts/" + master.id() + "/users", token, """
                    [{"email":"a@rezoned.example","name":"A","phone_numbers":["+14155550100"]}]""").status())
                    .isEqualTo(200);
            var td = own.tokenWithScopes(master.account(), List.of(ApiScopes.TALKDESK_USAGE_READ));
            assertThat(own.api.get("/express/usage/month", td).json().get("_embedded").get("usage"))
                    .extracting(row -> row.get("month").asText()).containsExactly("2026-12");
            own.app.wiring().updateTimeZone.update(master.account().id(), "America/Los_Angeles");
            assertThat(own.api.get("/express/usage/month", td).json().get("_embedded").get("usage"))
                    .as("in Los Angeles it is still November: held since November, and no December yet")
                    .extracting(row -> row.get("month").asText()).containsExactly("2026-11");
        }
    }

    /** Moves the clock to {@code instant}; returns a fresh token of {@code tenant} (the older ones have expired). */
    private static String at(TestServer own, String instant, TestServer.Tenant tenant) {
        own.clock.advance(java.time.Duration.between(own.clock.instant(), java.time.Instant.parse(instant)));
        return own.api.token(tenant.id(), tenant.clientId(), tenant.secret()).json().get("access_token").asText();
    }

    @Test
    void every_refusal_has_its_exact_talkdesk_body() {
        var cases = new java.util.LinkedHashMap<String, String>();
        cases.put(filter("month like '2026-10'"), "filter|unexpected 'like' at position 7: expected eq, ne, gt, ge, lt or le");
        cases.put(filter("month eq '2026-10"), "filter|unterminated quoted value starting at position 10");
        cases.put(filter("month eq 2026-10"),
                "filter|unexpected '2026-10' at position 10: expected a single-quoted value such as '2024-01'");
        cases.put(filter("month eq '2026-13'"), "filter|expected a month 'YYYY-MM' at position 10, got '2026-13'");
        cases.put(filter("(month eq '2026-10'"),
                "filter|unexpected end of filter at position 20: expected and, or or ')' to close the '(' at position 1");
        cases.put("filter=" + "a".repeat(1601), "filter|the filter is 1601 characters long; the maximum is 1600");
        cases.put("per_page=251", "per_page|must be a whole number from 1 to 250, got '251'");
        cases.put("per_page=0", "per_page|must be a whole number from 1 to 250, got '0'");
        cases.put("page=0", "page|must be a whole number from 1 up, got '0'");
        cases.put("page=abc", "page|must be a whole number from 1 up, got 'abc'");
        cases.put("page=1&page=2", "page|given 2 times; give it once");
        cases.put("order_by=cost:asc", "order_by|unknown field 'cost' in order_by: expected id, month or account_id");
        cases.put("order_by=month:up", "order_by|unknown direction 'up' in order_by: expected asc or desc after 'month:'");
        cases.put("order_by=" + "m".repeat(41), "order_by|order_by is 41 characters long; the maximum is 40");
        cases.forEach((query, field) -> {
            var r = server.api.get("/express/usage/month?" + query, token);
            var parts = field.split("\\|", 2);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.body()).as(query).isEqualTo("{\"code\":\"0400001\",\"message\":\"Bad Request\",\"description\":"
                    + "\"Validation Failed.\",\"fields\":[{\"name\":\"" + parts[0] + "\",\"description\":\""
                    + parts[1] + "\"}]}");
        });

        var outside = server.api.get("/express/usage/month?" + filter("account_id eq '" + other.id() + "'"), token);
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.body()).isEqualTo("{\"code\":\"0403002\",\"message\":\"Forbidden\",\"description\":"
                + "\"The account " + other.id() + " is not under the organization.\",\"fields\":[{\"name\":"
                + "\"account_id\",\"description\":\"not under the organization\"}]}");
        var noScope = server.api.get("/express/usage/month", fx.master.token());
        assertThat(noScope.status()).isEqualTo(403);
        assertThat(noScope.body()).isEqualTo("{\"code\":\"0403001\",\"message\":\"Forbidden\",\"description\":"
                + "\"The access token does not contain the scope express-accounts-usage:read.\",\"fields\":[]}");
        var unauthenticated = server.api.get("/express/usage/month", null);
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.body()).isEqualTo("{\"code\":\"0401001\",\"message\":\"Unauthorized\","
                + "\"description\":\"Missing, malformed, expired or revoked access token.\",\"fields\":[]}");
    }

    @Test
    void an_account_outside_the_organization_is_403_and_a_bad_filter_400_naming_it() {
        var outside = server.api.get("/express/usage/month?" + filter("account_id eq '" + other.id() + "'"), token);
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.json().get("code").asText()).isEqualTo("0403002");
        var bad = server.api.get("/express/usage/month?" + filter("month like '2026-10'"), token);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("fields").get(0).get("name").asText()).isEqualTo("filter");
        assertThat(bad.json().get("fields").get(0).get("description").asText()).contains("position 7");
        var perPage = server.api.get("/express/usage/month?per_page=251", token);
        assertThat(perPage.status()).isEqualTo(400);
        assertThat(perPage.json().get("fields").get(0).get("name").asText()).isEqualTo("per_page");
        var twice = server.api.get("/express/usage/month?page=1&page=2", token);
        assertThat(twice.status()).isEqualTo(400);
        var sub = server.sub(fx.master, "Talkdesk Sub", PayMode.MASTER);
        var ofSub = get("?" + filter("account_id eq '" + sub.id() + "'"));
        assertThat(ofSub.get("total").asInt()).as("a sub account of the organization, without usage").isZero();
    }
}
