package com.chargeline.usage.ingest;

import com.chargeline.accounts.directory.Directory;
import com.chargeline.accounts.directory.PhoneUser;
import com.chargeline.storage.BulkCopy;
import com.chargeline.usage.aggregate.Rollups;
import com.chargeline.usage.rating.RatingEngine;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Builds the rated_call rows of a batch as COPY input and the batch's rollups alongside. After
 * {@link #stream(Handle)} the rows go to PostgreSQL while the batch is still being rated (in chunks
 * of {@value #CHUNK} characters), so the server's COPY work overlaps the rating instead of following it.
 */
final class RatedCallRows {
    static final String COLUMNS = "account_id, end_time, call_log_id, rating_no, current, direction, caller_number, "
            + "caller_billing_number, callee_number, callee_billing_number, call_type, service_type, calling_party_name, "
            + "cost_center, employee_id, department, billing_account_id, start_time, answer_time, duration_seconds, result, "
            + "charge_mode, rate, currency, total_charge, charge_scale, billing_number, forward_number_billing, status, "
            + "rating_error, explanation, rated_at, extension_number";


    private static final int CHUNK = 1 << 18;
    private final String account;
    private final String ratedAt;
    private final BulkCopy copy = BulkCopy.into("rated_call", COLUMNS, CHUNK);
    private final Rollups rollups;
    private final Explanations explanations = new Explanations();

    RatedCallRows(UUID accountId, Instant ratedAt, ZoneId zone) {
        this.account = accountId.toString();
        this.ratedAt = ratedAt.toString();
        this.rollups = new Rollups(zone);
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
        copy.values().add(account).add(r.timing().endTime()).add(r.callLogId()).add(ratingNo(r)).add("t")
                .add(r.parties().direction()).add(r.parties().callerNumber())
                .add(pick(a.callerBillingNumber(), result.callerE164())).add(r.parties().calleeNumber())
                .add(pick(a.calleeBillingNumber(), result.calleeE164())).add(result.callType().wire())
                .add(r.outcome().serviceType() == null ? "call" : r.outcome().serviceType())
                .add(pick(a.callingPartyName(), user == null ? "" : user.identity().name())).add(costCenter)
                .add(pick(a.employeeId(), attr == null ? "" : attr.employeeId())).add(department).add(billingAccount)
                .add(r.timing().startTime()).add(r.timing().answerTime()).add(r.talkSeconds()).add(outcome)
                .add(rate == null ? "per_min" : rate.price().mode().wire())
                .add(rate == null ? "0" : rate.price().perMinute().toPlainString())
                .add(ctx.deck().info().currency().getCurrencyCode()).add(charge.toPlainString()).add(priced.scale())
                .add(billingNumber).add(a.forwardNumberBilling() == null ? "" : a.forwardNumberBilling())
                .add(result.status().wire()).add(result.status() == RatingEngine.Status.ERROR ? result.reason() : "")
                .add(explanations.of(result, ctx)).add(ratedAt)
                .add(r.parties().extensionNumber() == null ? "" : r.parties().extensionNumber());
        copy.endRow();
        rollups.add(r.timing().endTime(), new Rollups.Key(null, "call", result.callType().wire(), billingAccount,
                costCenter, department, ctx.deck().info().currency().getCurrencyCode(), charge.signum() > 0),
                priced.billedSeconds(), charge, +1);
    }

    /** Opens the COPY on the batch's connection; rows added from now on are sent as they are built. */
    void stream(Handle h) {
        copy.open(h);
    }

    /** Writes what is left and ends the COPY (or runs the whole COPY when none was opened). */
    void copyInto(Handle h) {
        copy.end(h);
    }

    /** Cancels an open COPY (the batch failed); the transaction's rollback discards what was sent. */
    void abandon() {
        copy.cancel();
    }

    private static String pick(String given, String fallback) {
        return given != null ? given : fallback == null ? "" : fallback;
    }
}
