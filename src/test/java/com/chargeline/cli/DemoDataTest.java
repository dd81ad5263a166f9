package com.chargeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.common.id.AccountId;
import com.chargeline.invoicing.InvoiceItem;
import com.chargeline.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataTest {
    @TempDir
    Path dir;

    @Test
    void seeds_once_and_reuses_accounts_and_credentials_on_restart() throws Exception {
        try (var server = new TestServer()) {
            var file = dir.resolve("demo-credentials.json");
            var first = new DemoData(server.app.wiring(), 5_000, 1_000).seed(file, "http://localhost:1");
            var second = new DemoData(server.app.wiring(), 5_000, 1_000).seed(file, "http://localhost:1");

            assertThat(second).isEqualTo(first);
            assertThat(first.subAccounts()).hasSize(4);
            assertThat(Files.readString(file)).contains("\"base_url\"", "\"account_id\"", "\"client_id\"",
                    "\"client_secret\"", "\"sub_accounts\"");
            var token = server.api.token(first.accountId(), first.clientId(), first.clientSecret())
                    .json().get("access_token").asText();
            assertThat(server.api.get("/v2/accounts", token).json().get("total_records").asInt()).isEqualTo(4);
            for (var sub : first.subAccounts()) {
                assertThat(server.api.token(sub.accountId(), sub.clientId(), sub.clientSecret()).status()).isEqualTo(200);
            }

            var usage = server.app.wiring().db.withHandle(h -> h.createQuery(
                            "SELECT kind || ':' || sum(records) FROM usage_monthly GROUP BY kind ORDER BY kind")
                    .mapTo(String.class).list());
            assertThat(usage).as("the traffic and the late call of the invoices").containsExactly("call:5001", "sms:1000");
            var errors = server.app.wiring().db.withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM rated_call WHERE status = 'error'").mapTo(Long.class).one());
            var reasons = server.app.wiring().db.withHandle(h -> h.createQuery(
                    "SELECT DISTINCT rating_error FROM rated_call WHERE status = 'error' LIMIT 5").mapTo(String.class).list());
            assertThat(errors).as("the demo deck prices every demo destination: %s", reasons).isZero();
            var charged = server.app.wiring().db.withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM rated_call WHERE total_charge > 0").mapTo(Long.class).one());
            assertThat(charged).isGreaterThan(500);
            var days = server.app.wiring().db.withHandle(h -> h.createQuery(
                    "SELECT count(DISTINCT end_time::date) FROM rated_call").mapTo(Long.class).one());
            assertThat(days).as("traffic spreads over the last 30 days").isGreaterThanOrEqualTo(29);

            var renewals = server.api.get("/v2/accounts/billing/renewals?interval=90", token).json();
            assertThat(renewals.get("total_records").asInt()).as("the three master-paid sub accounts renew within 90 days")
                    .isEqualTo(3);
            var dates = new java.util.TreeSet<String>();
            renewals.get("results").forEach(r -> dates.add(r.get("next_renewal_date").asText()));
            assertThat(dates).as("renewals spread over the next 90 days").hasSize(3);
            var harbor = first.subAccounts().getFirst().accountId();
            var plans = server.api.get("/v2/accounts/" + harbor + "/plans", token).json();
            assertThat(plans.get("plan_base").get("type").asText()).isEqualTo("business_monthly");
            assertThat(plans.has("plan_phone")).isTrue();
            assertThat(plans.has("plan_webinar")).isTrue();
            assertThat(server.api.get("/v2/accounts/" + harbor + "/plans/usage", token).json().get("plan_base")
                    .get("usage").asInt()).as("the demo's directory users hold base-plan licences").isPositive();

            checkInvoices(server, first, token);
            var talkdesk = server.api.raw(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.api.url("/oauth/token")))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((first.clientId() + ":"
                            + first.clientSecret()).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "grant_type=client_credentials&scope=express-accounts-usage%3Aread")));
            assertThat(talkdesk.status()).as(talkdesk.body()).isEqualTo(200);
            var usageRows = server.api.get("/express/usage/month?per_page=1", talkdesk.json().get("access_token").asText());
            assertThat(usageRows.status()).as(usageRows.body()).isEqualTo(200);
            assertThat(usageRows.json().get("total").asInt()).as("the demo's usage, as Talkdesk rows").isPositive();

            Files.delete(file);
            var third = new DemoData(server.app.wiring(), 5_000, 1_000).seed(file, "http://localhost:1");
            assertThat(third.accountId()).isEqualTo(first.accountId());
            assertThat(third.clientId()).as("a lost credentials file gets new clients").isNotEqualTo(first.clientId());
            assertThat(server.api.get("/v2/accounts", token).json().get("total_records").asInt()).isEqualTo(4);
            assertThat(server.app.wiring().invoiceQueries.list(AccountId.parse(first.accountId()).orElseThrow(), null))
                    .as("seeding again issues no invoice").hasSize(3);
        }
    }

    /** Three posted months per account (paid, half paid, due), Harbor's late call adjusted once, one report written. */
    private static void checkInvoices(TestServer server, DemoData.Credentials demo, String token) {
        var w = server.app.wiring();
        var months = DemoInvoices.months(w);
        var harbor = AccountId.parse(demo.subAccounts().getFirst().accountId()).orElseThrow();
        var invoices = w.invoiceQueries.list(harbor, null);
        assertThat(invoices).extracting(i -> i.period().start())
                .containsExactly(months.get(2).atDay(1), months.get(1).atDay(1), months.get(0).atDay(1));
        assertThat(invoices).extracting(i -> i.status().wire()).containsExactly("Posted", "Posted", "Paid");
        assertThat(invoices.get(1).paid().amount()).isPositive().isLessThan(invoices.get(1).total().amount());
        assertThat(invoices.get(0).paid().amount()).isZero();
        assertThat(invoices).allSatisfy(i -> assertThat(i.issuerId().wire()).isEqualTo(demo.accountId()));
        var newest = w.invoiceQueries.details(harbor, invoices.get(0).invoiceId());
        assertThat(newest.items()).filteredOn(i -> i.kind() == InvoiceItem.Kind.ADJUSTMENT)
                .singleElement().satisfies(a -> {
                    assertThat(a.correctsPeriod()).isEqualTo(months.get(1).atDay(1));
                    assertThat(a.description()).startsWith("Adjustment for " + months.get(1) + ": International calls");
                    assertThat(a.usage().records()).isEqualTo(1);
                    assertThat(a.amount().amount()).isPositive();
                });
        assertThat(w.invoiceQueries.details(harbor, invoices.get(1).invoiceId()).items())
                .noneMatch(i -> i.kind() == InvoiceItem.Kind.ADJUSTMENT);
        var pdf = server.api.get("/v2/billing/invoices/" + invoices.get(0).invoiceId() + "/download", token);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF-");
        var reports = server.api.get("/v2/accounts/billing/invoice_reports", token).json().get("invoice_reports");
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).get("status").asText()).isEqualTo("Completed");
    }
}
