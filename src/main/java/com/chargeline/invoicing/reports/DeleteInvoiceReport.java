package com.chargeline.invoicing.reports;

import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.time.Clock;

/** Zoom B18: a master deletes one of its invoice reports, in any status. */
public final class DeleteInvoiceReport {
    private final Database db;
    private final Clock clock;

    public DeleteInvoiceReport(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Deletes the master's report {@code id}; 400 / 2001 when the master has no such (unexpired) report. */
    public void delete(AccountId master, String id) {
        var number = InvoiceReports.number(id).orElseThrow(() -> InvoiceReports.notFound(id));
        int deleted = db.inTransaction(h -> h.attach(InvoiceReportRepository.class)
                .delete(master.value(), number, clock.instant()));
        if (deleted == 0) {
            throw InvoiceReports.notFound(id);
        }
    }
}
