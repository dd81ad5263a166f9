package com.chargeline.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.accounts.PayMode;
import com.chargeline.testing.Api;
import com.chargeline.testing.TestInvoices;
import com.chargeline.testing.TestServer;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An invoice's life over HTTP: listed, posted (numbered per issuer), paid in parts, voided with a reason. */
class NativeInvoiceEndpointsTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String invoices(String account) {
        return "/api/v1/accounts/" + account + "/invoices";
    }

    private static Api.Response post(String path, String token, String body) {
        return server.api.post(path, token, body);
    }

    @Test
    void an_invoice_is_drafted_posted_paid_in_two_parts_and_then_paid() {
        var master = server.master("Invoice Life Master");
        var sub = server.sub(master, "Invoice Life Sub", PayMode.MASTER);
        var subDraft = TestInvoices.draft(server, sub, master.account().id(), YearMonth.of(2026, 10));
        var masterDraft = TestInvoices.draft(server, master, master.account().id(), YearMonth.of(2026, 10));
        var t = master.token();

        var listed = server.api.get(invoices(sub.id()), t);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().get("invoices")).hasSize(1);
        var draft = listed.json().get("invoices").get(0);
        assertThat(draft.get("invoice_id").asText()).isEqualTo(subDraft.invoiceId()).matches("[0-9a-f]{32}");
        assertThat(draft.get("status").asText()).isEqualTo("Draft");
        assertThat(draft.has("number")).isFalse();
        assertThat(draft.get("issuer_account_id").asText()).isEqualTo(master.id());
        assertThat(draft.get("period_start").asText()).isEqualTo("2026-10-01");
        assertThat(draft.get("period_end").asText()).isEqualTo("2026-10-31");
        assertThat(draft.get("subtotal").asText() + " " + draft.get("tax").asText() + " " + draft.get("total").asText())
                .isEqualTo("101.54 8.63 110.17");
        assertThat(draft.has("items")).isFalse();

        var details = server.api.get(invoices(sub.id()) + "/" + subDraft.invoiceId(), t).json();
        assertThat(details.get("items")).hasSize(3);
        assertThat(details.at("/items/1/amount").asText()).isEqualTo("1.54");
        assertThat(details.at("/items/1/unit_price").asText()).isEqualTo("0.0125");
        assertThat(details.at("/items/1/charge_type").asText()).isEqualTo("Billed on master");
        assertThat(details.at("/items/2/kind").asText()).isEqualTo("tax");
        assertThat(details.at("/items/2/unit_price").isMissingNode()).isTrue();
        assertThat(details.get("payments")).isEmpty();

        var posted = post(invoices(sub.id()) + "/" + subDraft.invoiceId() + "/post", t, "");
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        assertThat(posted.json().get("number").asText()).isEqualTo("INV-000001");
        assertThat(posted.json().get("status").asText()).isEqualTo("Posted");
        assertThat(posted.json().get("invoice_date").asText()).isEqualTo("2026-11-24");
        assertThat(posted.json().get("due_date").asText()).isEqualTo("2026-12-24");
        assertThat(posted.json().get("posted_at").asText()).isEqualTo("2026-11-24T10:00:00Z");
        var second = post(invoices("me") + "/" + masterDraft.invoiceId() + "/post", t, "");
        assertThat(second.json().get("number").asText()).as("one counter per issuer").isEqualTo("INV-000002");

        var payments = invoices(sub.id()) + "/" + subDraft.invoiceId() + "/payments";
        var part = post(payments, t, "{\"amount\":\"100.00\",\"paid_on\":\"2026-11-20\",\"reference\":\"wire 1\"}");
        assertThat(part.status()).as(part.body()).isEqualTo(201);
        assertThat(part.json().get("status").asText()).isEqualTo("Posted");
        assertThat(part.json().get("paid").asText()).isEqualTo("100.00");
        assertThat(part.json().get("balance").asText()).isEqualTo("10.17");
        assertThat(part.json().at("/payments/0/reference").asText()).isEqualTo("wire 1");
        var rest = post(payments, t, "{\"amount\":\"10.17\",\"paid_on\":\"2026-11-24\"}");
        assertThat(rest.status()).as(rest.body()).isEqualTo(201);
        assertThat(rest.json().get("status").asText()).isEqualTo("Paid");
        assertThat(rest.json().get("balance").asText()).isEqualTo("0.00");
        assertThat(rest.json().get("payments")).hasSize(2);
        assertThat(rest.json().at("/payments/1/payment_no").asInt()).isEqualTo(2);
        assertThat(rest.json().at("/payments/1/reference").asText()).isEmpty();

        var paid = server.api.get(invoices(sub.id()) + "?status=Paid", t).json().get("invoices");
        assertThat(paid).hasSize(1);
        assertThat(server.api.get(invoices(sub.id()) + "?status=Draft", t).json().get("invoices")).isEmpty();
        var again = post(payments, t, "{\"amount\":\"0.01\",\"paid_on\":\"2026-11-24\"}");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).isEqualTo("{\"code\":2100,\"message\":\"Invoice " + subDraft.invoiceId()
                + " is Paid: nothing is due.\"}");
        var history = server.app.wiring().invoiceQueries.history(sub.account().id(), subDraft.invoiceId());
        assertThat(history).extracting(e -> e.action() + ":" + e.to().wire())
                .containsExactly("draft:Draft", "post:Posted", "pay:Posted", "pay:Paid");
    }

    @Test
    void a_void_needs_a_reason_keeps_the_number_and_takes_no_payments() {
        var master = server.master("Invoice Void Master");
        var t = master.token();
        var first = TestInvoices.draft(server, master, master.account().id(), YearMonth.of(2026, 9));
        var next = TestInvoices.draft(server, master, master.account().id(), YearMonth.of(2026, 10));
        var path = invoices("me") + "/" + first.invoiceId();
        assertThat(post(path + "/post", t, "").json().get("number").asText()).isEqualTo("INV-000001");

        var noReason = post(path + "/void", t, "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).isEqualTo("{\"code\":300,\"message\":\"Validation Failed.\",\"errors\":[{\"field\":\"reason\","
                + "\"message\":\"This field is required.\"}]}");
        var blank = post(path + "/void", t, "{\"reason\":\"  \"}");
        assertThat(blank.body()).isEqualTo("{\"code\":300,\"message\":\"Validation Failed.\",\"errors\":[{\"field\":\"reason\","
                + "\"message\":\"Must not be blank.\"}]}");

        var voided = post(path + "/void", t, "{\"reason\":\"Billed the wrong plan\"}");
        assertThat(voided.status()).as(voided.body()).isEqualTo(200);
        assertThat(voided.json().get("status").asText()).isEqualTo("Void");
        assertThat(voided.json().get("number").asText()).isEqualTo("INV-000001");
        assertThat(voided.json().get("void_reason").asText()).isEqualTo("Billed the wrong plan");
        assertThat(voided.json().get("total").asText()).isEqualTo("110.17");

        var pay = post(path + "/payments", t, "{\"amount\":\"1.00\",\"paid_on\":\"2026-11-24\"}");
        assertThat(pay.status()).isEqualTo(400);
        assertThat(pay.body()).isEqualTo("{\"code\":2100,\"message\":\"Invoice " + first.invoiceId()
                + " is Void: it takes no payments.\"}");
        var twice = post(path + "/void", t, "{\"reason\":\"again\"}");
        assertThat(twice.body()).isEqualTo("{\"code\":2100,\"message\":\"Invoice " + first.invoiceId() + " is Void already.\"}");
        var repost = post(path + "/post", t, "");
        assertThat(repost.body()).isEqualTo("{\"code\":2100,\"message\":\"Invoice " + first.invoiceId()
                + " is Void: only a Draft can be posted.\"}");

        var after = post(invoices("me") + "/" + next.invoiceId() + "/post", t, "");
        assertThat(after.json().get("number").asText()).as("the voided number stays used").isEqualTo("INV-000002");
        var history = server.app.wiring().invoiceQueries.history(master.account().id(), first.invoiceId());
        var last = history.get(history.size() - 1);
        assertThat(last.action()).isEqualTo("void");
        assertThat(last.from().wire() + ">" + last.to().wire()).isEqualTo("Posted>Void");
        assertThat(last.detail()).isEqualTo("Billed the wrong plan");
        assertThat(last.actor()).isEqualTo(master.clientId());
    }

    @Test
    void payments_on_drafts_above_the_balance_or_finer_than_the_currency_are_refused_exactly() {
        var master = server.master("Invoice Pay Master");
        var t = master.token();
        var invoice = TestInvoices.draft(server, master, master.account().id(), YearMonth.of(2026, 8));
        var path = invoices("me") + "/" + invoice.invoiceId();
        var onDraft = post(path + "/payments", t, "{\"amount\":\"1.00\",\"paid_on\":\"2026-11-24\"}");
        assertThat(onDraft.status()).isEqualTo(400);
        assertThat(onDraft.body()).isEqualTo("{\"code\":2100,\"message\":\"Invoice " + invoice.invoiceId()
                + " is a Draft: post it before recording a payment.\"}");
        post(path + "/post", t, "");
        var over = post(path + "/payments", t, "{\"amount\":\"110.18\",\"paid_on\":\"2026-11-24\"}");
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.body()).isEqualTo("{\"code\":2100,\"message\":\"A payment of 110.18 USD is more than the balance due "
                + "of 110.17 USD on invoice " + invoice.invoiceId() + ".\"}");
        var fine = post(path + "/payments", t, "{\"amount\":\"12.505\",\"paid_on\":\"2026-11-24\"}");
        assertThat(fine.body()).isEqualTo("{\"code\":300,\"message\":\"Validation Failed.\",\"errors\":[{\"field\":\"amount\","
                + "\"message\":\"At most 2 decimals for USD.\"}]}");
        var number = post(path + "/payments", t, "{\"amount\":12.5,\"paid_on\":\"2026-11-24\"}");
        assertThat(number.body()).isEqualTo("{\"code\":300,\"message\":\"Validation Failed.\",\"errors\":[{\"field\":\"amount\","
                + "\"message\":\"Expected a decimal string such as \\\"12.50\\\".\"}]}");
        var zero = post(path + "/payments", t, "{\"amount\":\"0.00\",\"paid_on\":\"2026-11-24\"}");
        assertThat(zero.body()).contains("\"field\":\"amount\",\"message\":\"Must be more than 0.\"");
        var future = post(path + "/payments", t, "{\"amount\":\"1.00\",\"paid_on\":\"2026-11-25\"}");
        assertThat(future.body()).isEqualTo("{\"code\":300,\"message\":\"Validation Failed.\",\"errors\":[{\"field\":\"paid_on\","
                + "\"message\":\"Must not be after today (2026-11-24 in UTC).\"}]}");
        var misspelt = post(path + "/payments", t, "{\"amount\":\"1.00\",\"paid_on\":\"2026-11-24\",\"referense\":\"x\"}");
        assertThat(misspelt.body()).isEqualTo("{\"code\":300,\"message\":\"Validation Failed.\",\"errors\":[{\"field\":\"referense\","
                + "\"message\":\"Unknown field.\"}]}");
        var trailing = post(path + "/payments", t, "{\"amount\":\"12.50\",\"paid_on\":\"2026-11-24\"}");
        assertThat(trailing.status()).as("a whole cent amount with its zero is fine").isEqualTo(201);
        assertThat(trailing.json().get("balance").asText()).isEqualTo("97.67");
        var partlyPaid = post(path + "/void", t, "{\"reason\":\"too late\"}");
        assertThat(partlyPaid.body()).isEqualTo("{\"code\":2100,\"message\":\"Invoice " + invoice.invoiceId()
                + " has payments of 12.50 USD: it cannot be voided.\"}");
    }

    @Test
    void unknown_invoices_and_other_tenants_are_not_found_in_the_zoom_shape() {
        var master = server.master("Invoice Lookup Master");
        var other = server.master("Invoice Lookup Other");
        var foreign = TestInvoices.draft(server, other, other.account().id(), YearMonth.of(2026, 10));
        var t = master.token();
        var unknown = server.api.get(invoices("me") + "/nope", t);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"code\":404,\"message\":\"Invoice does not exist: nope.\"}");
        var notMine = post(invoices("me") + "/" + foreign.invoiceId() + "/post", t, "");
        assertThat(notMine.status()).isEqualTo(404);
        assertThat(notMine.body()).isEqualTo("{\"code\":404,\"message\":\"Invoice does not exist: " + foreign.invoiceId() + ".\"}");
        var foreignAccount = server.api.get(invoices(other.id()), t);
        assertThat(foreignAccount.body()).isEqualTo("{\"code\":2001,\"message\":\"Account does not exist: " + other.id() + ".\"}");
        var badStatus = server.api.get(invoices("me") + "?status=paid", t);
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.body()).isEqualTo("{\"code\":300,\"message\":\"Validation Failed.\",\"errors\":[{\"field\":\"status\","
                + "\"message\":\"Must be one of Draft, Posted, Paid, Void.\"}]}");
    }

    @Test
    void a_sub_reads_its_own_invoices_but_may_not_post_them() {
        var master = server.master("Invoice Scope Master");
        var sub = server.sub(master, "Invoice Scope Sub", PayMode.MASTER);
        var invoice = TestInvoices.draft(server, sub, master.account().id(), YearMonth.of(2026, 10));
        var own = server.api.get(invoices("me"), sub.token());
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().at("/invoices/0/invoice_id").asText()).isEqualTo(invoice.invoiceId());
        var refused = post(invoices("me") + "/" + invoice.invoiceId() + "/post", sub.token(), "");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).isEqualTo("{\"code\":4711,\"message\":\"Invalid access token, does not contain "
                + "scopes:[chargeline:invoices:write, chargeline:admin].\"}");
    }
}
