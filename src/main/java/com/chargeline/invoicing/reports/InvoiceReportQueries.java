package com.chargeline.invoicing.reports;

import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.id.AccountId;
import com.chargeline.storage.Database;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Reads of a master's invoice reports: pages (newest first), one report, its CSV. Expired reports are gone. */
public final class InvoiceReportQueries {
    private final Database db;
    private final Clock clock;

    public InvoiceReportQueries(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Up to {@code limit} of the master's Processing and Completed reports numbered below {@code before}, newest first. */
    public List<InvoiceReport> page(AccountId master, long before, int limit) {
        return db.withRepository(InvoiceReportRepository.class, r -> r.page(master.value(), before, clock.instant(), limit))
                .stream().map(InvoiceReportRepository.ReportRow::report).toList();
    }

    /** The master's report {@code id}; 400 / 2001 when it has none. */
    public InvoiceReport find(AccountId master, String id) {
        var number = InvoiceReports.number(id).orElseThrow(() -> InvoiceReports.notFound(id));
        return db.withRepository(InvoiceReportRepository.class, r -> r.find(master.value(), number, clock.instant()))
                .map(InvoiceReportRepository.ReportRow::report).orElseThrow(() -> InvoiceReports.notFound(id));
    }

    /**
     * The CSV of the master's report {@code id}; 400 / 2001 when it has none, 400 / 2100 while it is still being
     * written or when writing it failed.
     */
    public String csv(AccountId master, String id) {
        var report = find(master, id);
        return switch (report.status()) {
            case PROCESSING -> throw new Invalid(ErrorCode.INVOICE_REPORT_REJECTED, "Invoice report " + id
                    + " is still being generated; download it once its status is Available.", Map.of("id", id));
            case FAILED -> throw new Invalid(ErrorCode.INVOICE_REPORT_REJECTED, "Invoice report " + id
                    + " could not be generated; delete it and generate it again.", Map.of("id", id));
            case COMPLETED -> db.withRepository(InvoiceReportRepository.class,
                            r -> r.csv(master.value(), Long.parseLong(report.id()), clock.instant()))
                    .orElseThrow(() -> InvoiceReports.notFound(id));
        };
    }
}
