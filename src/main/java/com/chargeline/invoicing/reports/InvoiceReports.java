package com.chargeline.invoicing.reports;

import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.Invalid;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** What the invoice report use cases and reads share: reading a report id, and the errors. */
final class InvoiceReports {
    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,17}");

    private InvoiceReports() {
    }

    /** The report number an id names; empty for anything that cannot be one (then no report has it). */
    static OptionalLong number(String id) {
        return id != null && NUMBER.matcher(id).matches() ? OptionalLong.of(Long.parseLong(id)) : OptionalLong.empty();
    }

    /** Zoom's 400 / 2001 for a report the master does not have (also another master's, or an expired one). */
    static Invalid notFound(String id) {
        return new Invalid(ErrorCode.INVOICE_REPORT_NOT_FOUND, "Invoice Report ID does not exist: " + id + ".",
                Map.of("id", id));
    }
}
