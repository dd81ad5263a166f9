package com.chargeline.api.zoom;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.Request.Method;
import com.chargeline.accounts.PayMode;
import com.chargeline.invoicing.Invoice;
import com.chargeline.testing.Api;
import com.chargeline.testing.TestInvoices;
import com.chargeline.testing.TestServer;
import com.chargeline.testing.ZoomSpecs;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Zoom B15-B18 over HTTP: a master's invoice reports of its sub accounts, asked for, written, listed, read, deleted.
 * A server per test: the report worker writes every pending report of the database.
 */
class ZoomInvoiceReportEndpointsTest {
    static final String PATH = "/v2/accounts/billing/invoice_reports";
    static final String HEADER = "account_id,account_name,invoice_id,invoice_number,invoice_status,period_start,period_end,"
            + "invoice_date,due_date,currency,line_no,kind,charge_name,charge_type,start_date,end_date,quantity,unit_price,"
            + "amount,usage_kind,direction,usage_type,country,records,billed_seconds,segments\r\n";
    static TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String body(String start, String end, String... accounts) {
        return "{\"start_date\":\"" + start + "\",\"end_date\":\"" + end + "\",\"account_ids\":[" + String.join(",",
                java.util.Arrays.stream(accounts).map(a -> "\"" + a + "\"").toList()) + "]}";
    }

    private static Api.Response generate(String token, String body) {
        return server.api.post(PATH, token, body);
    }

    private static Invoice posted(TestServer.Tenant tenant, TestServer.Tenant master, YearMonth month) {
        var draft = TestInvoices.draft(server, tenant, master.account().id(), month);
        return server.app.wiring().postInvoice.post(tenant.account().id(), draft.invoiceId(), "test");
    }

    /** The three rows of an invoice of {@link TestInvoices#standardLines} billed on the master. */
    private static String rows(TestServer.Tenant sub, Invoice invoice, String status) {
        var start = invoice.period().start();
        var end = invoice.period().end();
        var head = sub.id() + "," + sub.account().profile().name() + "," + invoice.invoiceId() + "," + invoice.number() + ","
                + status + "," + start + "," + end + ",2026-11-24,2026-12-24,USD,";
        var dates = ",Billed on master," + start + "," + end + ",";
        return head + "1,plan,Pro Monthly" + dates + "2,50.00,100.00,,,,,,,\r\n"
                + head + "2,usage,\"Local calls, United States (US)\"" + dates + "123,0.0125,1.54,calls,outbound,local,US,41,7380,0\r\n"
                + head + "3,tax,Sales tax 8.5%" + dates + "1,,8.63,,,,,,,\r\n";
    }

    @Test
    void a_report_is_asked_for_written_by_the_worker_listed_read_downloaded_and_deleted() {
        var master = server.master("Report Life Master");
        var paid = server.sub(master, "Report Paid Sub", PayMode.MASTER);
        var voided = server.sub(master, "Report Void Sub", PayMode.MASTER);
        var drafted = server.sub(master, "Report Draft Sub", PayMode.MASTER);
        var t = master.token();
        var w = server.app.wiring();
        var september = posted(paid, master, YearMonth.of(2026, 9));
        var october = posted(paid, master, YearMonth.of(2026, 10));
        w.payInvoice.pay(paid.account().id(), october.invoiceId(), new BigDecimal("110.17"), LocalDate.parse("2026-11-24"),
                "wire", "test");
        posted(paid, master, YearMonth.of(2026, 11));
        var cancelled = posted(voided, master, YearMonth.of(2026, 10));
        w.voidInvoice.voidInvoice(voided.account().id(), cancelled.invoiceId(), "Wrong plan", "test");
        TestInvoices.draft(server, drafted, master.account().id(), YearMonth.of(2026, 10));

        var created = generate(t, body("2026-09-15", "2026-10-15", paid.id(), voided.id(), drafted.id(), paid.id()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        ZoomSpecs.assertValid(ZoomSpecs.BILLING, Method.POST, PATH, created);
        var id = created.json().get("id").asText();
        assertThat(id).matches("[0-9]{13}");
        assertThat(created.body()).isEqualTo("{\"id\":\"" + id + "\",\"start_date\":\"2026-09-15\",\"end_date\":\"2026-10-15\","
                + "\"accounts_total_number\":3,\"remaining_days\":30,\"status\":\"Processing\"}");

        var one = PATH + "/" + id;
        var processing = server.api.get(one + "?download=false", t);
        assertThat(processing.body()).isEqualTo(created.body());
        ZoomSpecs.assertValid(ZoomSpecs.BILLING, Method.GET, one, processing);
        var early = server.api.get(one + "?download=true", t);
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.body()).isEqualTo("{\"code\":2100,\"message\":\"Invoice report " + id
                + " is still being generated; download it once its status is Available.\"}");
        assertThat(server.api.get(PATH, t).body()).isEqualTo("{\"next_page_token\":\"\",\"invoice_reports\":[" + created.body() + "]}");

        assertThat(w.invoiceReportWorker.runPending()).isEqualTo(1);
        assertThat(w.invoiceReportWorker.runPending()).as("nothing is written twice").isZero();

        var listed = server.api.get(PATH, t);
        ZoomSpecs.assertValid(ZoomSpecs.BILLING, Method.GET, PATH, listed);
        assertThat(listed.body()).isEqualTo("{\"next_page_token\":\"\",\"invoice_reports\":["
                + created.body().replace("Processing", "Completed") + "]}");
        var available = server.api.get(one + "?download=false", t);
        ZoomSpecs.assertValid(ZoomSpecs.BILLING, Method.GET, one, available);
        assertThat(available.body()).isEqualTo(created.body().replace("Processing", "Available"));

        var csv = server.api.get(one + "?download=true", t);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).isEqualTo("text/csv; charset=utf-8");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"invoice-report-" + id + ".csv\"");
        // accounts by account number, invoices by period; November is outside the report, a Draft is never in one
        assertThat(csv.body()).isEqualTo(HEADER + rows(paid, september, "Posted") + rows(paid, october, "Paid")
                + rows(voided, cancelled, "Void"));

        var deleted = server.api.delete(one, t);
        assertThat(deleted.status()).isEqualTo(204);
        ZoomSpecs.assertValid(ZoomSpecs.BILLING, Method.DELETE, one, deleted);
        var gone = "{\"code\":2001,\"message\":\"Invoice Report ID does not exist: " + id + ".\"}";
        assertThat(server.api.get(one + "?download=false", t).body()).isEqualTo(gone);
        assertThat(server.api.delete(one, t).body()).isEqualTo(gone);
        assertThat(server.api.get(PATH, t).body()).isEqualTo("{\"next_page_token\":\"\",\"invoice_reports\":[]}");
    }

    @Test
    void a_request_is_refused_with_zoom_s_messages() {
        var master = server.master("Report Rules Master");
        var sub = server.sub(master, "Report Rules Sub", PayMode.MASTER);
        var other = server.master("Report Rules Other");
        var foreign = server.sub(other, "Report Rules Foreign", PayMode.MASTER);
        var t = master.token();
        var span = "{\"code\":2100,\"message\":\"The span of `start_time` and `end_time` must be within a month to generate "
                + "invoice reports.\"}";
        for (var dates : List.of(new String[] {"2026-01-31", "2026-03-01"}, new String[] {"2026-10-02", "2026-11-03"},
                new String[] {"2026-10-02", "2026-10-01"})) {
            var refused = generate(t, body(dates[0], dates[1], sub.id()));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).as(dates[0] + " to " + dates[1]).isEqualTo(span);
        }
        for (var dates : List.of(new String[] {"2026-01-31", "2026-02-28"}, new String[] {"2026-10-01", "2026-11-01"},
                new String[] {"2026-10-01", "2026-10-01"})) {
            assertThat(generate(t, body(dates[0], dates[1], sub.id())).status()).as(dates[0] + " to " + dates[1]).isEqualTo(201);
        }
        var none = "{\"code\":2100,\"message\":\"You must provide at least one sub account for which to generate an invoice "
                + "report.\"}";
        assertThat(generate(t, body("2026-10-01", "2026-10-31")).body()).isEqualTo(none);
        assertThat(generate(t, "{\"start_date\":\"2026-10-01\",\"end_date\":\"2026-10-31\"}").body()).isEqualTo(none);
        var notUnder = "{\"code\":10102,\"message\":\"One or more of the sub accounts provided were not found under the "
                + "master account ID: " + master.id() + "\"}";
        for (var ids : List.of(new String[] {sub.id(), foreign.id()}, new String[] {master.id()}, new String[] {"me"},
                new String[] {sub.id(), "not-an-id"}, new String[] {other.id()})) {
            var refused = generate(t, body("2026-10-01", "2026-10-31", ids));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).as(String.join(",", ids)).isEqualTo(notUnder);
        }
        var missing = generate(t, "{\"account_ids\":[\"" + sub.id() + "\"]}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).isEqualTo("{\"code\":300,\"message\":\"Validation Failed.\",\"errors\":["
                + "{\"field\":\"start_date\",\"message\":\"This field is required.\"},"
                + "{\"field\":\"end_date\",\"message\":\"This field is required.\"}]}");
        var bad = generate(t, "{\"start_date\":\"2026-02-30\",\"end_date\":20261031,\"account_ids\":\"" + sub.id() + "\"}");
        assertThat(bad.body()).isEqualTo("{\"code\":300,\"message\":\"Validation Failed.\",\"errors\":["
                + "{\"field\":\"start_date\",\"message\":\"Expected a date as yyyy-MM-dd (from 1900-01-01 to 9999-12-31).\"},"
                + "{\"field\":\"end_date\",\"message\":\"Expected a string.\"},"
                + "{\"field\":\"account_ids\",\"message\":\"Expected an array of strings.\"}]}");
        var nulls = generate(t, "{\"start_date\":null,\"end_date\":\"1899-12-31\",\"account_ids\":[null]}");
        assertThat(nulls.body()).isEqualTo("{\"code\":300,\"message\":\"Validation Failed.\",\"errors\":["
                + "{\"field\":\"start_date\",\"message\":\"Must not be null; leave the field out instead.\"},"
                + "{\"field\":\"account_ids[0]\",\"message\":\"Must not be null.\"},"
                + "{\"field\":\"end_date\",\"message\":\"Expected a date as yyyy-MM-dd (from 1900-01-01 to 9999-12-31).\"},"
                + "{\"field\":\"account_ids\",\"message\":\"Expected an array of strings.\"}]}");
        assertThat(server.app.wiring().invoiceReportQueries.page(master.account().id(), Long.MAX_VALUE, 100))
                .as("only the three accepted requests are stored").hasSize(3);
    }

    @Test
    void only_a_master_with_the_scopes_reaches_its_own_reports() {
        var master = server.master("Report Owner");
        var sub = server.sub(master, "Report Owner Sub", PayMode.MASTER);
        var other = server.master("Report Stranger");
        var created = generate(master.token(), body("2026-10-01", "2026-10-31", sub.id()));
        var one = PATH + "/" + created.json().get("id").asText();
        var gone = "{\"code\":2001,\"message\":\"Invoice Report ID does not exist: " + created.json().get("id").asText() + ".\"}";
        assertThat(server.api.get(one + "?download=false", other.token()).body()).isEqualTo(gone);
        assertThat(server.api.get(one + "?download=true", other.token()).body()).isEqualTo(gone);
        assertThat(server.api.delete(one, other.token()).body()).isEqualTo(gone);
        assertThat(server.api.get(PATH, other.token()).body()).isEqualTo("{\"next_page_token\":\"\",\"invoice_reports\":[]}");
        for (var unknown : List.of("1", "0" + created.json().get("id").asText(), "abc", "99999999999999999999")) {
            var refused = server.api.get(PATH + "/" + unknown + "?download=false", master.token());
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).isEqualTo("{\"code\":2001,\"message\":\"Invoice Report ID does not exist: " + unknown + ".\"}");
        }

        // a sub account cannot hold billing:master (nor the :master granular scopes): its token is refused first
        var sub4711 = "{\"code\":4711,\"message\":\"Invalid access token, does not contain scopes:[billing:master";
        assertThat(server.api.get(PATH, sub.token()).body()).startsWith(sub4711);
        assertThat(generate(sub.token(), body("2026-10-01", "2026-10-31", sub.id())).body()).startsWith(sub4711);
        assertThat(server.api.get(one + "?download=false", sub.token()).body()).startsWith(sub4711);
        var refusedDelete = server.api.delete(one, sub.token());
        assertThat(refusedDelete.status()).isEqualTo(401);
        assertThat(refusedDelete.body()).startsWith(sub4711);

        var download = server.tokenWithScopes(master.account(), List.of("billing:read:download_invoice_reports:master"));
        assertThat(server.api.get(one + "?download=false", download).status()).isEqualTo(200);
        var noList = server.api.get(PATH, download);
        assertThat(noList.status()).isEqualTo(401);
        assertThat(noList.body()).isEqualTo("{\"code\":4711,\"message\":\"Invalid access token, does not contain scopes:"
                + "[billing:master].\"}");
        var noDelete = server.api.delete(one, download);
        assertThat(noDelete.body()).isEqualTo("{\"code\":4711,\"message\":\"Invalid access token, does not contain scopes:"
                + "[billing:master, billing:delete:invoice_report:master].\"}");
        var deleter = server.tokenWithScopes(master.account(), List.of("billing:delete:invoice_report:master"));
        assertThat(server.api.delete(one, deleter).status()).isEqualTo(204);
    }

    @Test
    void download_is_required_and_a_boolean() {
        var master = server.master("Report Download Master");
        var sub = server.sub(master, "Report Download Sub", PayMode.MASTER);
        var one = PATH + "/" + generate(master.token(), body("2026-10-01", "2026-10-31", sub.id())).json().get("id").asText();
        for (var query : List.of("", "?download=", "?download=yes", "?download=TRUE", "?download=1")) {
            var refused = server.api.get(one + query, master.token());
            assertThat(refused.status()).isEqualTo(400);
            var message = query.isEmpty() || query.equals("?download=") ? "This field is required." : "Expected true or false.";
            assertThat(refused.body()).as(query).isEqualTo("{\"code\":300,\"message\":\"Validation Failed.\",\"errors\":["
                    + "{\"field\":\"download\",\"message\":\"" + message + "\"}]}");
        }
    }

    /** A token issued at the server's clock now (a token lasts an hour). */
    private static String fresh(TestServer own, TestServer.Tenant tenant) {
        return own.tokenWithScopes(tenant.account(), List.of("billing:master"));
    }

    @Test
    void reports_are_listed_newest_first_thirty_a_page_and_expire_after_thirty_days() {
        {
            var own = server;
            var master = own.master("Report Pages Master");
            var sub = own.sub(master, "Report Pages Sub", PayMode.MASTER);
            var ids = new ArrayList<String>();
            for (int i = 0; i < 31; i++) {
                var created = own.api.post(PATH, master.token(), body("2026-10-01", "2026-10-31", sub.id()));
                ids.add(0, created.json().get("id").asText());
            }
            assertThat(ids).doesNotHaveDuplicates();
            var first = own.api.get(PATH, master.token());
            ZoomSpecs.assertValid(ZoomSpecs.BILLING, Method.GET, PATH, first);
            assertThat(first.json().get("invoice_reports")).hasSize(30);
            assertThat(first.json().at("/invoice_reports/0/id").asText()).isEqualTo(ids.get(0));
            var token = first.json().get("next_page_token").asText();
            assertThat(token).isNotEmpty();
            var second = own.api.get(PATH + "?next_page_token=" + token, master.token());
            assertThat(second.json().get("invoice_reports")).hasSize(1);
            assertThat(second.json().at("/invoice_reports/0/id").asText()).isEqualTo(ids.get(30));
            assertThat(second.json().get("next_page_token").asText()).isEmpty();
            var other = own.master("Report Pages Other");
            var foreignToken = own.api.get(PATH + "?next_page_token=" + token, other.token());
            assertThat(foreignToken.status()).isEqualTo(400);
            assertThat(foreignToken.body()).isEqualTo("{\"code\":300,\"message\":\"The next page token is invalid or expired.\"}");

            own.clock.advance(Duration.ofDays(10).plusHours(1));
            var later = own.api.get(PATH + "/" + ids.get(0) + "?download=false", fresh(own, master));
            assertThat(later.json().get("remaining_days").asInt()).as("19 days 23 hours left").isEqualTo(20);
            own.clock.advance(Duration.ofDays(20).minusHours(1));
            var expired = own.api.get(PATH + "/" + ids.get(0) + "?download=false", fresh(own, master));
            assertThat(expired.body()).isEqualTo("{\"code\":2001,\"message\":\"Invoice Report ID does not exist: " + ids.get(0) + ".\"}");
            assertThat(own.api.get(PATH, fresh(own, master)).body())
                    .isEqualTo("{\"next_page_token\":\"\",\"invoice_reports\":[]}");
            assertThat(own.app.wiring().invoiceReportWorker.runPending()).as("expired reports are purged, not written").isZero();
        }
    }
}
