package com.chargeline.api.zoom;

import static io.javalin.apibuilder.ApiBuilder.get;

import com.chargeline.api.auth.BearerAuth;
import com.chargeline.api.auth.Operation;
import com.chargeline.common.id.AccountId;
import com.chargeline.usage.reports.CallCharge;
import com.chargeline.usage.reports.ChargeReports;
import com.chargeline.usage.reports.ReportPosition;
import com.chargeline.usage.reports.SmsCharge;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Zoom Phone charge reports for the token's account: {@code GET /v2/phone/reports/call_charges} and
 * {@code /sms_charges}. Records in (time, id) order, keyset pages behind signed tokens, the total
 * from the rollups. {@code duration} is the talk time in whole minutes, rounded up (a 61 s call is
 * 2 minutes; 0 s is 0); {@code rate} and {@code total_charge} carry the deck's precision.
 */
public final class ZoomPhoneReportEndpoints implements EndpointGroup {
    private static final DateTimeFormatter ZOOM_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private final ChargeReports reports;
    private final ZoomPaging paging;
    private final Clock clock;

    public ZoomPhoneReportEndpoints(ChargeReports reports, ZoomPaging paging, Clock clock) {
        this.reports = reports;
        this.paging = paging;
        this.clock = clock;
    }

    @Override
    public void addEndpoints() {
        get("/v2/phone/reports/call_charges", this::callCharges);
        get("/v2/phone/reports/sms_charges", this::smsCharges);
    }

    /** {@code GET /phone/reports/call_charges} response. */
    public record CallCharges(String nextPageToken, int pageSize, long totalRecords, String from, String to,
                              List<CallChargeItem> callCharges) {
    }

    /** One {@code call_charges[]} item, every field of the spec. */
    public record CallChargeItem(String callLogId, String callerNumber, String callerBillingNumber, String calleeNumber,
                                 String calleeBillingNumber, String callType, String serviceType, String callingPartyName,
                                 String costCenter, String employeeId, String department, String endTime, int duration,
                                 String chargeMode, String rate, String currency, String totalCharge, String billingNumber,
                                 String forwardNumberBilling) {
        static CallChargeItem of(CallCharge c) {
            var p = c.parties();
            var a = c.attribution();
            var m = c.charge();
            return new CallChargeItem(c.callLogId(), p.callerNumber(), p.callerBillingNumber(), p.calleeNumber(),
                    p.calleeBillingNumber(), p.callType(), p.serviceType(), a.callingPartyName(), a.costCenter(),
                    a.employeeId(), a.department(), ZOOM_TIME.format(c.endTime()), minutes(c.durationSeconds()),
                    m.chargeMode(), m.rate().toPlainString(), m.totalCharge().currency().getCurrencyCode(),
                    m.totalCharge().toPlainString(),
                    a.billingNumber(), a.forwardNumberBilling());
        }
    }

    /** {@code GET /phone/reports/sms_charges} response. */
    public record SmsCharges(String nextPageToken, int pageSize, long totalRecords, String from, String to,
                             List<SmsChargeItem> smsCharges) {
    }

    /** One {@code sms_charges[]} item, every field of the spec. */
    public record SmsChargeItem(String sessionId, String messageId, String messageType, String fromNumber,
                                String fromExtensionNumber, String fromDisplayName, String toNumber, String toExtensionNumber,
                                String toDisplayName, String sentTime, String billingNumber, String costCenter,
                                String department, String rate, String currency, String totalCharge) {
        static SmsChargeItem of(SmsCharge s) {
            var m = s.charge();
            return new SmsChargeItem(s.sessionId(), s.messageId(), s.messageType(), s.from().number(),
                    s.from().extensionNumber(), s.from().displayName(), s.to().number(), s.to().extensionNumber(),
                    s.to().displayName(), ZOOM_TIME.format(s.sentTime()), s.billingNumber(), s.costCenter(), s.department(),
                    m.rate().toPlainString(), m.totalCharge().currency().getCurrencyCode(), m.totalCharge().toPlainString());
        }
    }

    private void callCharges(Context ctx) {
        var account = account(ctx, ZoomOperations.CALL_CHARGES);
        var query = ZoomReportQuery.read(ctx, clock, ZoomReportQuery.Report.CALLS, account,
                id -> reports.billingAccountExists(account, id));
        var page = page(ctx, query, ZoomReportQuery.Report.CALLS,
                (cursor, total) -> reports.calls(account, cursor.window(), query.filter(), cursor.after(),
                        query.pageSize() + 1, total),
                CallCharge::position);
        ctx.json(new CallCharges(page.next(), query.pageSize(), page.total(), query.shownFrom(page.window()),
                query.shownTo(page.window()), page.rows().stream().map(CallChargeItem::of).toList()));
    }

    private void smsCharges(Context ctx) {
        var account = account(ctx, ZoomOperations.SMS_CHARGES);
        var query = ZoomReportQuery.read(ctx, clock, ZoomReportQuery.Report.MESSAGES, account, id -> true);
        var page = page(ctx, query, ZoomReportQuery.Report.MESSAGES,
                (cursor, total) -> reports.messages(account, cursor.window(), query.filter().chargesOnly(),
                        cursor.after(), query.pageSize() + 1, total),
                SmsCharge::position);
        ctx.json(new SmsCharges(page.next(), query.pageSize(), page.total(), query.shownFrom(page.window()),
                query.shownTo(page.window()), page.rows().stream().map(SmsChargeItem::of).toList()));
    }

    /** One page of a report and what the response says about it. */
    private record Page<T>(List<T> rows, long total, String next, com.chargeline.usage.reports.ReportWindow window) {
    }

    /**
     * A page of a report: the first one (no token) with the window's total, read in the same round trip; a later one
     * with the total its token carries.
     */
    private <T> Page<T> page(Context ctx, ZoomReportQuery query, ZoomReportQuery.Report report,
                             BiFunction<ReportCursor, Boolean, ChargeReports.Page<T>> fetch,
                             Function<T, ReportPosition> position) {
        var cursor = paging.cursor(ctx, query.bound(), report.badToken()).map(ReportCursor::parse)
                .orElseGet(() -> new ReportCursor(query.window(), -1, null));
        var fetched = fetch.apply(cursor, cursor.total() < 0);
        long total = cursor.total() >= 0 ? cursor.total() : fetched.total();
        var rows = fetched.rows();
        boolean more = rows.size() > query.pageSize();
        var shown = more ? rows.subList(0, query.pageSize()) : rows;
        var next = more ? paging.next(query.bound(),
                new ReportCursor(cursor.window(), total, position.apply(shown.getLast())).wire()) : "";
        return new Page<>(shown, total, next, cursor.window());
    }

    /**
     * The token's account. The spec's 404 / 2001 "Account does not exist." cannot happen here: accounts are
     * never deleted (a disassociated sub account keeps its own clients) and BearerAuth has just checked that
     * the token's client is active and belongs to this account, so there is nothing left to look up.
     */
    private static AccountId account(Context ctx, Operation operation) {
        return BearerAuth.caller(ctx, operation).accountId();
    }

    /** Whole minutes of talk time, rounded up. */
    static int minutes(int seconds) {
        return (seconds + 59) / 60;
    }
}
