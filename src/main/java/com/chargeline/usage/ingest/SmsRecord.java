package com.chargeline.usage.ingest;

import com.chargeline.usage.rating.CallDirection;
import java.time.Instant;
import java.util.Objects;

/**
 * A text message as a client reports it, with the sms_charges names. {@code segments} may be given
 * directly, or derived from {@code textLength} and {@code encoding} (gsm7 or ucs2).
 */
public record SmsRecord(String messageId, String sessionId, String messageType, String direction, Party from, Party to,
                        Instant sentTime, Size size, Attribution attribution) {
    /** Every field name a message carries on the wire (native API and native CSV). */
    public static final java.util.Set<String> FIELDS = java.util.Set.of("message_id", "session_id", "message_type",
            "direction", "from_number", "from_extension_number", "from_display_name", "to_number", "to_extension_number",
            "to_display_name", "sent_time", "segments", "text_length", "encoding", "billing_number", "cost_center",
            "department");

    public SmsRecord {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(attribution, "attribution");
    }

    /** One end of the message. */
    public record Party(String number, String extensionNumber, String displayName) {
    }

    /** How big it was. */
    public record Size(Integer segments, Integer textLength, String encoding) {
    }

    /** Reporting overrides. */
    public record Attribution(String billingNumber, String costCenter, String department) {
    }

    public boolean outbound() {
        return CallDirection.fromWire(direction) == CallDirection.OUTBOUND;
    }

    public String type() {
        return messageType == null ? "SMS" : messageType;
    }
}
