package com.chargeline.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.accounts.PayMode;
import com.chargeline.api.v1.UsageFixture;
import com.chargeline.common.id.AccountId;
import com.chargeline.testing.TestServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The invoice run end to end on a real database: plans in advance with day proration and credits, usage in
 * arrears equal to the usage lines, taxes of the bill-to address, idempotent re-runs, a late record after posting
 * as exactly one adjustment on the next invoice, and who issues a sub account's invoice.
 */
class InvoiceRunTest {
    private static final YearMonth NOV = YearMonth.of(2026, 11);
    private static final YearMonth DEC = YearMonth.of(2026, 12);
    private static final YearMonth JAN = YearMonth.of(2027, 1);

    @Test
    void plans_in_advance_usage_in_arrears_taxes_reruns_and_a_late_record() {
        try (var server = new TestServer()) {
            var w = server.app.wiring();
            var fx = new UsageFixture(server, "Run Master");
            var master = fx.master;
            var id = master.account().id();
            var contact = server.api.send("PATCH", "/v2/accounts/" + master.id() + "/billing", master.token(),
                    "application/json", "{\"first_name\":\"Ada\",\"last_name\":\"L\",\"email\":\"ada@example.com\","
                            + "\"phone_number\":\"+12125550100\",\"address\":\"1 Main St\",\"city\":\"New York\","
                            + "\"state\":\"NY\",\"zip\":\"10001\",\"country\":\"US\"}");
            assertThat(contact.status()).as(contact.body()).isEqualTo(200);
            server.subscribe(master, "monthly", 4); // 2026-11-24, 15.99 per host per month
            ingest(server, fx, "n1", "+12125550123", 125, "2026-11-02T10:00:00Z");
            ingest(server, fx, "n2", "+442071838750", 61, "2026-11-20T10:00:00Z");
            var novemberUsage = w.usageCharges.lines(id, new BillingMonth(NOV, java.time.ZoneOffset.UTC));

            assertThat(w.runInvoices.run(NOV, null, "test").notClosed()).isEqualTo(1); // still November
            advanceTo(server, "2026-12-01T00:30:00Z");
            var first = w.runInvoices.run(NOV, null, "test");
            assertThat(first.refused()).isEmpty();
            assertThat(first.drafted()).hasSize(1);
            var nov = w.invoiceQueries.details(id, first.drafted().get(0).invoiceId());
            assertThat(lines(nov)).containsExactly(
                    "plan|Standard Pro Monthly (Monthly), 4 hosts, 7 of 30 days|2026-11-24|2026-11-30|14.92",
                    "plan|Standard Pro Monthly (Monthly), 4 hosts|2026-12-01|2026-12-31|63.96",
                    "usage|" + novemberUsage.get(0).description() + "|2026-11-01|2026-11-30|"
                            + novemberUsage.get(0).amount().toPlainString(),
                    "usage|" + novemberUsage.get(1).description() + "|2026-11-01|2026-11-30|"
                            + novemberUsage.get(1).amount().toPlainString(),
                    "tax|Sales tax 4%|2026-11-01|2026-11-30|" + tax("0.04", nov));
            assertThat(novemberUsage).hasSize(2);
            assertThat(nov.invoice().total().amount()).isEqualByComparingTo(nov.items().stream()
                    .map(i -> i.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add));

            var again = w.runInvoices.run(NOV, null, "test");
            assertThat(again.drafted()).isEmpty();
            assertThat(w.invoiceQueries.list(id, null)).hasSize(1);

            w.postInvoice.post(id, nov.invoice().invoiceId(), "test");
            advanceTo(server, "2026-12-03T09:00:00Z");
            ingest(server, fx, "late", "+12125550123", 600, "2026-11-20T12:00:00Z"); // arrives after posting
            var novemberNow = w.usageCharges.lines(id, new BillingMonth(NOV, java.time.ZoneOffset.UTC));
            advanceTo(server, "2026-12-16T09:00:00Z");
            w.changeBasePlan.change(server.reload(id), "test", "monthly", 6, null, null);

            advanceTo(server, "2027-01-01T01:00:00Z");
            var second = w.runInvoices.run(DEC, null, "test");
            var dec = w.invoiceQueries.details(id, second.drafted().get(0).invoiceId());
            var late = local(novemberNow).amount().minus(local(novemberUsage).amount());
            assertThat(lines(dec)).containsExactly(
                    "credit|Credit: Standard Pro Monthly, 2026-12-01 to 2026-12-31 as charged on INV-000001|2026-12-01|2026-12-31|-63.96",
                    "plan|Standard Pro Monthly (Monthly), 4 hosts, 15 of 31 days|2026-12-01|2026-12-15|30.95",
                    "plan|Standard Pro Monthly (Monthly), 6 hosts, 16 of 31 days|2026-12-16|2026-12-31|49.52",
                    "plan|Standard Pro Monthly (Monthly), 6 hosts|2027-01-01|2027-01-31|95.94",
                    "adjustment|Adjustment for 2026-11: Local calls, United States (US)|2026-11-01|2026-11-30|"
                            + late.toPlainString(),
                    "tax|Sales tax 4%|2026-12-01|2026-12-31|" + tax("0.04", dec));
            assertThat(late.amount().signum()).isPositive();
            var adjustment = dec.items().get(4);
            assertThat(adjustment.correctsPeriod()).isEqualTo(NOV.atDay(1));
            assertThat(adjustment.usage().records()).isEqualTo(1);
            assertThat(adjustment.usage().billedSeconds()).isEqualTo(600);

            // The late record is billed once: the January invoice has no adjustment, only February in advance.
            advanceTo(server, "2027-02-01T01:00:00Z");
            var third = w.runInvoices.run(JAN, null, "test");
            var jan = w.invoiceQueries.details(id, third.drafted().get(0).invoiceId());
            assertThat(lines(jan)).containsExactly(
                    "plan|Standard Pro Monthly (Monthly), 6 hosts|2027-02-01|2027-02-28|95.94",
                    "tax|Sales tax 4%|2027-01-01|2027-01-31|3.84");
        }
    }

    @Test
    void a_posted_invoice_its_items_and_pdf_never_change_and_a_rerating_is_adjusted_on_the_next_invoice() {
        try (var server = new TestServer()) {
            var w = server.app.wiring();
            var fx = new UsageFixture(server, "Rerated Master");
            var id = fx.master.account().id();
            ingest(server, fx, "r1", "+12125550123", 600, "2026-11-10T10:00:00Z");
            ingest(server, fx, "r2", "+12125550124", 300, "2026-11-12T10:00:00Z");
            advanceTo(server, "2026-12-01T01:00:00Z");
            var nov = w.runInvoices.run(NOV, null, "test").drafted().get(0);
            w.postInvoice.post(id, nov.invoiceId(), "test");
            var items = w.invoiceQueries.details(id, nov.invoiceId()).items();
            var pdf = w.invoiceDocuments.pdf(id, nov.invoiceId());
            var before = local(w.usageCharges.lines(id, new BillingMonth(NOV, java.time.ZoneOffset.UTC)));

            // the deck's local rate goes from 0.05 to 0.08 a minute and November is re-rated
            var rates = UsageFixture.DECK.replace("1,United States,local,0.05,", "1,United States,local,0.08,");
            w.importRates.calls(id, java.util.UUID.fromString(fx.deckId), new java.io.StringReader(rates));
            var rerated = w.rerateCalls.rerate(id, NOV.atDay(1), NOV.atEndOfMonth());
            assertThat(rerated.changed()).isPositive();
            var after = local(w.usageCharges.lines(id, new BillingMonth(NOV, java.time.ZoneOffset.UTC)));
            assertThat(after.amount().amount()).isGreaterThan(before.amount().amount());

            assertThat(w.invoiceQueries.details(id, nov.invoiceId()).items()).isEqualTo(items);
            assertThat(w.invoiceDocuments.pdf(id, nov.invoiceId())).isEqualTo(pdf);
            advanceTo(server, "2027-01-01T01:00:00Z");
            var dec = w.invoiceQueries.details(id, w.runInvoices.run(DEC, null, "test").drafted().get(0).invoiceId());
            assertThat(lines(dec)).containsExactly("adjustment|Adjustment for 2026-11: Local calls, United States (US)"
                    + "|2026-11-01|2026-11-30|" + after.amount().minus(before.amount()).toPlainString());
            assertThat(dec.items().get(0).usage().records()).as("the same calls, re-priced").isZero();
        }
    }

    @Test
    void a_master_issues_its_paying_subs_invoices_and_a_self_pay_sub_its_own() {
        try (var server = new TestServer()) {
            var w = server.app.wiring();
            var master = server.master("Issuer Master");
            var paid = server.sub(master, "Paid Sub", PayMode.MASTER);
            var self = server.sub(master, "Self Sub", PayMode.SUB);
            server.subscribe(paid, "monthly", 2);
            server.subscribe(self, "monthly", 1);
            advanceTo(server, "2026-12-01T00:00:00Z");
            var run = w.runInvoices.run(NOV, null, "test");
            assertThat(run.drafted()).extracting(RunInvoices.Drafted::accountId)
                    .containsExactlyInAnyOrder(paid.account().id(), self.account().id());
            var paidInvoice = only(w, paid.account().id());
            assertThat(paidInvoice.invoice().issuerId()).isEqualTo(master.account().id());
            assertThat(paidInvoice.items()).allSatisfy(i -> assertThat(i.chargeType()).isEqualTo(InvoiceItem.BILLED_ON_MASTER));
            var selfInvoice = only(w, self.account().id());
            assertThat(selfInvoice.invoice().issuerId()).isEqualTo(self.account().id());
            assertThat(selfInvoice.items()).allSatisfy(i -> assertThat(i.chargeType()).isEmpty());
        }
    }

    @Test
    void a_month_is_invoiced_only_once_it_has_closed_in_the_accounts_zone() {
        try (var server = new TestServer()) {
            var w = server.app.wiring();
            var la = server.master("Pacific Master");
            var kathmandu = server.master("Himalaya Master");
            w.db.withHandle(h -> h.execute("UPDATE account SET time_zone = 'America/Los_Angeles' WHERE account_id = ?",
                    la.account().id().value()));
            w.db.withHandle(h -> h.execute("UPDATE account SET time_zone = 'Asia/Kathmandu' WHERE account_id = ?",
                    kathmandu.account().id().value()));
            server.subscribe(la, "monthly", 1);
            server.subscribe(kathmandu, "monthly", 1);
            // 2026-11-30T18:15Z is midnight in Kathmandu (+05:45) and still 10:15 on the 30th in Los Angeles.
            advanceTo(server, "2026-11-30T18:15:00Z");
            var early = w.runInvoices.run(NOV, kathmandu.account().id(), "test");
            assertThat(early.drafted()).hasSize(1);
            assertThat(w.runInvoices.run(NOV, la.account().id(), "test").notClosed()).isEqualTo(1);
            advanceTo(server, "2026-12-01T08:00:00Z"); // midnight in Los Angeles (PST, -08:00)
            assertThat(w.runInvoices.run(NOV, la.account().id(), "test").drafted()).hasSize(1);
        }
    }

    @Test
    void a_cancellation_is_prorated_to_its_last_day_and_an_annual_plan_is_charged_for_its_cycle() {
        try (var server = new TestServer()) {
            var w = server.app.wiring();
            var monthly = server.master("Cancelling Master");
            var annual = server.master("Annual Master");
            server.subscribe(monthly, "monthly", 2); // from 2026-11-24
            server.subscribe(annual, "yearly", 3); // 159.89 per host per year, from 2026-11-24
            advanceTo(server, "2026-12-01T00:00:00Z");
            var nov = w.runInvoices.run(NOV, null, "test");
            assertThat(nov.drafted()).hasSize(2);
            assertThat(lines(only(w, annual.account().id()))).containsExactly(
                    "plan|Standard Pro Annual (Annual), 3 hosts|2026-11-24|2027-11-23|479.67");
            w.postInvoice.post(monthly.account().id(), only(w, monthly.account().id()).invoice().invoiceId(), "test");

            advanceTo(server, "2026-12-10T12:00:00Z");
            w.cancelBasePlan.cancel(server.reload(monthly.account().id()), "test", null); // ends with its paid period
            advanceTo(server, "2027-01-01T00:00:00Z");
            var dec = w.runInvoices.run(DEC, null, "test");
            var invoice = w.invoiceQueries.details(monthly.account().id(), dec.drafted().stream()
                    .filter(d -> d.accountId().equals(monthly.account().id())).findFirst().orElseThrow().invoiceId());
            // paid through 2026-12-23: the month charged in advance is credited and 23 of 31 days charged
            assertThat(lines(invoice)).containsExactly(
                    "credit|Credit: Standard Pro Monthly, 2026-12-01 to 2026-12-31 as charged on INV-000001|2026-12-01|2026-12-31|-31.98",
                    "plan|Standard Pro Monthly (Monthly), 2 hosts, 23 of 31 days|2026-12-01|2026-12-23|23.73");
            // the annual plan was charged for its whole cycle: nothing more in December
            assertThat(dec.drafted()).extracting(RunInvoices.Drafted::accountId).containsExactly(monthly.account().id());
            assertThat(dec.nothingToBill()).isEqualTo(1);
        }
    }

    @Test
    void an_account_whose_plans_cannot_be_billed_in_its_currency_is_refused_and_the_others_invoiced() {
        try (var server = new TestServer()) {
            var w = server.app.wiring();
            var euro = server.master("Euro Master");
            var dollar = server.master("Dollar Master");
            w.db.withHandle(h -> h.execute("UPDATE account SET currency = 'EUR' WHERE account_id = ?", euro.account().id().value()));
            server.subscribe(euro, "monthly", 1);
            server.subscribe(dollar, "monthly", 1);
            advanceTo(server, "2026-12-01T00:00:00Z");
            var run = w.runInvoices.run(NOV, null, "test");
            assertThat(run.drafted()).extracting(RunInvoices.Drafted::accountId).containsExactly(dollar.account().id());
            assertThat(run.refused()).containsExactly(java.util.Map.entry(euro.account().id(), "Account " + euro.id()
                    + " cannot be invoiced for 2026-11: its plans are priced in USD and it is billed in EUR."));
        }
    }

    private static InvoiceQueries.Details only(com.chargeline.Wiring w, AccountId account) {
        var list = w.invoiceQueries.list(account, null);
        assertThat(list).hasSize(1);
        return w.invoiceQueries.details(account, list.get(0).invoiceId());
    }

    private static UsageLine local(List<UsageLine> lines) {
        return lines.stream().filter(l -> l.description().equals("Local calls, United States (US)")).findFirst().orElseThrow();
    }

    private static void ingest(TestServer server, UsageFixture fx, String id, String callee, int seconds, String end) {
        // a fresh token: the clock moves by weeks between the calls
        var r = server.api.post(fx.path("/usage/calls"), server.tokenWithScopes(fx.master.account(), List.of()),
                "[" + UsageFixture.call(id, "outbound", "+14155550100", callee, "1001", seconds, end) + "]");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static void advanceTo(TestServer server, String instant) {
        var to = Instant.parse(instant);
        var by = Duration.between(server.clock.instant(), to);
        assertThat(by).isPositive();
        server.clock.advance(by);
    }

    private static List<String> lines(InvoiceQueries.Details details) {
        return details.items().stream().map(i -> i.kind().wire() + "|" + i.description() + "|" + i.startDate() + "|"
                + i.endDate() + "|" + i.amount().toPlainString()).toList();
    }

    /** The tax at {@code rate} of the invoice's non-tax lines, half-up to the cent. */
    private static String tax(String rate, InvoiceQueries.Details details) {
        var subtotal = details.items().stream().filter(i -> i.kind() != InvoiceItem.Kind.TAX)
                .map(i -> i.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        return subtotal.multiply(new BigDecimal(rate)).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
