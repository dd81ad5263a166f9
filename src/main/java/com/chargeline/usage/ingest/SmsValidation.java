package com.chargeline.usage.ingest;

import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.FieldError;
import com.chargeline.common.error.Invalid;
import com.chargeline.usage.rating.CallDirection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules an SMS/MMS record must meet before anything of its batch is stored. Every broken rule
 * is reported as {@code records[i].field} so a client can fix the whole batch at once.
 */
public final class SmsValidation {
    private SmsValidation() {
    }

    /** Throws {@code Invalid} naming every broken rule as {@code records[i].field}, if any. */
    public static void validate(List<SmsRecord> records, Clock clock) {
        CallValidation.requireSize(records.size());
        var errors = new ArrayList<FieldError>();
        Set<String> ids = new HashSet<>();
        var latest = clock.instant().plus(Duration.ofMinutes(5));
        for (int i = 0; i < records.size() && errors.size() < 500; i++) {
            var at = "records[" + i + "].";
            var r = records.get(i);
            if (r.messageId() == null || r.messageId().isBlank() || r.messageId().length() > 128) {
                errors.add(new FieldError(at + "message_id", "Required, at most 128 characters."));
            } else if (!ids.add(r.messageId())) {
                errors.add(new FieldError(at + "message_id", "Duplicate of an earlier record in this request: " + r.messageId() + "."));
            }
            if (CallDirection.fromWire(r.direction()) == null) {
                errors.add(new FieldError(at + "direction", "Required: inbound or outbound."));
            }
            if (r.messageType() != null && !Set.of("SMS", "MMS").contains(r.messageType())) {
                errors.add(new FieldError(at + "message_type", "Must be SMS or MMS."));
            }
            CallValidation.requireNumber(errors, at + "from_number", r.from().number());
            CallValidation.requireNumber(errors, at + "to_number", r.to().number());
            if (r.sentTime() == null) {
                errors.add(new FieldError(at + "sent_time", "Required, ISO-8601 with a zone."));
            } else if (r.sentTime().isAfter(latest)) {
                errors.add(new FieldError(at + "sent_time", "Is in the future."));
            }
            var s = r.size();
            if (s.segments() != null && (s.segments() < 1 || s.segments() > 100)) {
                errors.add(new FieldError(at + "segments", "Must be from 1 to 100."));
            }
            if (s.segments() == null && !"MMS".equals(r.messageType()) && s.textLength() == null) {
                errors.add(new FieldError(at + "segments", "Give segments, or text_length and encoding."));
            }
            if (s.textLength() != null && (s.textLength() < 0 || s.textLength() > 100_000)) {
                errors.add(new FieldError(at + "text_length", "Must be from 0 to 100000."));
            }
            if (s.encoding() != null && !Set.of("gsm7", "ucs2").contains(s.encoding())) {
                errors.add(new FieldError(at + "encoding", "Must be gsm7 or ucs2."));
            }
        }
        if (!errors.isEmpty()) {
            throw new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(), errors);
        }
    }
}
