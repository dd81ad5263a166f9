package com.chargeline.api.zoom;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request.Method;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.chargeline.accounts.PayMode;
import com.chargeline.invoicing.Invoice;
import com.chargeline.invoicing.InvoiceItem;
import com.chargeline.invoicing.UsageLine;
import com.chargeline.subscriptions.PlanRequest;
import com.chargeline.testing.Api;
import com.chargeline.testing.TestInvoices;
import com.chargeline.testing.TestServer;
import com.chargeline.testing.ZoomSpecs;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Zoom's List billing invoices (B3) and Get invoice details (B4) over HTTP, on invoices drafted, posted, paid and voided
 * through the real use cases on days set by the test's clock. Today is 2026-11-24 (UTC accounts). Every 2xx is checked
 * against Zoom's official spec and every answer against our own OpenAPI file.
 */
class ZoomInvoiceEndpointsTest {
    static TestServer server;
    static TestServer.Tenant master;
    static TestServer.Tenant sub;
    static TestServer.Tenant selfPay;
    static TestServer.Tenant free;
    static TestServer.Tenant foreign;
    static OpenApiInteractionValidator ownFile;
    /** The master-paid sub account's invoices: June voided as a Draft, July voided after posting, August posted, September paid, October Draft. */
    static Invoice june;
    static Invoice july;
    static Invoice august;
    static Invoice september;
    static Invoice october;
    static Invoice masterOctober;
    static Invoice selfPayOctober;
    static Invoice freeOctober;

    @BeforeAll
    static void start() {
        server = new TestServer();
        master = server.master("Invoice Reader");
        sub = server.sub(master, "Paid By Master", PayMode.MASTER);
        selfPay = server.sub(master, "Pays Itself", PayMode.SUB);
        free = server.sub(master, "No Plan Yet", PayMode.MASTER);
        foreign = server.master("Someone Else");
        var w = server.app.wiring();
        w.subscribe.subscribe(sub.account(), "test", new PlanRequest(new PlanRequest.Line("plan_base", "monthly", 2),
                List.of(), new PlanRequest.Options(null, null, "PO-4711", null)));
        server.subscribe(selfPay, "monthly", 1);
        var subscription = w.planQueries.plans(sub.account().id()).get(0).id();

        var issuer = master.account().id();
        june = TestInvoices.draft(server, sub, issuer, YearMonth.of(2026, 6));
        july = TestInvoices.draft(server, sub, issuer, YearMonth.of(2026, 7));
        august = TestInvoices.draft(server, sub, issuer, YearMonth.of(2026, 8));
        september = TestInvoices.draft(server, sub, issuer, YearMonth.of(2026, 9));
        october = TestInvoices.draft(server, sub, issuer, YearMonth.of(2026, 10), octoberLines(subscription));
        masterOctober = TestInvoices.draft(server, master, issuer, YearMonth.of(2026, 10));
        selfPayOctober = TestInvoices.draft(server, selfPay, selfPay.account().id(), YearMonth.of(2026, 10));
        freeOctober = TestInvoices.draft(server, free, issuer, YearMonth.of(2026, 10));

        var account = sub.account().id();
        june = w.voidInvoice.voidInvoice(account, june.invoiceId(), "Drafted twice", "test");
        july = on("2026-08-01T09:00:00Z", () -> w.postInvoice.post(account, july.invoiceId(), "test"));
        july = w.voidInvoice.voidInvoice(account, july.invoiceId(), "Billed the wrong plan", "test");
        august = on("2026-09-02T09:00:00Z", () -> w.postInvoice.post(account, august.invoiceId(), "test"));
        september = on("2026-10-01T09:00:00Z", () -> w.postInvoice.post(account, september.invoiceId(), "test"));
        september = w.payInvoice.pay(account, september.invoiceId(), new BigDecimal("110.17"), LocalDate.parse("2026-10-20"),
                "wire", "test");
        ownFile = OpenApiInteractionValidator.createForInlineApiSpecification(server.api.get("/api/v1/openapi.json", null).body())
                .withResolveCombinators(true).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** October's lines: a plan line of the sub's subscription, 122.5 minutes of calls, tax; all billed on the master. */
    private static List<InvoiceItem.Line> octoberLines(java.util.UUID subscription) {
        var first = LocalDate.parse("2026-10-01");
        var last = LocalDate.parse("2026-10-31");
        var onMaster = InvoiceItem.BILLED_ON_MASTER;
        return List.of(
                new InvoiceItem.Line(InvoiceItem.Kind.PLAN, "Pro Monthly", new BigDecimal("2"), TestInvoices.usd("50.00"),
                        TestInvoices.usd("100.00"), first, last, onMaster, null, null,
                        new InvoiceItem.PlanRef(subscription, "monthly")),
                new InvoiceItem.Line(InvoiceItem.Kind.USAGE, "Local calls, United States (US)", new BigDecimal("122.5"),
                        TestInvoices.usd("0.0125"), TestInvoices.usd("1.53125"), first, last, onMaster, null,
                        new InvoiceItem.Usage(UsageLine.Kind.CALLS, "outbound", "local", "US", 40, 7350, 0), null),
                new InvoiceItem.Line(InvoiceItem.Kind.TAX, "Sales tax 8.5%", BigDecimal.ONE, null, TestInvoices.usd("8.6301"),
                        first, last, onMaster, null));
    }

    /** Runs {@code step} with the clock at {@code instant}, then sets it back. */
    private static Invoice on(String instant, java.util.function.Supplier<Invoice> step) {
        var now = server.clock.instant();
        server.clock.advance(Duration.between(now, Instant.parse(instant)));
        try {
            return step.get();
        } finally {
            server.clock.advance(Duration.between(server.clock.instant(), now));
        }
    }

    private static String invoices(String account) {
        return "/v2/accounts/" + account + "/billing/invoices";
    }

    /** GET {@code path}, checked against our file, and against Zoom's spec when it is a 2xx. */
    private static Api.Response get(String path, String token) {
        var response = server.api.get(path, token);
        var template = path.replaceFirst("\\?.*", "");
        var builder = SimpleResponse.Builder.status(response.status());
        if (!response.body().isEmpty()) {
            builder.withContentType(response.header("Content-Type")).withBody(response.body());
        }
        assertThat(ownFile.validateResponse(template, Method.GET, builder.build()).getMessages())
                .as("%s -> %s %s does not match our file", path, response.status(), response.body()).isEmpty();
        if (response.status() / 100 == 2) {
            ZoomSpecs.assertValid(ZoomSpecs.BILLING, Method.GET, template, response);
        }
        return response;
    }

    private static List<String> ids(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(response.json().get("invoices").spliterator(), false).map(i -> i.get("id").asText()).toList();
    }

    @Test
    void lists_a_master_paid_sub_accounts_invoices_of_the_past_year_newest_period_first() {
        var response = get(invoices(sub.id()), master.token());
        assertThat(ids(response)).containsExactly(october.invoiceId(), september.invoiceId(), august.invoiceId(),
                july.invoiceId(), june.invoiceId());
        assertThat(response.body()).isEqualTo("{\"currency\":\"USD\",\"invoices\":["
                // a Draft: no invoice date, due date or number yet
                + "{\"balance\":110.16,\"id\":\"" + october.invoiceId() + "\",\"status\":\"Draft\",\"target_date\":\"2026-10-31\","
                + "\"tax_amount\":8.63,\"total_amount\":110.16},"
                // paid in full
                + "{\"balance\":0.00,\"due_date\":\"2026-10-31\",\"id\":\"" + september.invoiceId() + "\",\"invoice_date\":\"2026-10-01\","
                + "\"invoice_number\":\"INV-000003\",\"status\":\"Paid\",\"target_date\":\"2026-09-30\",\"tax_amount\":8.63,"
                + "\"total_amount\":110.17},"
                // posted, unpaid
                + "{\"balance\":110.17,\"due_date\":\"2026-10-02\",\"id\":\"" + august.invoiceId() + "\",\"invoice_date\":\"2026-09-02\","
                + "\"invoice_number\":\"INV-000002\",\"status\":\"Posted\",\"target_date\":\"2026-08-31\",\"tax_amount\":8.63,"
                + "\"total_amount\":110.17},"
                // voided after posting: keeps its number, nothing due
                + "{\"balance\":0.00,\"due_date\":\"2026-08-31\",\"id\":\"" + july.invoiceId() + "\",\"invoice_date\":\"2026-08-01\","
                + "\"invoice_number\":\"INV-000001\",\"status\":\"Void\",\"target_date\":\"2026-07-31\",\"tax_amount\":8.63,"
                + "\"total_amount\":110.17},"
                // voided as a Draft
                + "{\"balance\":0.00,\"id\":\"" + june.invoiceId() + "\",\"status\":\"Void\",\"target_date\":\"2026-06-30\","
                + "\"tax_amount\":8.63,\"total_amount\":110.17}]}");
    }

    @Test
    void a_posted_invoice_is_in_range_by_its_invoice_date_one_without_by_its_target_date() {
        var path = invoices(sub.id());
        var t = master.token();
        assertThat(ids(get(path + "?from=2026-09-01&to=2026-09-30", t)))
                .as("August, posted on 09-02; not September, whose target date 09-30 is in range but it was posted on 10-01")
                .containsExactly(august.invoiceId());
        assertThat(ids(get(path + "?from=2026-10-01&to=2026-10-01", t))).containsExactly(september.invoiceId());
        assertThat(ids(get(path + "?from=2026-10-02&to=2026-10-31", t))).as("the Draft by its target date")
                .containsExactly(october.invoiceId());
        assertThat(ids(get(path + "?from=2026-10-02&to=2026-10-30", t))).isEmpty();
        assertThat(ids(get(path + "?from=2026-08-01&to=2026-08-01", t))).as("voided after posting: its invoice date")
                .containsExactly(july.invoiceId());
        assertThat(ids(get(path + "?from=2026-07-31&to=2026-07-31", t))).isEmpty();
        assertThat(ids(get(path + "?from=2026-06-30&to=2026-06-30", t))).as("voided as a Draft: its target date")
                .containsExactly(june.invoiceId());
        assertThat(ids(get(path + "?from=2025-11-25", t))).as("to defaults to a year after from")
                .hasSize(5);
        assertThat(ids(get(path + "?to=2026-09-30", t))).as("from defaults to a year before to")
                .containsExactly(august.invoiceId(), july.invoiceId(), june.invoiceId());
        var empty = get(path + "?from=2024-01-01&to=2024-12-31", t);
        assertThat(empty.body()).isEqualTo("{\"currency\":\"USD\",\"invoices\":[]}");
    }

    @Test
    void details_show_each_line_billed_on_master_with_its_plan_purchase_order_and_whole_quantity() {
        var response = get(invoices(sub.id()) + "/" + october.invoiceId(), master.token());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"balance\":110.16,\"currency\":\"USD\",\"id\":\"" + october.invoiceId() + "\","
                + "\"invoice_items\":["
                + "{\"charge_name\":\"Pro Monthly\",\"charge_number\":\"C-00000001\",\"charge_type\":\"Billed on master\","
                + "\"end_date\":\"2026-10-31\",\"partner_sku\":\"monthly\",\"purchase_order_number\":\"PO-4711\",\"quantity\":2,"
                + "\"start_date\":\"2026-10-01\",\"tax_amount\":0.00,\"total_amount\":100.00},"
                + "{\"charge_name\":\"Local calls, United States (US)\",\"charge_number\":\"C-00000002\","
                + "\"charge_type\":\"Billed on master\",\"end_date\":\"2026-10-31\",\"quantity\":123,\"start_date\":\"2026-10-01\","
                + "\"tax_amount\":0.00,\"total_amount\":1.53},"
                + "{\"charge_name\":\"Sales tax 8.5%\",\"charge_number\":\"C-00000003\",\"charge_type\":\"Billed on master\","
                + "\"end_date\":\"2026-10-31\",\"quantity\":1,\"start_date\":\"2026-10-01\",\"tax_amount\":8.63,\"total_amount\":8.63}],"
                + "\"status\":\"Draft\",\"target_date\":\"2026-10-31\",\"tax_amount\":8.63,\"total_amount\":110.16}");

        var paidResponse = get(invoices(sub.id()) + "/" + september.invoiceId(), master.token());
        assertThat(paidResponse.body()).startsWith("{\"balance\":0.00,\"currency\":\"USD\",\"due_date\":\"2026-10-31\",\"id\":\""
                + september.invoiceId() + "\",\"invoice_date\":\"2026-10-01\",\"invoice_items\":[")
                .endsWith("],\"invoice_number\":\"INV-000003\",\"status\":\"Paid\",\"target_date\":\"2026-09-30\","
                        + "\"tax_amount\":8.63,\"total_amount\":110.17}");
        var paid = paidResponse.json();
        assertThat(paid.at("/invoice_items/0/charge_type").asText()).isEqualTo("Billed on master");
        assertThat(paid.at("/invoice_items/0/partner_sku").isMissingNode()).as("a plan line without its subscription").isTrue();
    }

    @Test
    void me_reads_the_callers_own_invoices_and_its_lines_show_their_kind() {
        var mine = get(invoices("me"), master.token());
        assertThat(ids(mine)).containsExactly(masterOctober.invoiceId());
        assertThat(ids(get(invoices(master.id()), master.token()))).containsExactly(masterOctober.invoiceId());
        var details = get(invoices("me") + "/" + masterOctober.invoiceId(), master.token()).json();
        assertThat(details.get("invoice_items")).extracting(i -> i.get("charge_type").asText())
                .containsExactly("plan", "usage", "tax");
        assertThat(details.at("/invoice_items/1/quantity").asInt()).isEqualTo(123);
        assertThat(details.at("/invoice_items/0/purchase_order_number").isMissingNode()).isTrue();

        assertThat(ids(get(invoices("me"), selfPay.token()))).as("a self-pay sub account reads its own")
                .containsExactly(selfPayOctober.invoiceId());
        var own = get(invoices("me") + "/" + selfPayOctober.invoiceId(), selfPay.token()).json();
        assertThat(own.at("/invoice_items/0/charge_type").asText()).isEqualTo("plan");
        assertThat(ids(get(invoices("me"), sub.token()))).as("a master-paid sub account reads its own too").hasSize(5);
    }

    @Test
    void an_account_the_caller_cannot_reach_does_not_exist_with_400() {
        for (var id : List.of("nope", "AAAAAAAAAAAAAAAAAAAAAA", foreign.id())) {
            var list = get(invoices(id), master.token());
            var one = get(invoices(id) + "/" + masterOctober.invoiceId(), master.token());
            for (var response : List.of(list, one)) {
                assertThat(response.status()).isEqualTo(400);
                assertThat(response.body()).isEqualTo("{\"code\":2001,\"message\":\"Account does not exist: " + id + ".\"}");
            }
        }
        var upwards = get(invoices(master.id()), sub.token());
        assertThat(upwards.status()).isEqualTo(400);
        assertThat(upwards.body()).as("a sub account cannot read its master's")
                .isEqualTo("{\"code\":2001,\"message\":\"Account does not exist: " + master.id() + ".\"}");
        var sideways = get(invoices(selfPay.id()), sub.token());
        assertThat(sideways.body()).isEqualTo("{\"code\":2001,\"message\":\"Account does not exist: " + selfPay.id() + ".\"}");
    }

    @Test
    void a_self_pay_sub_account_is_refused_to_its_master_and_a_free_account_to_everyone() {
        for (var path : List.of(invoices(selfPay.id()), invoices(selfPay.id()) + "/" + selfPayOctober.invoiceId())) {
            var response = get(path, master.token());
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).isEqualTo("{\"code\":2100,\"message\":\"This subaccount is on self pay mode.\"}");
        }
        var paidOnly = "{\"code\":200,\"message\":\"Only available for Paid account: " + free.id() + ".\"}";
        for (var request : List.of(
                new String[] {invoices(free.id()), master.token()},
                new String[] {invoices(free.id()) + "/" + freeOctober.invoiceId(), master.token()},
                new String[] {invoices("me"), free.token()},
                new String[] {invoices("me") + "/" + freeOctober.invoiceId(), free.token()})) {
            var response = get(request[0], request[1]);
            assertThat(response.status()).as(request[0]).isEqualTo(400);
            assertThat(response.body()).isEqualTo(paidOnly);
        }
    }

    @Test
    void an_invoice_the_account_does_not_have_does_not_exist() {
        for (var id : List.of("0123456789abcdef0123456789abcdef", "nope", masterOctober.invoiceId(), selfPayOctober.invoiceId())) {
            var response = get(invoices(sub.id()) + "/" + id, master.token());
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).isEqualTo("{\"code\":2001,\"message\":\"InvoiceId does not exist: " + id + ".\"}");
        }
        var response = get(invoices("me") + "/" + october.invoiceId(), master.token());
        assertThat(response.body()).as("the sub's invoice is not the master's own")
                .isEqualTo("{\"code\":2001,\"message\":\"InvoiceId does not exist: " + october.invoiceId() + ".\"}");
    }

    @Test
    void the_range_is_at_most_one_year_within_the_past_three_years() {
        var path = invoices(sub.id());
        var t = master.token();
        assertThat(get(path + "?from=2025-11-24&to=2026-11-24", t).status()).as("exactly one year").isEqualTo(200);
        assertThat(get(path + "?from=2026-11-24&to=2026-11-24", t).status()).as("one day").isEqualTo(200);
        assertThat(get(path + "?from=2026-11-01&to=2027-03-01", t).status()).as("to after today").isEqualTo(200);
        assertThat(get(path + "?from=2023-11-24&to=2024-11-24", t).status()).as("from exactly three years ago").isEqualTo(200);
        assertThat(get(path + "?to=2024-01-01", t).status()).as("from defaults to the earliest day allowed").isEqualTo(200);
        refused(path + "?from=2025-11-23&to=2026-11-24", "to", "The range from from to to must not exceed one year.");
        refused(path + "?from=2024-02-29&to=2025-03-01", "to", "The range from from to to must not exceed one year.");
        refused(path + "?from=2023-11-23&to=2024-11-22", "from", "Must fall within the past three years: not before 2023-11-24.");
        refused(path + "?from=2020-01-01", "from", "Must fall within the past three years: not before 2023-11-24.");
        refused(path + "?to=2023-11-23", "to", "Must fall within the past three years: not before 2023-11-24.");
        refused(path + "?from=2026-10-02&to=2026-10-01", "to", "Must not be before from.");
        refused(path + "?from=2026-02-30", "from", "'2026-02-30' is not a date. Use yyyy-mm-dd.");
        refused(path + "?from=2026-11-01&to=2026/11/24", "to", "'2026/11/24' is not a date. Use yyyy-mm-dd.");
        refused(path + "?from=2026-11-01T00:00:00Z", "from", "'2026-11-01T00:00:00Z' is not a date. Use yyyy-mm-dd.");
        refused(path + "?to=", "to", "'' is not a date. Use yyyy-mm-dd.");
        refused(path + "?from=" + "9".repeat(50), "from", "'" + "9".repeat(40) + "...' is not a date. Use yyyy-mm-dd.");
    }

    private static void refused(String path, String field, String message) {
        var response = get(path, master.token());
        assertThat(response.status()).as(path).isEqualTo(400);
        assertThat(response.body()).as(path).isEqualTo("{\"code\":300,\"message\":\"Validation Failed.\",\"errors\":[{\"field\":\""
                + field + "\",\"message\":\"" + message + "\"}]}");
    }

    @Test
    void each_operation_takes_its_macro_or_granular_scopes() {
        var lister = server.tokenWithScopes(master.account(), List.of("billing:read:list_invoices:master"));
        assertThat(get(invoices(sub.id()), lister).status()).isEqualTo(200);
        var refused = get(invoices(sub.id()) + "/" + october.invoiceId(), lister);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).isEqualTo("{\"code\":4711,\"message\":\"Invalid access token, does not contain scopes:[billing:master, "
                + "billing:read:invoice_details:master, billing:read:invoice_details:admin].\"}");
        var reader = server.tokenWithScopes(master.account(), List.of("billing:read:invoice_details:admin"));
        assertThat(get(invoices("me") + "/" + masterOctober.invoiceId(), reader).status()).isEqualTo(200);
        var noList = get(invoices("me"), reader);
        assertThat(noList.body()).isEqualTo("{\"code\":4711,\"message\":\"Invalid access token, does not contain scopes:[billing:master, "
                + "billing:read:list_invoices:master, billing:read:list_invoices:admin].\"}");
        var macro = server.tokenWithScopes(master.account(), List.of("billing:master"));
        assertThat(get(invoices(sub.id()), macro).status()).isEqualTo(200);
        assertThat(get(invoices(sub.id()) + "/" + october.invoiceId(), macro).status()).isEqualTo(200);
        assertThat(get(invoices(sub.id()), null).body()).isEqualTo("{\"code\":124,\"message\":\"Invalid access token.\"}");
    }
}
