package com.chargeline.cli;

import com.chargeline.Wiring;
import com.chargeline.accounts.Account;
import com.chargeline.invoicing.Invoice;
import com.chargeline.invoicing.InvoiceStatus;
import com.chargeline.usage.ingest.CallRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's invoices: the three months before the current one are run and posted in order, each month's usage
 * rated before its run; between the second and the third run a late call of the second month arrives, so the third
 * invoice of Harbor Dental Group carries one adjustment naming that month. The oldest invoices are then paid, the
 * middle ones half paid and the newest left due; one invoice report of the master's sub accounts for the last month
 * is written. Seeded once (when the master has no invoice).
 */
final class DemoInvoices {
    private final Wiring w;

    DemoInvoices(Wiring wiring) {
        this.w = wiring;
    }

    /** The months the demo invoices: the three before the current (UTC) month, oldest first. */
    static List<YearMonth> months(Wiring w) {
        var current = YearMonth.now(w.clock.withZone(ZoneOffset.UTC));
        return List.of(current.minusMonths(3), current.minusMonths(2), current.minusMonths(1));
    }

    boolean seeded(Account master) {
        return !w.invoiceQueries.list(master.id(), null).isEmpty();
    }

    void seed(Account master, List<Account> subs, Account late) {
        var months = months(w);
        var byMonth = new ArrayList<List<Invoice>>();
        for (var month : months) {
            if (month.equals(months.get(2))) {
                lateCall(late, months.get(1));
            }
            var posted = new ArrayList<Invoice>();
            for (var drafted : w.runInvoices.run(month, null, "demo").drafted()) {
                posted.add(w.postInvoice.post(drafted.accountId(), drafted.invoiceId(), "demo"));
            }
            byMonth.add(posted);
        }
        for (var invoice : byMonth.get(0)) {
            pay(invoice, invoice.total().amount(), "ACH 1001");
        }
        for (var invoice : byMonth.get(1)) {
            pay(invoice, invoice.total().amount().divide(BigDecimal.TWO, 2, RoundingMode.DOWN), "ACH 1002 (partial)");
        }
        var last = months.get(2);
        var paying = subs.stream().filter(s -> !s.isSelfPay()).map(s -> s.id().wire()).toList();
        w.requestInvoiceReport.request(master.id(), last.atDay(1), last.atEndOfMonth(), paying);
        w.invoiceReportWorker.runPending();
    }

    private void pay(Invoice invoice, BigDecimal amount, String reference) {
        if (amount.signum() > 0 && invoice.status() == InvoiceStatus.POSTED) {
            w.payInvoice.pay(invoice.accountId(), invoice.invoiceId(), amount, invoice.invoiceDate(), reference,
                    "demo");
        }
    }

    /** A ten-minute call to London on the 20th of {@code month} (charged: outside the user's calling plan), rated after that month was invoiced. */
    private void lateCall(Account account, YearMonth month) {
        var user = w.directory.snapshot(account.id()).byNumber().entrySet().stream()
                .filter(e -> e.getValue().identity().extensionNumber() != null)
                // a user whose calling plan leaves international calls charged
                .filter(e -> "North America Unlimited".equals(e.getValue().attribution().callingPlan()))
                .min(java.util.Map.Entry.comparingByKey()).orElseThrow();
        var end = month.atDay(20).atTime(15, 30).toInstant(ZoneOffset.UTC);
        w.ingestUsage.calls(account.id(), List.of(new CallRecord("demo-late-" + month,
                new CallRecord.Parties("outbound", user.getKey(), "+442071838750", user.getValue().identity().extensionNumber()),
                new CallRecord.Timing(end.minusSeconds(608), end.minusSeconds(600), end, 600L),
                new CallRecord.Outcome("answered", "call", false), CallRecord.Attribution.NONE)));
    }
}
