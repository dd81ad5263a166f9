package com.chargeline.api.zoom;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.chargeline.accounts.AccountAccess;
import com.chargeline.accounts.InputRules;
import com.chargeline.api.JsonBody;
import com.chargeline.api.auth.BearerAuth;
import com.chargeline.invoicing.reports.DeleteInvoiceReport;
import com.chargeline.invoicing.reports.InvoiceReport;
import com.chargeline.invoicing.reports.InvoiceReportQueries;
import com.chargeline.invoicing.reports.InvoiceReportStatus;
import com.chargeline.invoicing.reports.RequestInvoiceReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Zoom Billing B15-B18: a master's invoice reports of its sub accounts. B16 stores the request (201, Processing) and
 * the report worker writes it; B15 lists them, newest first, {@value #PAGE_SIZE} a page (Zoom has no page_size here);
 * B17 answers the report ({@code download=false}, status Available once written) or its CSV ({@code download=true});
 * B18 deletes one.
 */
public final class ZoomInvoiceReportEndpoints implements EndpointGroup {
    static final int PAGE_SIZE = 30;
    /** The most sub accounts one request may name. */
    static final int MAX_ACCOUNTS = 1000;
    private static final String PATH = "/v2/accounts/billing/invoice_reports";
    private static final Pattern DATE = Pattern.compile("(19|[2-9][0-9])[0-9]{2}-[0-9]{2}-[0-9]{2}");
    private final AccountAccess access;
    private final RequestInvoiceReport requestReport;
    private final DeleteInvoiceReport deleteReport;
    private final InvoiceReportQueries reports;
    private final ZoomPaging paging;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ZoomInvoiceReportEndpoints(AccountAccess access, RequestInvoiceReport requestReport,
                                      DeleteInvoiceReport deleteReport, InvoiceReportQueries reports, ZoomPaging paging,
                                      ObjectMapper mapper, Clock clock) {
        this.access = access;
        this.requestReport = requestReport;
        this.deleteReport = deleteReport;
        this.reports = reports;
        this.paging = paging;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** A report as Zoom shows it; {@code status} in the operation's own words. */
    public record ReportItem(String id, LocalDate startDate, LocalDate endDate, int accountsTotalNumber,
                             int remainingDays, String status) {
    }

    /** B15's page; {@code next_page_token} is empty on the last page. */
    public record ReportList(String nextPageToken, List<ReportItem> invoiceReports) {
    }

    @Override
    public void addEndpoints() {
        get(PATH, this::list);
        post(PATH, this::generate);
        get(PATH + "/{invoiceReportId}", this::read);
        delete(PATH + "/{invoiceReportId}", this::remove);
    }

    private void generate(Context ctx) {
        var caller = BearerAuth.caller(ctx, ZoomOperations.GENERATE_INVOICE_REPORT);
        var master = access.requireMaster(caller.accountId());
        var body = JsonBody.of(ctx, mapper);
        var start = date(body, "start_date");
        var end = date(body, "end_date");
        var accountIds = body.strings("account_ids", MAX_ACCOUNTS);
        body.check();
        var report = requestReport.request(master.id(), start, end, accountIds);
        ctx.status(201).json(item(report, report.status().stored()));
    }

    private void list(Context ctx) {
        var caller = BearerAuth.caller(ctx, ZoomOperations.LIST_INVOICE_REPORTS);
        var master = access.requireMaster(caller.accountId());
        var bound = "invoice_reports|" + master.id().wire();
        long before = paging.cursor(ctx, bound).map(Long::parseLong).orElse(Long.MAX_VALUE);
        var page = reports.page(master.id(), before, PAGE_SIZE + 1);
        var shown = page.size() > PAGE_SIZE ? page.subList(0, PAGE_SIZE) : page;
        var next = page.size() > PAGE_SIZE ? paging.next(bound, shown.getLast().id()) : "";
        ctx.json(new ReportList(next, shown.stream().map(r -> item(r, r.status().stored())).toList()));
    }

    private void read(Context ctx) {
        var caller = BearerAuth.caller(ctx, ZoomOperations.DOWNLOAD_INVOICE_REPORT);
        var master = access.requireMaster(caller.accountId());
        boolean download = download(ctx);
        var id = ctx.pathParam("invoiceReportId");
        if (!download) {
            var report = reports.find(master.id(), id);
            // B17's own status words: a written report is Available here (Completed in B15 and B16).
            ctx.json(item(report, report.status() == InvoiceReportStatus.COMPLETED ? "Available" : report.status().stored()));
            return;
        }
        var csv = reports.csv(master.id(), id);
        ctx.header("Content-Disposition", "attachment; filename=\"invoice-report-" + id + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(csv);
    }

    private void remove(Context ctx) {
        var caller = BearerAuth.caller(ctx, ZoomOperations.DELETE_INVOICE_REPORT);
        var master = access.requireMaster(caller.accountId());
        deleteReport.delete(master.id(), ctx.pathParam("invoiceReportId"));
        ctx.status(204);
    }

    private ReportItem item(InvoiceReport report, String status) {
        return new ReportItem(report.id(), report.startDate(), report.endDate(), report.accountsTotal(),
                report.remainingDays(clock.instant()), status);
    }

    /** A required {@code yyyy-MM-dd} day from 1900 to 9999; null (with the field's error recorded) otherwise. */
    private static LocalDate date(JsonBody body, String field) {
        var text = body.requiredString(field);
        if (text == null) {
            return null;
        }
        if (DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        body.reject(field, "Expected a date as yyyy-MM-dd (from 1900-01-01 to 9999-12-31).");
        return null;
    }

    /** The required {@code download} query parameter, {@code true} or {@code false}. */
    private static boolean download(Context ctx) {
        var raw = ctx.queryParam("download");
        if (raw == null || raw.isEmpty()) {
            throw InputRules.invalidField("download", "This field is required.");
        }
        return switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> throw InputRules.invalidField("download", "Expected true or false.");
        };
    }
}
