package com.chargeline.usage.ingest;

import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.FieldError;
import com.chargeline.common.error.Invalid;
import com.chargeline.usage.rating.CallDirection;
import com.chargeline.usage.rating.CallResult;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules a call record must meet before anything of its batch is stored. Every broken rule is
 * reported as {@code records[i].field} so a client can fix the whole batch at once.
 */
public final class CallValidation {
    public static final int MAX_RECORDS = 10_000;
    static final Set<String> SERVICE_TYPES = Set.of("call", "meeting");
    private static final long MAX_DURATION = Duration.ofDays(2).toSeconds();
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final java.util.regex.Pattern EXTENSION = java.util.regex.Pattern.compile("[0-9]{1,6}");
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[+0-9 ()\\-.]+");

    private CallValidation() {
    }

    public static void requireSize(int count) {
        if (count > MAX_RECORDS) {
            throw new Invalid(ErrorCode.TOO_MANY_RECORDS, "A request holds at most " + MAX_RECORDS
                    + " records; this one holds " + count + ".", Map.of("count", String.valueOf(count)));
        }
        if (count == 0) {
            throw new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(),
                    List.of(new FieldError("records", "At least one record is required.")));
        }
    }

    public static void validate(List<CallRecord> records, Clock clock) {
        requireSize(records.size());
        var errors = new ArrayList<FieldError>();
        var ids = new HashSet<String>();
        var latest = clock.instant().plus(CLOCK_SKEW);
        for (int i = 0; i < records.size() && errors.size() < 500; i++) {
            var at = "records[" + i + "].";
            var r = records.get(i);
            if (r.callLogId() == null || r.callLogId().isBlank() || r.callLogId().length() > 128) {
                errors.add(new FieldError(at + "call_log_id", "Required, at most 128 characters."));
            } else if (!ids.add(r.callLogId())) {
                errors.add(new FieldError(at + "call_log_id", "Duplicate of an earlier record in this request: " + r.callLogId() + "."));
            }
            var p = r.parties();
            if (CallDirection.fromWire(p.direction()) == null) {
                errors.add(new FieldError(at + "direction", "Required: inbound or outbound."));
            }
            requireNumber(errors, at + "caller_number", p.callerNumber());
            requireNumber(errors, at + "callee_number", p.calleeNumber());
            if (p.extensionNumber() != null && !EXTENSION.matcher(p.extensionNumber()).matches()) {
                errors.add(new FieldError(at + "extension_number", "1 to 6 digits."));
            }
            var t = r.timing();
            if (t.endTime() == null) {
                errors.add(new FieldError(at + "end_time", "Required, ISO-8601 with a zone (2026-11-24T10:15:30Z)."));
            } else {
                if (t.endTime().isAfter(latest)) {
                    errors.add(new FieldError(at + "end_time", "Is in the future."));
                }
                if (t.startTime() != null && t.endTime().isBefore(t.startTime())) {
                    errors.add(new FieldError(at + "end_time", "Is before start_time."));
                }
                if (t.answerTime() != null && t.endTime().isBefore(t.answerTime())) {
                    errors.add(new FieldError(at + "end_time", "Is before answer_time."));
                }
            }
            if (t.startTime() != null && t.answerTime() != null && t.answerTime().isBefore(t.startTime())) {
                errors.add(new FieldError(at + "answer_time", "Is before start_time."));
            }
            if (t.durationSeconds() != null) {
                if (t.durationSeconds() < 0 || t.durationSeconds() > MAX_DURATION) {
                    errors.add(new FieldError(at + "duration_seconds", "Must be from 0 to " + MAX_DURATION + "."));
                } else if (t.startTime() != null && t.endTime() != null
                        && t.durationSeconds() > Duration.between(t.startTime(), t.endTime()).toSeconds() + 1) {
                    errors.add(new FieldError(at + "duration_seconds", "Is longer than start_time to end_time."));
                }
            }
            var o = r.outcome();
            var result = CallResult.fromWire(o.result());
            if (o.result() != null && result == null) {
                errors.add(new FieldError(at + "result", "Must be answered, missed, voicemail or abandoned."));
            } else if (result != null && result != CallResult.ANSWERED && t.durationSeconds() != null
                    && t.durationSeconds() > 0) {
                errors.add(new FieldError(at + "duration_seconds", "A " + o.result() + " call has no talk time."));
            }
            if (o.serviceType() != null && !SERVICE_TYPES.contains(o.serviceType())) {
                errors.add(new FieldError(at + "service_type", "Must be call or meeting."));
            }
        }
        if (!errors.isEmpty()) {
            throw new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(), errors);
        }
    }

    static void requireNumber(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "Required."));
        } else if (value.length() > 32 || !NUMBER.matcher(value).matches()) {
            errors.add(new FieldError(field, "'" + value + "' is not a phone number or extension."));
        }
    }
}
