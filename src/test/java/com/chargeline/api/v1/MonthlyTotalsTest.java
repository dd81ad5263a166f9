package com.chargeline.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.testing.TestServer;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The invoice-line totals (usage_lines_monthly): calls by call type, destination country and direction; messages by
 * direction, type and country with their segments; kept exact through re-rating, also for calls rated before
 * the totals had these dimensions. Their sums by product (usage_products_monthly, Talkdesk's monthly usage) stay equal
 * to the lines summed over countries and the charged flag at every step, and the migration's backfill makes them so.
 */
class MonthlyTotalsTest {
    static TestServer server;
    static UsageFixture fx;

    @BeforeAll
    static void start() {
        server = new TestServer();
        fx = new UsageFixture(server, "Monthly Totals Master");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> monthly() {
        return server.app.wiring().db.withHandle(h -> h.createQuery("""
                        SELECT kind || ' ' || call_type || ' ' || destination_country || ' ' || direction || ' '
                               || message_type || ': ' || sum(records) || ' records, ' || sum(billed_seconds) || ' s, '
                               || sum(segments) || ' segments, ' || sum(total_charge)::numeric(20,4)
                          FROM usage_lines_monthly WHERE account_id = :a
                         GROUP BY kind, call_type, destination_country, direction, message_type
                        HAVING sum(records) <> 0 OR sum(total_charge) <> 0 OR sum(billed_seconds) <> 0
                            OR sum(segments) <> 0
                         ORDER BY 1""")
                .bind("a", fx.master.account().id().value()).mapTo(String.class).list());
    }

    /** Per month, currency and product, as usage_products_monthly has it (rows left empty by re-rating aside). */
    private static List<String> products() {
        return productRows("""
                SELECT month || ' ' || currency || ' ' || kind || ' ' || call_type || ' ' || message_type || ' '
                       || direction || ' ' || result || ': ' || records || ' records, ' || billed_seconds || ' s, '
                       || segments || ' segments, ' || total_charge::numeric(20,4)
                  FROM usage_products_monthly WHERE account_id = :a
                   AND (records <> 0 OR total_charge <> 0 OR billed_seconds <> 0 OR segments <> 0)
                 ORDER BY 1""");
    }

    /** The same from usage_lines_monthly, summed over countries and the charged flag. */
    private static List<String> productsFromLines() {
        return productRows("""
                SELECT month || ' ' || currency || ' ' || kind || ' ' || call_type || ' ' || message_type || ' '
                       || direction || ' ' || result || ': ' || sum(records) || ' records, ' || sum(billed_seconds)
                       || ' s, ' || sum(segments) || ' segments, ' || sum(total_charge)::numeric(20,4)
                  FROM usage_lines_monthly WHERE account_id = :a
                 GROUP BY month, currency, kind, call_type, message_type, direction, result
                HAVING sum(records) <> 0 OR sum(total_charge) <> 0 OR sum(billed_seconds) <> 0 OR sum(segments) <> 0
                 ORDER BY 1""");
    }

    private static List<String> productRows(String sql) {
        return server.app.wiring().db.withHandle(h -> h.createQuery(sql).bind("a", fx.master.account().id().value())
                .mapTo(String.class).list());
    }

    private static void assertProductsMatchLines(String when) {
        assertThat(products()).as("usage_products_monthly " + when).isNotEmpty().isEqualTo(productsFromLines());
    }

    @Test
    void keeps_calls_by_type_country_and_direction_and_messages_by_direction_type_and_segments() {
        var t = fx.master.token();
        assertThat(server.api.post(fx.path("/usage/calls"), t, "[" + String.join(",",
                UsageFixture.call("m-1", "outbound", "+14155550100", "+12125550123", "1001", 45, "2026-11-20T10:00:00Z"),
                UsageFixture.call("m-2", "outbound", "+14155550100", "+447911123456", "1001", 61, "2026-11-20T11:00:00Z"),
                UsageFixture.call("m-3", "outbound", "+14155550100", "+442071838750", "1001", 60, "2026-11-20T12:00:00Z"),
                UsageFixture.call("m-4", "inbound", "+442071838750", "+14155550100", "1001", 30, "2026-11-20T13:00:00Z"))
                + "]").status()).isEqualTo(200);
        assertThat(server.api.post(fx.path("/usage/sms"), t, """
                [{"message_id":"s-1","direction":"outbound","from_number":"+14155550100","to_number":"+12125550123",
                  "sent_time":"2026-11-20T08:00:00Z","text_length":200,"encoding":"gsm7"},
                 {"message_id":"s-2","direction":"outbound","from_number":"+14155550100","to_number":"+447911123456",
                  "sent_time":"2026-11-20T08:01:00Z","message_type":"MMS"}]""").status()).isEqualTo(200);

        // +44 7911 is Guernsey's range for libphonenumber: the country is the number's, not its calling code's.
        var expected = List.of(
                "call international GB inbound : 1 records, 0 s, 0 segments, 0.0000",
                "call international GB outbound : 1 records, 60 s, 0 segments, 0.0200",
                "call international GG outbound : 1 records, 120 s, 0 segments, 0.4000",
                "call local US outbound : 1 records, 48 s, 0 segments, 0.0400",
                "sms  GG outbound MMS: 1 records, 0 s, 1 segments, 0.0200",
                "sms  US outbound SMS: 1 records, 0 s, 2 segments, 0.0150");
        assertThat(monthly()).isEqualTo(expected);
        assertProductsMatchLines("after ingest");
        assertThat(products()).as("a product sums its countries and the charged flag").contains(
                "2026-11-01 USD call international  outbound answered: 2 records, 180 s, 0 segments, 0.4200");

        server.app.wiring().rerateCalls.rerate(fx.master.account().id(), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
        assertThat(monthly()).as("re-rating with the same deck moves nothing between totals").isEqualTo(expected);
        assertProductsMatchLines("after re-rating");

        // the products' migration: its backfill from the invoice-line totals makes the same rows
        var products = readMigration("V2026_12_02_1900__usage_products_monthly.sql");
        var before = products();
        server.app.wiring().db.withHandle(h -> {
            h.execute("DELETE FROM usage_products_monthly WHERE account_id = ?", fx.master.account().id().value());
            h.execute(products.substring(products.indexOf("INSERT INTO usage_products_monthly"))
                    .replace("FROM usage_lines_monthly", "FROM usage_lines_monthly WHERE account_id = ?"),
                    fx.master.account().id().value());
            return null;
        });
        assertThat(products()).as("the products' backfill").isEqualTo(before);

        // Usage rated before the migration: rated_call has no country, usage_lines_monthly is what the migration's
        // own backfill statement makes of the ratings (run here as the migration file has it).
        var migration = readMigration("V2026_12_01_0950__usage_lines_monthly.sql");
        var backfill = migration.substring(migration.indexOf("INSERT INTO usage_lines_monthly"));
        server.app.wiring().db.withHandle(h -> {
            h.execute("UPDATE rated_call SET destination_country = NULL WHERE account_id = ?", fx.master.account().id().value());
            h.execute("DELETE FROM usage_lines_monthly WHERE account_id = ?", fx.master.account().id().value());
            h.execute(backfill);
            return null;
        });
        assertThat(monthly()).as("the backfill: calls without their country, messages as rated").containsExactly(
                "call international  inbound : 1 records, 0 s, 0 segments, 0.0000",
                "call international  outbound : 2 records, 180 s, 0 segments, 0.4200",
                "call local  outbound : 1 records, 48 s, 0 segments, 0.0400",
                "sms  GG outbound MMS: 1 records, 0 s, 1 segments, 0.0200",
                "sms  US outbound SMS: 1 records, 0 s, 2 segments, 0.0150");
        server.app.wiring().rerateCalls.rerate(fx.master.account().id(), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
        assertThat(monthly()).as("the old totals are emptied, the new ones carry the dimensions").isEqualTo(expected);
    }

    private static String readMigration(String file) {
        try (var in = MonthlyTotalsTest.class.getResourceAsStream("/db/migration/" + file)) {
            return new String(java.util.Objects.requireNonNull(in, "the migration").readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
