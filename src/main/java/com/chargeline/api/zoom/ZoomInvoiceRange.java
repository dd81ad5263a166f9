package com.chargeline.api.zoom;

import com.chargeline.accounts.InputRules;
import com.chargeline.common.error.Invalid;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The {@code from}/{@code to} days of Zoom's List billing invoices (B3), both inclusive, days of the account's time
 * zone. Each is {@code yyyy-mm-dd} when given. {@code to} defaults to one year after {@code from} when only
 * {@code from} is given, else to today; {@code from} defaults to one year before {@code to}, but not before the
 * earliest day allowed. The range must not exceed one year ({@code to} at most {@code from} plus one year: 2025-11-24
 * to 2026-11-24 is allowed, 2025-11-23 to 2026-11-24 is not) and must fall within the past three years (neither day
 * before today less three years; {@code to} may lie after today). Every broken rule is a 400 / 300
 * {@code Validation Failed.} naming the field, as the phone reports' query parameters are.
 */
record ZoomInvoiceRange(LocalDate from, LocalDate to) {
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    static ZoomInvoiceRange read(Context ctx, LocalDate today) {
        var fromText = ctx.queryParam("from");
        var toText = ctx.queryParam("to");
        var givenFrom = fromText == null ? null : date(fromText, "from");
        var givenTo = toText == null ? null : date(toText, "to");
        return of(givenFrom, givenTo, today);
    }

    /** The range of the given days (null where not given) on {@code today}, defaults applied and rules checked. */
    static ZoomInvoiceRange of(LocalDate givenFrom, LocalDate givenTo, LocalDate today) {
        var earliest = today.minusYears(3);
        var to = givenTo != null ? givenTo : givenFrom != null ? givenFrom.plusYears(1) : today;
        var from = givenFrom != null ? givenFrom : later(to.minusYears(1), earliest);
        var tooOld = "Must fall within the past three years: not before " + earliest + ".";
        if (from.isBefore(earliest)) {
            throw InputRules.invalidField("from", tooOld);
        }
        if (to.isBefore(earliest)) {
            throw InputRules.invalidField("to", tooOld);
        }
        if (to.isBefore(from)) {
            throw InputRules.invalidField("to", "Must not be before from.");
        }
        if (to.isAfter(from.plusYears(1))) {
            throw InputRules.invalidField("to", "The range from from to to must not exceed one year.");
        }
        return new ZoomInvoiceRange(from, to);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate date(String text, String field) {
        try {
            if (DATE.matcher(text).matches()) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            throw notADate(text, field); // a day that does not exist: 2026-02-30
        }
        throw notADate(text, field);
    }

    /** The error for a text that is not a date, quoting at most its first 40 characters. */
    private static Invalid notADate(String text, String field) {
        var shown = text.codePointCount(0, text.length()) > 40 ? text.substring(0, text.offsetByCodePoints(0, 40)) + "..." : text;
        return InputRules.invalidField(field, "'" + shown + "' is not a date. Use yyyy-mm-dd.");
    }
}
