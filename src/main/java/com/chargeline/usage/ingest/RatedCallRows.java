package com.chargeline.usage.ingest;

import com.chargeline.accounts.directory.Directory;
import com.chargeline.accounts.directory.PhoneUser;
import com.chargeline.storage.CopyCsv;
import com.chargeline.usage.aggregate.Rollups;
import com.chargeline.usage.rating.RatingEngine;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.apache.commons.csv.CSVPrinter;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;

/** Builds the rated_call rows of a batch as COPY input and the batch's rollups alongside. */
final class RatedCallRows {
    static final String COLUMNS = "account_id, end_time, call_log_id, rating_no, current, direction, caller_number, "
            + "caller_billing_number, callee_number, callee_billing_number, call_type, service_type, calling_party_name, "
            + "cost_center, employee_id, department, billing_account_id, start_time, answer_time, duration_seconds, result, "
            + "charge_mode, rate, currency, total_charge, charge_scale, billing_number, forward_number_billing, status, "
            + "rating_error, explanation, rated_at, extension_number";


    private final UUID accountId;
    private final Instant ratedAt;
    private final StringBuilder csv = new StringBuilder(1 << 16);
    private final CSVPrinter printer;
    private final Rollups rollups;

    RatedCallRows(UUID accountId, Instant ratedAt, ZoneId zone) {
        this.accountId = accountId;
        this.ratedAt = ratedAt;
        this.rollups = new Rollups(zone);
        try {
            this.printer = new CSVPrinter(csv, CopyCsv.FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private java.util.function.ToIntFunction<CallRecord> ratingNumbers = r -> 1;

    /** Re-rating writes each call's next rating number. */
    RatedCallRows ratingNumbers(java.util.function.ToIntFunction<CallRecord> numbers) {
        this.ratingNumbers = numbers;
        return this;
    }

    private int ratingNo(CallRecord r) {
        return ratingNumbers.applyAsInt(r);
    }

    Rollups rollups() {
        return rollups;
    }

    void add(CallRecord r, PhoneUser user, Directory dir, RatingEngine.Result result, RatingEngine.Context ctx) {
        var a = r.attribution();
        var attr = user == null ? null : user.attribution();
        var ownE164 = r.parties().outbound() ? result.callerE164() : result.calleeE164();
        var ext = r.parties().extensionNumber() != null ? r.parties().extensionNumber()
                : user == null ? null : user.identity().extensionNumber();
        var billingNumber = pick(a.billingNumber(), ownE164.isEmpty() ? (ext == null ? "" : "Ext. " + ext)
                : ownE164 + (ext == null ? "" : " Ext. " + ext));
        var billingAccount = pick(a.billingAccountId(), attr != null && !attr.billingAccountId().isEmpty()
                ? attr.billingAccountId() : dir.numberBillingAccounts().getOrDefault(ownE164, ""));
        var costCenter = pick(a.costCenter(), attr == null ? "" : attr.costCenter());
        var department = pick(a.department(), attr == null ? "" : attr.department());
        var rate = result.rate();
        var priced = result.priced();
        var charge = priced.charge();
        var outcome = r.outcome().result() != null ? r.outcome().result() : (r.answered() ? "answered" : "missed");
        try {
            printer.printRecord(accountId, r.timing().endTime(), r.callLogId(), ratingNo(r), true, r.parties().direction(),
                    r.parties().callerNumber(), pick(a.callerBillingNumber(), result.callerE164()),
                    r.parties().calleeNumber(), pick(a.calleeBillingNumber(), result.calleeE164()),
                    result.callType().wire(), r.outcome().serviceType() == null ? "call" : r.outcome().serviceType(),
                    pick(a.callingPartyName(), user == null ? "" : user.identity().name()), costCenter,
                    pick(a.employeeId(), attr == null ? "" : attr.employeeId()), department, billingAccount,
                    r.timing().startTime(), r.timing().answerTime(), r.talkSeconds(), outcome,
                    rate == null ? "per_min" : rate.price().mode().wire(),
                    rate == null ? "0" : rate.price().perMinute().toPlainString(),
                    ctx.deck().info().currency().getCurrencyCode(), charge.toPlainString(), priced.scale(), billingNumber,
                    a.forwardNumberBilling() == null ? "" : a.forwardNumberBilling(),
                    result.status().name().toLowerCase(), result.status() == RatingEngine.Status.ERROR ? result.reason() : "",
                    Explanation.of(result, ctx).toJson(), ratedAt,
                    r.parties().extensionNumber() == null ? "" : r.parties().extensionNumber());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rollups.add(r.timing().endTime(), new Rollups.Key(null, "call", result.callType().wire(), billingAccount,
                costCenter, department, ctx.deck().info().currency().getCurrencyCode(), charge.signum() > 0),
                priced.billedSeconds(), charge, +1);
    }

    void copyInto(Handle h) {
        if (csv.isEmpty()) {
            return;
        }
        try {
            printer.flush();
            h.getConnection().unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY rated_call (" + COLUMNS + ") FROM STDIN " + CopyCsv.OPTIONS, new StringReader(csv.toString()));
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into rated_call failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pick(String given, String fallback) {
        return given != null ? given : fallback == null ? "" : fallback;
    }
}
