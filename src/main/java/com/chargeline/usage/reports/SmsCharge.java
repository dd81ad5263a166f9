package com.chargeline.usage.reports;

import java.time.Instant;

/** One current rated SMS/MMS as the sms-charges report shows it. */
public record SmsCharge(String sessionId, String messageId, String messageType, Party from, Party to, Instant sentTime,
                        String billingNumber, String costCenter, String department, CallCharge.Charge charge) {

    /** A sender or receiver. */
    public record Party(String number, String extensionNumber, String displayName) {
    }

    public ReportPosition position() {
        return new ReportPosition(sentTime, messageId);
    }
}
