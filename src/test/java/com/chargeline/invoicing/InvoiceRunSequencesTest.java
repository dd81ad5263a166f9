package com.chargeline.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.accounts.PayMode;
import com.chargeline.api.v1.UsageFixture;
import com.chargeline.common.id.AccountId;
import com.chargeline.testing.TestServer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Sequences a cold review of the invoice run found wrong (each test failed before its fix): adjacent months run at
 * once, late usage of a month that had no invoice, a discount change after an annual plan was charged, an account
 * the run cannot read.
 */
class InvoiceRunSequencesTest {
    private static final YearMonth NOV = YearMonth.of(2026, 11);
    private static final YearMonth DEC = YearMonth.of(2026, 12);
    private static final YearMonth JAN = YearMonth.of(2027, 1);
    private static final YearMonth MAY = YearMonth.of(2027, 5);

    /** A CLI run of one month while the schedule runs the next: both charge the month they share. */
    @Test
    void two_adjacent_months_run_at_once_charge_the_shared_month_once() throws Exception {
        try (var server = new TestServer()) {
            var w = server.app.wiring();
            var t = server.master("Adjacent Master");
            var id = t.account().id();
            server.subscribe(t, "monthly", 2); // 2026-11-24, 31.98 a month
            advanceTo(server, "2027-01-01T01:00:00Z"); // November was not run (skipped), December has closed
            var entered = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            var gated = new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    entered.countDown(); // RunInvoices asks the time after reading a chunk's facts, before writing
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return server.clock.instant();
                }
            };
            var december = new RunInvoices(w.db, gated, w.draftInvoice, w.planCatalog, TaxRates.defaults(), w.metrics);
            // own threads: the common pool may have a single thread on a 2-core machine
            var threads = java.util.concurrent.Executors.newFixedThreadPool(2);
            var dec = CompletableFuture.supplyAsync(() -> december.run(DEC, null, "schedule"), threads);
            entered.await();
            // the operator catches up November while December's run is between reading and writing: it waits for the
            // run's claim (without one it would finish here, and both would charge December)
            var nov = CompletableFuture.supplyAsync(() -> w.runInvoices.run(NOV, null, "cli"), threads);
            try {
                nov.get(2, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException waiting) {
                // expected: blocked on the claim
            }
            release.countDown();
            assertThat(dec.join().drafted()).hasSize(1);
            nov.join();
            threads.shutdown();
            // right after both runs (a later run would heal a double charge, but the invoices issued would be wrong)
            assertThat(chargedFor(w, id, NOV)).as("November's 7 days, over every invoice").isEqualByComparingTo("7.46");
            assertThat(chargedFor(w, id, DEC)).as("December's plan, over every invoice").isEqualByComparingTo("31.98");
        }
    }

    /** Late usage of a month that has no invoice (nothing to bill when it ran) is billed by no later run. */
    @Test
    void late_usage_of_a_month_without_an_invoice_is_billed_later() {
        try (var server = new TestServer()) {
            var w = server.app.wiring();
            var fx = new UsageFixture(server, "Late Usage Master");
            var id = fx.master.account().id();
            advanceTo(server, "2026-12-01T01:00:00Z");
            assertThat(w.runInvoices.run(NOV, null, "schedule").drafted()).isEmpty(); // nothing in November yet
            advanceTo(server, "2027-01-02T09:00:00Z");
            ingest(server, fx, "late-nov", "+12125550123", 600, "2026-11-30T12:00:00Z"); // arrives in January
            ingest(server, fx, "dec", "+12125550124", 300, "2026-12-05T10:00:00Z");
            var novUsage = total(w.usageCharges.lines(id, new BillingMonth(NOV, ZoneOffset.UTC)));
            var decUsage = total(w.usageCharges.lines(id, new BillingMonth(DEC, ZoneOffset.UTC)));
            assertThat(novUsage.signum()).isPositive();
            w.runInvoices.run(DEC, null, "schedule");
            advanceTo(server, "2027-02-01T01:00:00Z");
            w.runInvoices.run(JAN, null, "schedule");
            advanceTo(server, "2027-03-01T01:00:00Z");
            w.runInvoices.run(YearMonth.of(2027, 2), null, "schedule");
            var billed = w.invoiceQueries.list(id, null).stream()
                    .flatMap(i -> w.invoiceQueries.details(id, i.invoiceId()).items().stream())
                    .filter(i -> i.kind() == InvoiceItem.Kind.USAGE || i.kind() == InvoiceItem.Kind.ADJUSTMENT)
                    .map(i -> i.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(billed).as("usage billed over every invoice").isEqualByComparingTo(novUsage.add(decUsage));
        }
    }

    /** A master's discount changed in May re-prices the whole annual unit charged in advance in November. */
    @Test
    void a_discount_change_does_not_reprice_an_annual_plan_already_charged() {
        try (var server = new TestServer()) {
            var w = server.app.wiring();
            var master = server.master("Discount Master");
            var sub = server.sub(master, "Annual Sub", PayMode.MASTER);
            w.setPlanDiscount.set(master.account().id(), new BigDecimal("10"));
            server.subscribe(sub, "yearly", 3); // 2026-11-24 to 2027-11-23, 3 x 159.89 less 10% = 431.70
            advanceTo(server, "2026-12-01T01:00:00Z");
            w.runInvoices.run(NOV, null, "schedule");
            assertThat(chargedFor(w, sub.account().id(), NOV)).isEqualByComparingTo("431.70");
            advanceTo(server, "2027-05-10T12:00:00Z");
            w.setPlanDiscount.set(master.account().id(), new BigDecimal("20")); // for renewals from now on
            advanceTo(server, "2027-06-01T01:00:00Z");
            var may = w.runInvoices.run(MAY, null, "schedule");
            var lines = may.drafted().stream().flatMap(d -> w.invoiceQueries.details(d.accountId(), d.invoiceId())
                    .items().stream()).map(i -> i.kind().wire() + "|" + i.description() + "|" + i.amount().toPlainString())
                    .toList();
            assertThat(lines).as("the May invoice of an annual plan charged in November").isEmpty();
        }
    }

    /** One account whose plan type left the price book (or whose stored zone is bad) stops the run for all. */
    @Test
    void an_account_that_cannot_be_billed_does_not_stop_the_others() {
        try (var server = new TestServer()) {
            var w = server.app.wiring();
            var bad = server.master("Legacy Plan Master");
            var good = server.master("Good Master");
            server.subscribe(bad, "monthly", 1);
            server.subscribe(good, "monthly", 1);
            w.db.withHandle(h -> h.execute("UPDATE subscription SET plan_type = 'legacy_retired' WHERE account_id = ?",
                    bad.account().id().value()));
            advanceTo(server, "2026-12-01T01:00:00Z");
            RunInvoices.Result run = null;
            RuntimeException thrown = null;
            try {
                run = w.runInvoices.run(NOV, null, "schedule");
            } catch (RuntimeException e) {
                thrown = e;
            }
            assertThat(thrown).as("the run").isNull();
            assertThat(run.drafted()).extracting(RunInvoices.Drafted::accountId).containsExactly(good.account().id());
        }
    }

    /** What the account's invoices (void ones aside) charge for plan days of {@code month}, credits included. */
    private static BigDecimal chargedFor(com.chargeline.Wiring w, AccountId id, YearMonth month) {
        return w.invoiceQueries.list(id, null).stream()
                .filter(i -> i.status() != InvoiceStatus.VOID)
                .flatMap(i -> w.invoiceQueries.details(id, i.invoiceId()).items().stream())
                .filter(i -> i.plan() != null && YearMonth.from(i.startDate()).equals(month))
                .map(i -> i.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal total(List<UsageLine> lines) {
        return lines.stream().map(l -> l.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void ingest(TestServer server, UsageFixture fx, String id, String callee, int seconds, String end) {
        var r = server.api.post(fx.path("/usage/calls"), server.tokenWithScopes(fx.master.account(), List.of()),
                "[" + UsageFixture.call(id, "outbound", "+14155550100", callee, "1001", seconds, end) + "]");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static void advanceTo(TestServer server, String instant) {
        var by = Duration.between(server.clock.instant(), Instant.parse(instant));
        assertThat(by).isPositive();
        server.clock.advance(by);
    }
}
