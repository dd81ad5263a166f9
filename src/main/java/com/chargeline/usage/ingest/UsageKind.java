package com.chargeline.usage.ingest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the batch pipeline knows of a kind of usage record before rating it: the partitioned table its
 * ratings go to (and the columns a {@link RecordRater} writes), the key table that makes it idempotent,
 * and of each record its id, its time (rating order, partition, included-minute month) and the
 * numbers rating will classify. Only calls draw included minutes. {@code tag}: the kind as metrics name it.
 */
record UsageKind<R>(String tag, String table, String columns, String keyTable, String idColumn, String timeColumn, Claim claim,
                    boolean drawsMinutes, Function<R, String> id, Function<R, Instant> time,
                    Function<R, List<String>> numbers) {

    /** rated_call's columns as ingest and re-rating write them, in the order {@link CallRater} gives values. */
    private static final String CALL_COLUMNS = "account_id, end_time, call_log_id, rating_no, current, direction, "
            + "caller_number, caller_billing_number, callee_number, callee_billing_number, call_type, service_type, "
            + "calling_party_name, cost_center, employee_id, department, billing_account_id, start_time, answer_time, "
            + "duration_seconds, result, charge_mode, rate, currency, total_charge, charge_scale, billing_number, "
            + "forward_number_billing, status, rating_error, explanation, rated_at, extension_number, destination_country, user_id";

    /** rated_sms's columns, in the order {@link SmsRater} gives values. */
    private static final String SMS_COLUMNS = "account_id, sent_time, message_id, rating_no, current, session_id, "
            + "message_type, direction, from_number, from_extension_number, from_display_name, to_number, "
            + "to_extension_number, to_display_name, billing_number, cost_center, department, segments, rate, currency, "
            + "total_charge, charge_scale, status, rating_error, explanation, rated_at, user_id";

    /** The key table's claim statement: ids (sorted) and their times in, the ids claimed now out. */
    interface Claim {
        List<String> claim(UsageKeyRepository keys, UUID account, String[] ids, String[] times);
    }

    static final UsageKind<CallRecord> CALLS = new UsageKind<>("call", "rated_call", CALL_COLUMNS, "call_key", "call_log_id",
            "end_time", UsageKeyRepository::claimCallIds, true, CallRecord::callLogId, r -> r.timing().endTime(),
            r -> List.of(r.parties().callerNumber(), r.parties().calleeNumber()));

    static final UsageKind<SmsRecord> MESSAGES = new UsageKind<>("message", "rated_sms", SMS_COLUMNS, "sms_key", "message_id",
            "sent_time", UsageKeyRepository::claimMessageIds, false, SmsRecord::messageId, SmsRecord::sentTime, r -> List.of(r.from().number(), r.to().number()));
}
