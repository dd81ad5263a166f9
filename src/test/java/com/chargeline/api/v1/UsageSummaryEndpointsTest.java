package com.chargeline.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.accounts.ApiScopes;
import com.chargeline.accounts.PayMode;
import com.chargeline.invoicing.BillingMonth;
import com.chargeline.invoicing.UsageLine;
import com.chargeline.testing.Api;
import com.chargeline.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/accounts/{id}/usage/summary} through the real server: totals over days of the account's calendar
 * (New York here, so a call at 03:30 UTC on 1 November is on 31 October), by each grouping, as JSON and CSV, equal to
 * the invoice usage lines and the Talkdesk monthly usage of the same month; access and bad parameters.
 */
class UsageSummaryEndpointsTest {
    static TestServer server;
    static UsageFixture fx;
    static TestServer.Tenant sub;
    static TestServer.Tenant other;
    static String ada;
    static String bob;

    @BeforeAll
    static void start() {
        server = new TestServer();
        fx = new UsageFixture(server, "Summary Master");
        var zone = server.api.patch(fx.path("/settings"), fx.master.token(), "{\"time_zone\":\"America/New_York\"}");
        assertThat(zone.status()).as(zone.body()).isEqualTo(200);
        sub = server.sub(fx.master, "Summary Sub", PayMode.MASTER);
        other = server.master("Summary Other Org");
        var users = server.api.get(fx.path("/users"), fx.master.token());
        assertThat(users.status()).as(users.body()).isEqualTo(200);
        for (var u : users.json().get("users")) {
            if (u.findValue("extension_number").asText().equals("1001")) {
                ada = u.get("user_id").asText();
            } else {
                bob = u.get("user_id").asText();
            }
        }
        var calls = server.api.post(fx.path("/usage/calls"), fx.master.token(), "[" + String.join(",",
                UsageFixture.call("s-1", "outbound", "+14155550100", "+12125550123", "1001", 45, "2026-10-20T15:00:00Z"),
                UsageFixture.call("s-2", "outbound", "+14155550100", "+12125550123", "1001", 90, "2026-11-01T03:30:00Z"),
                UsageFixture.call("s-3", "outbound", "+14155550100", "+12125550123", "1001", 200, "2026-11-01T05:00:00Z"),
                UsageFixture.call("s-4", "outbound", "+14155550101", "+442071838750", "1002", 61, "2026-11-15T15:00:00Z"),
                UsageFixture.call("s-5", "outbound", "+14155550100", "+447911123456", "1001", 130, "2026-11-16T15:00:00Z"),
                UsageFixture.call("s-6", "outbound", "+14155550100", "+12125550123", "1001", 0, "2026-11-20T15:00:00Z"))
                + "]");
        assertThat(calls.status()).as(calls.body()).isEqualTo(200);
        var sms = server.api.post(fx.path("/usage/sms"), fx.master.token(), """
                [{"message_id":"m-1","direction":"outbound","from_number":"+14155550100","to_number":"+12125550123",
                  "sent_time":"2026-11-10T12:00:00Z","text_length":200,"encoding":"gsm7"},
                 {"message_id":"m-2","direction":"outbound","from_number":"+14155550100","to_number":"+447911123456",
                  "sent_time":"2026-11-10T12:01:00Z","message_type":"MMS"}]""");
        assertThat(sms.status()).as(sms.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Api.Response get(String account, String token, String query) {
        return server.api.get("/api/v1/accounts/" + account + "/usage/summary?" + query, token);
    }

    private static JsonNode summary(String query) {
        var r = get(fx.master.id(), fx.master.token(), query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.body()).as("decimals are written as such, never through a float").doesNotContainPattern("\":-?[0-9.]+[eE]");
        return r.json();
    }

    private static final String NOVEMBER = "from=2026-11-01&to=2026-11-30";

    @Test
    void a_month_in_total_is_what_the_invoice_lines_and_the_talkdesk_usage_say() {
        var body = summary(NOVEMBER);
        assertThat(body.get("account_id").asText()).isEqualTo(fx.master.id());
        assertThat(body.get("time_zone").asText()).isEqualTo("America/New_York");
        assertThat(body.get("group_by").asText()).isEqualTo("none");
        assertThat(body.get("rows")).hasSize(1);
        var total = body.get("rows").get(0);
        assertThat(total.get("currency").asText()).isEqualTo("USD");
        // s-2 ended at 23:30 on 31 October in New York: November has s-3 .. s-6 and both messages
        assertThat(total.get("calls").asLong()).isEqualTo(4);
        assertThat(total.get("messages").asLong()).isEqualTo(2);
        assertThat(total.get("segments").asLong()).isEqualTo(3);

        var month = new BillingMonth(YearMonth.of(2026, 11), ZoneId.of("America/New_York"));
        var lines = server.app.wiring().usageCharges.lines(fx.master.account().id(), month);
        var charged = lines.stream().map(l -> l.charge().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total.get("charges").decimalValue()).as("the invoice usage lines' exact charges")
                .isEqualByComparingTo(charged).isPositive();
        assertThat(lines.stream().filter(l -> l.kind() == UsageLine.Kind.MESSAGES).mapToLong(UsageLine::segments).sum())
                .isEqualTo(3);

        var td = server.tokenWithScopes(fx.master.account(), List.of(ApiScopes.TALKDESK_USAGE_READ));
        var filter = URLEncoder.encode("month eq '2026-11'", StandardCharsets.UTF_8);
        var usage = server.api.get("/express/usage/month?per_page=250&filter=" + filter, td);
        assertThat(usage.status()).as(usage.body()).isEqualTo(200);
        var minutes = BigDecimal.ZERO;
        var tdCharges = BigDecimal.ZERO;
        long segments = 0;
        for (var row : usage.json().get("_embedded").get("usage")) {
            if (row.get("type").asText().equals("CALL")) {
                minutes = minutes.add(row.get("number_of_units").decimalValue());
                tdCharges = tdCharges.add(row.get("total_amount").decimalValue());
            } else if (row.get("type").asText().equals("MESSAGE")) {
                segments += row.get("number_of_units").asLong();
                tdCharges = tdCharges.add(row.get("total_amount").decimalValue());
            }
        }
        assertThat(total.get("billed_minutes").decimalValue()).as("Talkdesk's billed minutes").isEqualByComparingTo(minutes)
                .isPositive();
        assertThat(total.get("billed_seconds").asLong()).isEqualTo(minutes.multiply(BigDecimal.valueOf(60)).longValueExact());
        assertThat(total.get("segments").asLong()).isEqualTo(segments);
        assertThat(total.get("charges").decimalValue()).as("Talkdesk's total amounts").isEqualByComparingTo(tdCharges);

        var records = server.app.wiring().db.withHandle(h -> h.createQuery("SELECT sum(records) FILTER (WHERE kind = 'call')"
                + " || ' ' || sum(records) FILTER (WHERE kind = 'sms') FROM usage_lines_monthly WHERE account_id = :a "
                + "AND month = '2026-11-01'").bind("a", fx.master.account().id().value()).mapTo(String.class).one());
        assertThat(records).as("calls and messages of the invoice-line totals, charged or not").isEqualTo("4 2");
    }

    @Test
    void every_grouping_splits_the_same_total_by_its_key() {
        var total = summary(NOVEMBER).get("rows").get(0);
        var expected = Map.of(
                "day", Map.of("2026-11-01", 1L, "2026-11-10", 0L, "2026-11-15", 1L, "2026-11-16", 1L, "2026-11-20", 1L),
                "call_type", Map.of("local", 2L, "international", 2L, "SMS", 0L, "MMS", 0L),
                "destination_country", Map.of("US", 2L, "GB", 1L, "GG", 1L),
                "user", Map.of(ada, 3L, bob, 1L),
                "cost_center", Map.of("CC-100", 3L, "CC-200", 1L),
                "department", Map.of("Sales", 3L, "Support", 1L),
                "billing_account", Map.of("BA-EAST", 3L, "", 1L));
        var keys = Map.of("day", "day", "call_type", "call_type", "destination_country", "destination_country",
                "user", "user_id", "cost_center", "cost_center", "department", "department",
                "billing_account", "billing_account_id");
        for (var e : expected.entrySet()) {
            var body = summary(NOVEMBER + "&group_by=" + e.getKey());
            assertThat(body.get("group_by").asText()).isEqualTo(e.getKey());
            var calls = new LinkedHashMap<String, Long>();
            long messages = 0;
            long segments = 0;
            long seconds = 0;
            var charges = BigDecimal.ZERO;
            for (var row : body.get("rows")) {
                calls.put(row.get(keys.get(e.getKey())).asText(), row.get("calls").asLong());
                messages += row.get("messages").asLong();
                segments += row.get("segments").asLong();
                seconds += row.get("billed_seconds").asLong();
                charges = charges.add(row.get("charges").decimalValue());
            }
            assertThat(calls).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(messages).as(e.getKey()).isEqualTo(total.get("messages").asLong());
            assertThat(segments).as(e.getKey()).isEqualTo(total.get("segments").asLong());
            assertThat(seconds).as(e.getKey()).isEqualTo(total.get("billed_seconds").asLong());
            assertThat(charges).as(e.getKey()).isEqualByComparingTo(total.get("charges").decimalValue());
        }
        var types = summary(NOVEMBER + "&group_by=call_type").get("rows");
        assertThat(types).extracting(r -> r.get("call_type").asText()).containsExactly("MMS", "SMS", "international",
                "local");
        assertThat(types.get(0).get("messages").asLong()).isEqualTo(1);
        assertThat(types.get(1).get("segments").asLong()).isEqualTo(2);
    }

    @Test
    void a_period_spanning_months_counts_the_days_of_both() {
        var october = summary("from=2026-10-01&to=2026-10-31").get("rows").get(0);
        assertThat(october.get("calls").asLong()).isEqualTo(2);
        var november = summary(NOVEMBER).get("rows").get(0);
        var both = summary("from=2026-10-01&to=2026-11-30").get("rows").get(0);
        assertThat(both.get("calls").asLong()).isEqualTo(6);
        assertThat(both.get("charges").decimalValue()).isEqualByComparingTo(
                october.get("charges").decimalValue().add(november.get("charges").decimalValue()));
        var edge = summary("from=2026-10-31&to=2026-11-01&group_by=day").get("rows");
        assertThat(edge).extracting(r -> r.get("day").asText() + ": " + r.get("calls").asLong())
                .containsExactly("2026-10-31: 1", "2026-11-01: 1");
        var quiet = summary("from=2026-12-01&to=2026-12-31").get("rows");
        assertThat(quiet).hasSize(1);
        assertThat(quiet.get(0).get("calls").asLong()).isZero();
        assertThat(quiet.get(0).get("charges").decimalValue()).isZero();
        assertThat(quiet.get(0).get("currency").asText()).isEqualTo("USD");
    }

    private static final List<String> GROUPINGS = List.of("none", "day", "call_type", "destination_country", "user",
            "cost_center", "department", "billing_account");

    private static Map<String, String> everyGrouping() {
        var all = new LinkedHashMap<String, String>();
        for (var g : GROUPINGS) {
            all.put(g, summary("from=2026-10-01&to=2026-11-30&group_by=" + g).get("rows").toString());
        }
        return all;
    }

    @Test
    void the_migration_s_backfill_and_re_rating_give_what_ingest_kept() {
        var kept = everyGrouping();
        var account = fx.master.account().id();
        var migration = readMigration();
        var backfill = migration.substring(migration.indexOf("INSERT INTO usage_days"));
        server.app.wiring().db.withHandle(h -> {
            h.execute("DELETE FROM usage_days");
            h.execute("DELETE FROM usage_party_days");
            h.createScript(backfill).execute();
            return null;
        });
        assertThat(everyGrouping()).as("the backfill from the records").isEqualTo(kept);

        // calls rated before the records kept their user: the backfill counts them under no user, re-rating moves them
        server.app.wiring().db.withHandle(h -> {
            h.execute("UPDATE rated_call SET user_id = NULL WHERE account_id = ?", account.value());
            h.execute("DELETE FROM usage_days");
            h.execute("DELETE FROM usage_party_days");
            h.createScript(backfill).execute();
            return null;
        });
        var users = summary("from=2026-10-01&to=2026-11-30&group_by=user").get("rows");
        assertThat(users).extracting(r -> r.get("user_id").asText() + ": " + r.get("calls").asLong())
                .containsExactly(": 6", ada + ": 0");
        server.app.wiring().rerateCalls.rerate(account, java.time.LocalDate.of(2026, 10, 1),
                java.time.LocalDate.of(2026, 11, 30));
        assertThat(everyGrouping()).as("re-rated: each call back under its user, nothing else moved").isEqualTo(kept);
        server.app.wiring().rerateCalls.rerate(account, java.time.LocalDate.of(2026, 10, 1),
                java.time.LocalDate.of(2026, 11, 30));
        assertThat(everyGrouping()).as("re-rated again with the same deck").isEqualTo(kept);
    }

    @Test
    void the_dashboard_s_account_days_are_the_summary_days_summed_after_ingest_backfill_and_re_rating() {
        var account = fx.master.account().id();
        var db = server.app.wiring().db;
        java.util.function.Supplier<List<String>> summed = () -> db.withHandle(h -> h.createQuery(
                "SELECT day || ' ' || kind || ' ' || currency || ' ' || sum(records) || ' ' || sum(billed_seconds) || ' '"
                        + " || sum(segments) || ' ' || sum(total_charge) FROM usage_days WHERE account_id = :a"
                        + " GROUP BY day, kind, currency ORDER BY 1").bind("a", account.value()).mapTo(String.class).list());
        java.util.function.Supplier<List<String>> kept = () -> db.withHandle(h -> h.createQuery(
                "SELECT day || ' ' || kind || ' ' || currency || ' ' || records || ' ' || billed_seconds || ' '"
                        + " || segments || ' ' || total_charge FROM usage_account_days WHERE account_id = :a ORDER BY 1")
                .bind("a", account.value()).mapTo(String.class).list());
        assertThat(kept.get()).as("after ingest").isNotEmpty().isEqualTo(summed.get());
        server.app.wiring().rerateCalls.rerate(account, java.time.LocalDate.of(2026, 10, 1),
                java.time.LocalDate.of(2026, 11, 30));
        assertThat(kept.get()).as("after re-rating").isEqualTo(summed.get());
        var migration = readMigration("/db/migration/V2026_12_02_0100__usage_account_days.sql");
        var before = kept.get();
        db.withHandle(h -> {
            h.execute("DELETE FROM usage_account_days");
            h.createScript(migration.substring(migration.indexOf("INSERT INTO usage_account_days"))).execute();
            return null;
        });
        assertThat(kept.get()).as("the migration's backfill").isEqualTo(before);
    }

    private static String readMigration() {
        return readMigration("/db/migration/V2026_12_01_2000__usage_summary_days.sql");
    }

    private static String readMigration(String name) {
        try (var in = UsageSummaryEndpointsTest.class.getResourceAsStream(name)) {
            return new String(java.util.Objects.requireNonNull(in, "the migration").readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void csv_by_accept_header_or_format_has_the_json_rows() throws Exception {
        var json = summary(NOVEMBER + "&group_by=destination_country").get("rows");
        var byHeader = server.api.raw(HttpRequest.newBuilder(java.net.URI.create(server.api.url(fx.path(
                        "/usage/summary?" + NOVEMBER + "&group_by=destination_country"))))
                .header("Authorization", "Bearer " + fx.master.token()).header("Accept", "text/csv").GET());
        var byFormat = get(fx.master.id(), fx.master.token(), NOVEMBER + "&group_by=destination_country&format=csv");
        for (var r : List.of(byHeader, byFormat)) {
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("text/csv");
            assertThat(r.body()).startsWith(
                    "destination_country,calls,billed_seconds,billed_minutes,messages,segments,charges,currency\r\n");
            var records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(r.body())).getRecords();
            assertThat(records).hasSize(json.size());
            for (int i = 0; i < records.size(); i++) {
                var csv = records.get(i);
                var row = json.get(i);
                assertThat(csv.get("destination_country")).isEqualTo(row.get("destination_country").asText());
                assertThat(csv.get("calls")).isEqualTo(row.get("calls").asText());
                assertThat(new BigDecimal(csv.get("billed_minutes"))).isEqualTo(row.get("billed_minutes").decimalValue());
                assertThat(new BigDecimal(csv.get("charges"))).isEqualTo(row.get("charges").decimalValue());
                assertThat(csv.get("segments")).isEqualTo(row.get("segments").asText());
                assertThat(csv.get("currency")).isEqualTo("USD");
            }
        }
        var total = get(fx.master.id(), fx.master.token(), NOVEMBER + "&format=csv");
        assertThat(total.body()).startsWith("calls,billed_seconds,");
        assertThat(total.body().lines()).hasSize(2);
        assertThat(get(fx.master.id(), fx.master.token(), NOVEMBER + "&format=json").header("Content-Type"))
                .startsWith("application/json");
    }

    @Test
    void a_master_reads_its_sub_accounts_and_nobody_reads_another_organization() {
        var subSummary = get(sub.id(), fx.master.token(), NOVEMBER);
        assertThat(subSummary.status()).as(subSummary.body()).isEqualTo(200);
        assertThat(subSummary.json().get("rows").get(0).get("calls").asLong()).isZero();
        assertThat(get(fx.master.id(), sub.token(), NOVEMBER).status()).as("a sub account does not see its master")
                .isEqualTo(404);
        var foreign = get(fx.master.id(), other.token(), NOVEMBER);
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo("{\"code\":2001,\"message\":\"Account does not exist: " + fx.master.id() + ".\"}");
        assertThat(get(fx.master.id(), null, NOVEMBER).status()).isEqualTo(401);
        var noScope = server.tokenWithScopes(fx.master.account(), List.of(ApiScopes.TALKDESK_USAGE_READ));
        var refused = get(fx.master.id(), noScope, NOVEMBER);
        assertThat(refused.status()).as("a token without a usage scope").isEqualTo(401);
        assertThat(refused.json().get("code").asInt()).isEqualTo(4711);
    }

    @Test
    void bad_parameters_are_400s_naming_the_field() {
        var cases = new LinkedHashMap<String, String>();
        cases.put("to=2026-11-30", "from");
        cases.put("from=2026-11-01", "to");
        cases.put("from=2026-13-01&to=2026-11-30", "from");
        cases.put("from=2026-11-01&to=30.11.2026", "to");
        cases.put("from=2026-11-30&to=2026-11-01", "to");
        cases.put("from=2020-01-01&to=2026-11-30", "to");
        cases.put(NOVEMBER + "&group_by=week", "group_by");
        cases.put(NOVEMBER + "&format=xml", "format");
        var seen = new ArrayList<String>();
        for (var c : cases.entrySet()) {
            var r = get(fx.master.id(), fx.master.token(), c.getKey());
            assertThat(r.status()).as(c.getKey() + ": " + r.body()).isEqualTo(400);
            assertThat(r.json().get("errors").get(0).get("field").asText()).as(c.getKey()).isEqualTo(c.getValue());
            assertThat(r.json().get("message").asText()).isNotBlank();
            seen.add(c.getValue());
        }
        assertThat(seen).contains("from", "to", "group_by", "format");
        assertThat(get(fx.master.id(), fx.master.token(), "from=2025-11-30&to=2026-11-30").status())
                .as("366 days").isEqualTo(200);
    }
}
