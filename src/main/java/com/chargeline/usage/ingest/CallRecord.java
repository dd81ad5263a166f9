package com.chargeline.usage.ingest;

import com.chargeline.usage.rating.CallDirection;
import com.chargeline.usage.rating.CallResult;
import java.time.Instant;
import java.util.Objects;

/**
 * A call as a client reports it, with Zoom's field names where they exist. Optional attribution
 * fields override what the directory would fill in. Null means "not given".
 */
public record CallRecord(String callLogId, Parties parties, Timing timing, Outcome outcome, Attribution attribution) {
    /** Every field name a call carries on the wire (native API and native CSV). */
    public static final java.util.Set<String> FIELDS = java.util.Set.of("call_log_id", "direction", "caller_number",
            "callee_number", "extension_number", "start_time", "answer_time", "end_time", "duration_seconds", "result",
            "service_type", "call_center", "calling_party_name", "cost_center", "employee_id", "department",
            "billing_number", "billing_account_id", "caller_billing_number", "callee_billing_number",
            "forward_number_billing");

    public CallRecord {
        Objects.requireNonNull(parties, "parties");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(attribution, "attribution");
    }

    /** Who called whom, as reported ({@link CallValidation} checks {@code direction} names a {@link CallDirection}). */
    public record Parties(String direction, String callerNumber, String calleeNumber, String extensionNumber) {
        /** The account's side placed the call. */
        public boolean outbound() {
            return CallDirection.fromWire(direction) == CallDirection.OUTBOUND;
        }
    }

    /** When; {@code durationSeconds} is the talk time (null: derived from answer and end). */
    public record Timing(Instant startTime, Instant answerTime, Instant endTime, Long durationSeconds) {
    }

    /** How it ended and what it was, as reported: {@code result} a {@link CallResult} (null: not given), {@code serviceType} call|meeting. */
    public record Outcome(String result, String serviceType, boolean viaQueue) {
    }

    /** Reporting overrides and Zoom's billing-number fields. */
    public record Attribution(String callingPartyName, String costCenter, String employeeId, String department,
                              String billingNumber, String billingAccountId, String callerBillingNumber,
                              String calleeBillingNumber, String forwardNumberBilling) {
        public static final Attribution NONE = new Attribution(null, null, null, null, null, null, null, null, null);
    }

    /** Talk time in seconds: the given duration, else answer→end, else 0. */
    public long talkSeconds() {
        if (timing.durationSeconds() != null) {
            return timing.durationSeconds();
        }
        if (timing.answerTime() != null && timing.endTime() != null) {
            return Math.max(0, timing.endTime().getEpochSecond() - timing.answerTime().getEpochSecond());
        }
        return 0;
    }

    /** The result given, else answered when the call has talk time and missed when not. */
    public CallResult result() {
        var given = CallResult.fromWire(outcome.result());
        return given != null ? given : talkSeconds() > 0 ? CallResult.ANSWERED : CallResult.MISSED;
    }

    public boolean answered() {
        return result() == CallResult.ANSWERED;
    }
}
