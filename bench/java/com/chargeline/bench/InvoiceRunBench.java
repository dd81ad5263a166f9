package com.chargeline.bench;

import com.chargeline.App;
import com.chargeline.accounts.Account;
import com.chargeline.accounts.AccountOptions;
import com.chargeline.accounts.NewAccount;
import com.chargeline.accounts.PayMode;
import com.chargeline.accounts.directory.PhoneUser;
import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Storage;
import com.chargeline.subscriptions.PlanRequest;
import com.chargeline.usage.ingest.CallRecord;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The invoice run of last month (UTC) for a master and N master-paid sub accounts (default 10 000), each with a
 * monthly base plan of 1 to 9 hosts since before that month and a month of calls (default 60 per sub account,
 * rated through the real pipeline): the first run (a Draft per account), a second run of the same month (nothing
 * new), and in the same run the floor of reading the run's inputs for every account. Targets (docs/BENCHMARKS.md):
 * first run <= 20 s, second <= 2 s. The data dir is seeded once and reused; each measurement starts by truncating
 * the invoice tables (TRUNCATE fires no row triggers). Run with bench/invoice-run.sh.
 */
public final class InvoiceRunBench {
    private static final String OWNER = "master@invoices.example";

    public static void main(String[] args) throws Exception {
        int subs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        var dir = Path.of(args.length > 2 ? args[2] : "target/bench-invoices-data");
        var month = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        var target = new Storage.Target(dir, null, null, null, Map.of());
        if (!Files.exists(dir.resolve("seeded-" + month))) {
            seed(target, month, subs, calls);
            Files.writeString(dir.resolve("seeded-" + month), "");
        } else {
            System.out.println("reusing the data seeded in " + dir);
        }
        try (var app = App.start(new App.Config(target, "127.0.0.1", 0, null, 1L << 20, Clock.systemUTC()))) {
            var w = app.wiring();
            var counts = w.db.jdbi().withHandle(h -> h.createQuery("SELECT (SELECT count(*) FROM account) AS accounts, "
                    + "(SELECT count(*) FROM subscription) AS subscriptions, (SELECT count(*) FROM rated_call) AS calls, "
                    + "(SELECT count(*) FROM usage_lines_monthly WHERE month = :m) AS usage_line_totals").bind("m", month.atDay(1))
                    .mapToMap().one());
            System.out.println("data: " + counts);
            var firsts = new ArrayList<Double>();
            var seconds = new ArrayList<Double>();
            var floors = new ArrayList<Double>();
            for (int round = 0; round < 3; round++) {
                w.db.jdbi().useHandle(h -> h.execute(
                        "TRUNCATE invoice_document, invoice_audit, invoice_payment, invoice_item, invoice, invoice_number"));
                floors.add(seconds(() -> w.db.jdbi().useHandle(h -> h.createQuery("""
                        SELECT count(*) AS accounts, sum(x) AS charges FROM (
                          SELECT a.account_id, (SELECT sum(u.total_charge) FROM usage_lines_monthly u
                                                 WHERE u.account_id = a.account_id AND u.month = :m) AS x,
                                 (SELECT count(*) FROM subscription_hosts s WHERE s.account_id = a.account_id) AS y
                            FROM account a) t""").bind("m", month.atDay(1)).mapToMap().one())));
                var result = new com.chargeline.invoicing.RunInvoices.Result[1];
                firsts.add(seconds(() -> result[0] = w.runInvoices.run(month, null, "bench")));
                if (result[0].drafted().size() != subs + 1 && result[0].drafted().size() != subs || !result[0].refused().isEmpty()) {
                    throw new IllegalStateException("the run did not draft an invoice per account: " + result[0].drafted().size()
                            + " drafted, refused " + result[0].refused());
                }
                seconds.add(seconds(() -> result[0] = w.runInvoices.run(month, null, "bench")));
                if (!result[0].drafted().isEmpty()) {
                    throw new IllegalStateException("the second run drafted " + result[0].drafted().size());
                }
                System.out.printf("round %d: first run %.2f s, second run %.2f s, reading the inputs %.2f s%n", round + 1,
                        firsts.getLast(), seconds.getLast(), floors.getLast());
            }
            var total = w.db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) || ' invoices, ' || sum(total) || ' USD, '"
                    + " || (SELECT count(*) FROM invoice_item) || ' lines' FROM invoice").mapTo(String.class).one());
            System.out.printf("invoice run of %s for %,d sub accounts + master (%s): median first run %.2f s (%.0f accounts/s;"
                            + " target <= 20 s), median second run %.2f s (target <= 2 s), median input read %.2f s%n", month,
                    subs, total, median(firsts), subs / median(firsts), median(seconds), median(floors));
        }
    }

    /**
     * Accounts and plans with the clock set ten days before the month (plans start then), then the month's calls of each
     * sub account through the real ingestion. Resumes after an interrupted seeding: existing accounts are kept.
     */
    private static void seed(Storage.Target target, YearMonth month, int subs, int calls) {
        var before = Clock.fixed(month.atDay(1).minusDays(10).atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        List<AccountId> ids;
        try (var app = App.start(new App.Config(target, "127.0.0.1", 0, null, 1L << 20, before))) {
            ids = app.wiring().accountQueries.findByEmail(OWNER).isPresent() ? existingSubs(app) : accounts(app, subs);
        }
        var far = BenchData.numbers(400, 7);
        try (var app = App.start(new App.Config(target, "127.0.0.1", 0, null, 1L << 20, Clock.systemUTC()))) {
            var w = app.wiring();
            var random = new java.util.Random(11);
            var start = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            long t0 = System.nanoTime();
            for (int i = 0; i < ids.size(); i++) {
                var own = String.format("+1646%07d", 2_000_000 + i);
                var batch = new ArrayList<CallRecord>(calls);
                for (int c = 0; c < calls; c++) {
                    int seconds = 5 + random.nextInt(900);
                    var end = start.plusSeconds(60 + random.nextInt(29 * 86_400));
                    batch.add(new CallRecord("inv-" + i + "-" + c, new CallRecord.Parties("outbound", own,
                            far.get(random.nextInt(far.size())), "1001"),
                            new CallRecord.Timing(end.minusSeconds(seconds + 5L), end.minusSeconds(seconds), end, (long) seconds),
                            new CallRecord.Outcome("answered", "call", false), CallRecord.Attribution.NONE));
                }
                w.ingestUsage.calls(ids.get(i), batch);
                if ((i + 1) % 1000 == 0) {
                    System.out.printf("  rated the calls of %,d sub accounts (%.0f s)%n", i + 1, (System.nanoTime() - t0) / 1e9);
                }
            }
            w.db.jdbi().useHandle(h -> h.execute("VACUUM ANALYZE"));
        }
    }

    private static List<AccountId> existingSubs(App app) {
        var master = app.wiring().accountQueries.findByEmail(OWNER).orElseThrow();
        return app.wiring().db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT account_id FROM account WHERE master_account_id = :m ORDER BY account_number")
                .bind("m", master.id().value()).mapTo(java.util.UUID.class).map(AccountId::new).list());
    }

    private static List<AccountId> accounts(App app, int subs) {
        var w = app.wiring();
        var master = w.createAccount.createMaster(newAccount(OWNER, "Invoice Bench Master", PayMode.MASTER));
        var deck = w.createRateDeck.create(master.id(), "Bench", "USD", 4);
        w.importRates.calls(master.id(), deck.deckId(), new StringReader(ReportsBench.deck()));
        var ids = new ArrayList<AccountId>();
        long t0 = System.nanoTime();
        for (int i = 0; i < subs; i++) {
            var sub = w.createAccount.createSub(master.id(), newAccount("sub" + i + "@invoices.example", "Sub " + i,
                    PayMode.MASTER));
            w.assignRateDeck.assign(master.id(), sub.id(), deck.deckId());
            w.upsertBillingAccount.upsert(sub.id(), "BA-" + i, "Sub " + i);
            w.upsertUsers.upsert(sub.id(), List.of(new PhoneUser(null, new PhoneUser.Identity("User " + i,
                    "u" + i + "@invoices.example", "1001"), new PhoneUser.Attribution("E1", "Sales", "CC-1", "", "BA-" + i),
                    List.of(String.format("+1646%07d", 2_000_000 + i)))));
            w.subscribe.subscribe(sub, "bench", new PlanRequest(new PlanRequest.Line("plan_base", "monthly", 1 + i % 9),
                    List.of(), PlanRequest.Options.NONE));
            ids.add(sub.id());
            if ((i + 1) % 1000 == 0) {
                System.out.printf("  created %,d sub accounts with plans (%.0f s)%n", i + 1, (System.nanoTime() - t0) / 1e9);
            }
        }
        return ids;
    }

    private static NewAccount newAccount(String email, String name, PayMode payMode) {
        return new NewAccount(new Account.Owner(null, email, "Bench", "Invoices"), "Bench-Invoices-2026", name,
                new AccountOptions(payMode, false, "{}"), "US", NewAccount.Extras.none());
    }

    private static double seconds(Runnable work) {
        long t0 = System.nanoTime();
        work.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
