package com.chargeline.invoicing.reports;

import com.chargeline.accounts.AccountAccess;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Zoom B16: a master asks for its sub accounts' invoice report. The request is checked and stored (status
 * Processing) in one transaction; {@link InvoiceReportWorker} writes the report later. The span is "within a month":
 * {@code endDate} from {@code startDate} to {@code startDate} plus one calendar month, both inclusive (Zoom's own
 * example asks for 2022-01-01 to 2022-02-01); a span ending before it starts is refused with the same message.
 */
public final class RequestInvoiceReport {
    public static final String SPAN = "The span of `start_time` and `end_time` must be within a month to generate invoice reports.";
    public static final String NO_ACCOUNTS = "You must provide at least one sub account for which to generate an invoice report.";
    private final Database db;
    private final Clock clock;
    private final AccountAccess access;

    public RequestInvoiceReport(Database db, Clock clock, AccountAccess access) {
        this.db = db;
        this.clock = clock;
        this.access = access;
    }

    /**
     * Stores the report asked for by {@code master} (checked to be a master by the caller) for {@code accountIds}, sub
     * account ids as the wire shows them (a repeated id counts once).
     */
    public InvoiceReport request(AccountId master, LocalDate startDate, LocalDate endDate, List<String> accountIds) {
        if (endDate.isBefore(startDate) || endDate.isAfter(startDate.plusMonths(1))) {
            throw new Invalid(ErrorCode.INVOICE_REPORT_REJECTED, SPAN);
        }
        if (accountIds == null || accountIds.isEmpty()) {
            throw new Invalid(ErrorCode.INVOICE_REPORT_REJECTED, NO_ACCOUNTS);
        }
        var accounts = new LinkedHashSet<AccountId>();
        for (var wire : accountIds) {
            accounts.add(AccountId.parse(wire).orElseThrow(() -> notUnder(master)));
        }
        return db.inTransaction(h -> {
            if (access.subAccountsOf(h, master, accounts).size() != accounts.size()) {
                throw notUnder(master);
            }
            var now = clock.instant();
            return h.attach(InvoiceReportRepository.class).insert(master.value(), startDate, endDate,
                    accounts.stream().map(AccountId::value).toArray(UUID[]::new), now,
                    now.plus(InvoiceReport.RETENTION)).report();
        });
    }

    /** Zoom's 400 / 10102; the spec's placeholder {@code {}} is filled with the master's id. */
    private static Invalid notUnder(AccountId master) {
        return new Invalid(ErrorCode.INVOICE_REPORT_ACCOUNTS,
                "One or more of the sub accounts provided were not found under the master account ID: " + master.wire(),
                Map.of("masterId", master.wire()));
    }
}
