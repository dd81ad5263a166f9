package com.chargeline.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chargeline.common.error.Conflict;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.money.Money;
import com.chargeline.testing.TestInvoices;
import com.chargeline.testing.TestServer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ledger's rules in the database: one invoice per account and period, posted invoices never change, rounding. */
class InvoiceLedgerTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void execute(String sql) {
        server.app.wiring().db.withHandle(h -> h.execute(sql));
    }

    @Test
    void an_account_has_one_invoice_per_period() {
        var master = server.master("Ledger Period Master");
        var other = server.master("Ledger Period Other");
        var first = TestInvoices.draft(server, master, master.account().id(), YearMonth.of(2026, 10));
        assertThatThrownBy(() -> TestInvoices.draft(server, master, master.account().id(), YearMonth.of(2026, 10)))
                .isInstanceOf(Conflict.class)
                .hasMessage("Account " + master.id() + " has an invoice for the period starting 2026-10-01 already: "
                        + first.invoiceId() + ".");
        assertThat(TestInvoices.draft(server, other, other.account().id(), YearMonth.of(2026, 10)).status())
                .isEqualTo(InvoiceStatus.DRAFT);
        assertThat(server.app.wiring().invoiceQueries.list(master.account().id(), null)).hasSize(1);
    }

    @Test
    void two_drafts_of_one_period_at_once_give_one_invoice_and_one_conflict() throws Exception {
        var master = server.master("Ledger Race Master");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var go = new java.util.concurrent.CountDownLatch(1);
            var results = new java.util.ArrayList<java.util.concurrent.Future<String>>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        return TestInvoices.draft(server, master, master.account().id(), YearMonth.of(2026, 7)).status().wire();
                    } catch (Conflict e) {
                        return "conflict";
                    }
                }));
            }
            go.countDown();
            var outcomes = new java.util.ArrayList<String>();
            for (var r : results) {
                outcomes.add(r.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(outcomes).containsExactlyInAnyOrder("Draft", "conflict", "conflict", "conflict");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_voided_draft_takes_no_number() {
        var master = server.master("Ledger Void Draft Master");
        var wiring = server.app.wiring();
        var dropped = TestInvoices.draft(server, master, master.account().id(), YearMonth.of(2026, 9));
        var kept = TestInvoices.draft(server, master, master.account().id(), YearMonth.of(2026, 10));
        var voided = wiring.voidInvoice.voidInvoice(dropped.accountId(), dropped.invoiceId(), "Drafted twice", "test");
        assertThat(voided.status()).isEqualTo(InvoiceStatus.VOID);
        assertThat(voided.number()).isNull();
        assertThat(voided.voidReason()).isEqualTo("Drafted twice");
        assertThat(wiring.postInvoice.post(kept.accountId(), kept.invoiceId(), "test").number()).isEqualTo("INV-000001");
        assertThat(wiring.invoiceQueries.list(master.account().id(), InvoiceStatus.VOID)).extracting(Invoice::invoiceId)
                .containsExactly(dropped.invoiceId());
        assertThat(wiring.invoiceQueries.history(dropped.accountId(), dropped.invoiceId()))
                .extracting(e -> e.action() + ":" + (e.from() == null ? "-" : e.from().wire()) + ">" + e.to().wire())
                .containsExactly("draft:->Draft", "void:Draft>Void");
    }

    @Test
    void a_posted_invoices_items_and_amounts_can_not_be_changed_even_in_sql() {
        var master = server.master("Ledger Frozen Master");
        var draft = TestInvoices.draft(server, master, master.account().id(), YearMonth.of(2026, 10));
        var where = " WHERE account_id = '" + master.account().id().value() + "' AND invoice_id = '" + draft.invoiceId() + "'";
        execute("UPDATE invoice_item SET description = 'Pro Monthly (2 hosts)'" + where + " AND line_no = 1");

        server.app.wiring().postInvoice.post(draft.accountId(), draft.invoiceId(), "test");
        assertThatThrownBy(() -> execute("UPDATE invoice_item SET amount = 0" + where))
                .hasStackTraceContaining("is Posted: its items never change");
        assertThatThrownBy(() -> execute("DELETE FROM invoice_item" + where))
                .hasStackTraceContaining("is Posted: its items never change");
        assertThatThrownBy(() -> execute("INSERT INTO invoice_item (account_id, invoice_id, line_no, kind, description, "
                + "quantity, amount, start_date, end_date) VALUES ('" + master.account().id().value() + "', '"
                + draft.invoiceId() + "', 9, 'credit', 'x', 1, -5, '2026-10-01', '2026-10-31')"))
                .hasStackTraceContaining("is Posted: its items never change");
        assertThatThrownBy(() -> execute("UPDATE invoice SET total = 0, subtotal = 0, tax = 0" + where))
                .hasStackTraceContaining("its amounts, period, number and dates never change");
        assertThatThrownBy(() -> execute("DELETE FROM invoice" + where)).hasStackTraceContaining("it is never deleted");

        server.app.wiring().payInvoice.pay(draft.accountId(), draft.invoiceId(), new BigDecimal("10"),
                LocalDate.of(2026, 11, 1), "r", "test");
        assertThatThrownBy(() -> execute("UPDATE invoice_payment SET amount = 1" + where))
                .hasStackTraceContaining("invoice_payment: rows are appended, never changed or deleted");

        var details = server.app.wiring().invoiceQueries.details(draft.accountId(), draft.invoiceId());
        assertThat(details.items()).extracting(i -> i.description() + "=" + i.amount().toPlainString())
                .containsExactly("Pro Monthly (2 hosts)=100.00", "Local calls, United States (US)=1.54", "Sales tax 8.5%=8.63");
        assertThat(details.invoice().total().toPlainString()).isEqualTo("110.17");
        assertThat(details.invoice().balance().toPlainString()).isEqualTo("100.17");
        assertThat(details.items()).extracting(InvoiceItem::usage).containsExactly(null,
                new InvoiceItem.Usage(UsageLine.Kind.CALLS, "outbound", "local", "US", 41, 7380, 0), null);
    }

    @Test
    void lines_are_rounded_half_up_to_the_minor_unit_and_the_total_is_their_sum() {
        var master = server.master("Ledger Yen Master");
        var yen = Currency.getInstance("JPY");
        var month = YearMonth.of(2026, 10);
        var first = month.atDay(1);
        var last = month.atEndOfMonth();
        var lines = List.of(
                new InvoiceItem.Line(InvoiceItem.Kind.USAGE, "Calls", new BigDecimal("7"), new Money(new BigDecimal("0.5"), yen),
                        new Money(new BigDecimal("3.5"), yen), first, last, "", null),
                new InvoiceItem.Line(InvoiceItem.Kind.USAGE, "SMS", new BigDecimal("3"), null,
                        new Money(new BigDecimal("2.49"), yen), first, last, "", null),
                new InvoiceItem.Line(InvoiceItem.Kind.ADJUSTMENT, "Late calls of 2026-09", BigDecimal.ONE, null,
                        new Money(new BigDecimal("-1.5"), yen), first, last, "", LocalDate.of(2026, 9, 1)),
                new InvoiceItem.Line(InvoiceItem.Kind.TAX, "Consumption tax", BigDecimal.ONE, null,
                        new Money(new BigDecimal("0.5"), yen), first, last, "", null));
        var invoice = TestInvoices.draft(server, master, master.account().id(), month, lines);
        assertThat(invoice.subtotal().toPlainString()).as("4 + 2 - 2 (half-up of -1.5)").isEqualTo("4");
        assertThat(invoice.tax().toPlainString()).isEqualTo("1");
        assertThat(invoice.total().toPlainString()).isEqualTo("5");
        var details = server.app.wiring().invoiceQueries.details(invoice.accountId(), invoice.invoiceId());
        assertThat(details.items().get(2).correctsPeriod()).isEqualTo(LocalDate.of(2026, 9, 1));

        server.app.wiring().postInvoice.post(invoice.accountId(), invoice.invoiceId(), "test");
        Invalid refused = null;
        try {
            server.app.wiring().payInvoice.pay(invoice.accountId(), invoice.invoiceId(), new BigDecimal("2.50"),
                    LocalDate.of(2026, 11, 1), null, "test");
        } catch (Invalid e) {
            refused = e;
        }
        assertThat(refused).isNotNull();
        assertThat(refused.fieldErrors()).extracting(f -> f.field() + ": " + f.message())
                .containsExactly("amount: JPY amounts are whole numbers.");
        var paid = server.app.wiring().payInvoice.pay(invoice.accountId(), invoice.invoiceId(), new BigDecimal("5.00"),
                LocalDate.of(2026, 11, 1), null, "test");
        assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(paid.balance().isZero()).isTrue();
    }
}
