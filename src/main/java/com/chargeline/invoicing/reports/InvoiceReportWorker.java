package com.chargeline.invoicing.reports;

import com.chargeline.accounts.AccountAccess;
import com.chargeline.common.id.AccountId;
import com.chargeline.invoicing.InvoicePeriod;
import com.chargeline.invoicing.InvoiceQueries;
import com.chargeline.storage.Database;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes pending invoice reports, one per transaction: claim the oldest Processing report (a row lock, skipping
 * those other workers hold), read the sub accounts' issued invoices, store the CSV and mark it Completed, then
 * commit. A worker that dies mid-report leaves it Processing and unclaimed, so any worker (of any server process on
 * the database) finishes it later; none writes a report twice. A report whose rows cannot be read (a broken stored
 * row) is marked Failed in the same transaction; a database error rolls back and leaves the report for the next run.
 * {@code serve} runs {@link #runPending} every few seconds ({@code App}); tests and the CLI call it directly.
 */
public final class InvoiceReportWorker {
    private static final Logger LOG = LoggerFactory.getLogger(InvoiceReportWorker.class);
    private final Database db;
    private final Clock clock;
    private final AccountAccess access;
    private final InvoiceQueries invoices;

    public InvoiceReportWorker(Database db, Clock clock, AccountAccess access, InvoiceQueries invoices) {
        this.db = db;
        this.clock = clock;
        this.access = access;
        this.invoices = invoices;
    }

    /** Purges expired reports, then writes pending reports until none is left; how many it finished. */
    public int runPending() {
        return runPending(() -> true);
    }

    /** {@link #runPending()}, stopping between two reports once {@code keepGoing} says so (a shutdown). */
    public int runPending(BooleanSupplier keepGoing) {
        int purged = db.withRepository(InvoiceReportRepository.class, r -> r.purgeExpired(clock.instant()));
        if (purged > 0) {
            LOG.info("purged {} expired invoice reports", purged);
        }
        int finished = 0;
        while (keepGoing.getAsBoolean() && runOne().isPresent()) {
            finished++;
        }
        return finished;
    }

    /** Claims and writes one pending report (Completed, or Failed); empty when no report is pending and unclaimed. */
    public Optional<InvoiceReport> runOne() {
        return db.inTransaction(h -> {
            var repo = h.attach(InvoiceReportRepository.class);
            var now = clock.instant();
            var claimed = repo.claimNext(now);
            if (claimed.isEmpty()) {
                return Optional.empty();
            }
            var pending = claimed.get();
            try {
                var csv = generate(h, pending);
                repo.complete(pending.masterAccountId(), pending.reportNo(), csv, clock.instant());
            } catch (JdbiException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.error("invoice report {} of master {} failed", pending.reportNo(),
                        new AccountId(pending.masterAccountId()).wire(), e);
                repo.fail(pending.masterAccountId(), pending.reportNo(), String.valueOf(e.getMessage()), clock.instant());
            }
            return repo.find(pending.masterAccountId(), pending.reportNo(), now).map(InvoiceReportRepository.ReportRow::report);
        });
    }

    /**
     * The report's CSV, read in the claiming transaction (READ COMMITTED is enough: the invoices come from one
     * statement, and an issued invoice's lines never change). Sub accounts that left the master since the request
     * are left out.
     */
    private String generate(Handle h, InvoiceReportRepository.PendingRow pending) {
        var master = new AccountId(pending.masterAccountId());
        var accounts = access.subAccountsOf(h, master, pending.accounts());
        var window = new InvoicePeriod(pending.startDate(), pending.endDate());
        var byAccount = invoices.issuedOverlapping(h, accounts.stream().map(a -> a.id()).toList(), window).stream()
                .collect(Collectors.groupingBy(i -> i.invoice().accountId(), LinkedHashMap::new, Collectors.toList()));
        return InvoiceReportCsv.write(accounts, byAccount);
    }
}
