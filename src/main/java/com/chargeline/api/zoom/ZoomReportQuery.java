package com.chargeline.api.zoom;

import com.chargeline.accounts.InputRules;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.id.AccountId;
import com.chargeline.usage.reports.ChargeReports;
import com.chargeline.usage.reports.ReportWindow;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The query of a Zoom phone charges report (call_charges / sms_charges), checked: {@code from}/{@code to} as
 * {@code yyyy-mm-dd} or {@code yyyy-MM-dd'T'HH:mm:ss'Z'} (UTC), both inclusive — a date covers that
 * whole day, a date-time that whole second; the past 30 days (from 00:00 UTC thirty days ago until
 * now) when both are absent; {@code to} required with {@code from}; at most one month; {@code from}
 * no older than 13 months. {@code bound} names the query a page token is tied to.
 */
record ZoomReportQuery(ReportWindow window, String fromText, String toText, int pageSize, ChargeReports.Filter filter,
                       String bound) {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT)
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final String FORMATS = "Use yyyy-mm-dd or yyyy-MM-dd'T'HH:mm:ss'Z'.";

    /** The two reports and the spec's wording of their errors (the SMS report's have no final period). */
    enum Report {
        CALLS("call_charges", "."),
        MESSAGES("sms_charges", "");

        private final String name;
        private final String end;

        Report(String name, String end) {
            this.name = name;
            this.end = end;
        }

        Invalid badToken() {
            return new Invalid(ErrorCode.REPORT_REJECTED, "The next page token is invalid or expired" + end);
        }

        Invalid tooOld() {
            return new Invalid(ErrorCode.REPORT_REJECTED, "Invalid start date. Report is provided only for recent 13 months"
                    + end);
        }
    }

    static ZoomReportQuery read(Context ctx, Clock clock, Report report, AccountId account,
                                Predicate<String> billingAccountExists) {
        int pageSize = ZoomPaging.intParam(ctx, "page_size", 30, 300);
        boolean chargesOnly = bool(ctx, "show_charges_only");
        var fromText = blankToNull(ctx.queryParam("from"));
        var toText = blankToNull(ctx.queryParam("to"));
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        ReportWindow window;
        if (fromText == null && toText == null) {
            window = new ReportWindow(today.minusDays(30).atStartOfDay(ZoneOffset.UTC).toInstant(), clock.instant());
        } else {
            if (fromText == null) {
                throw InputRules.invalidField("from", "Required when to is given. " + FORMATS);
            }
            if (toText == null) {
                throw InputRules.invalidField("to", "Required when from is given. " + FORMATS);
            }
            var from = time(fromText, "from", false);
            var until = time(toText, "to", true);
            if (!until.isAfter(from)) {
                throw InputRules.invalidField("to", "Must not be before from.");
            }
            if (until.isAfter(from.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant())) {
                throw InputRules.invalidField("to", "The range from from to to must not exceed one month.");
            }
            if (LocalDate.ofInstant(from, ZoneOffset.UTC).isBefore(today.minusMonths(13))) {
                throw report.tooOld();
            }
            window = new ReportWindow(from, until);
        }
        String billingAccount = null;
        if (report == Report.CALLS) {
            billingAccount = blankToNull(ctx.queryParam("billing_account_id"));
            if (billingAccount != null && !billingAccountExists.test(billingAccount)) {
                throw new Invalid(ErrorCode.REPORT_REJECTED, "The billing_account_id is invalid.");
            }
        }
        var bound = String.join("|", report.name, account.wire(), String.valueOf(fromText), String.valueOf(toText),
                Integer.toString(pageSize), String.valueOf(billingAccount), Boolean.toString(chargesOnly));
        return new ZoomReportQuery(window, fromText, toText, pageSize, new ChargeReports.Filter(billingAccount, chargesOnly),
                bound);
    }

    /** {@code from} and {@code to} as the response shows them: as given, else the dates of the default window. */
    String shownFrom(ReportWindow used) {
        return fromText != null ? fromText : LocalDate.ofInstant(used.from(), ZoneOffset.UTC).toString();
    }

    String shownTo(ReportWindow used) {
        return toText != null ? toText : LocalDate.ofInstant(used.until(), ZoneOffset.UTC).toString();
    }

    /** The instant a bound starts at; for {@code to} (inclusive) the instant just after the day or second it names. */
    private static Instant time(String text, String field, boolean end) {
        try {
            if (text.length() == 10) {
                var day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            var at = LocalDateTime.parse(text, DATE_TIME).toInstant(ZoneOffset.UTC);
            return end ? at.plusSeconds(1) : at;
        } catch (DateTimeParseException e) {
            throw InputRules.invalidField(field, "'" + text + "' is not a date. " + FORMATS);
        }
    }

    private static boolean bool(Context ctx, String name) {
        var raw = blankToNull(ctx.queryParam(name));
        if (raw == null || raw.equalsIgnoreCase("false")) {
            return false;
        }
        if (raw.equalsIgnoreCase("true")) {
            return true;
        }
        throw InputRules.invalidField(name, "Must be true or false.");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
