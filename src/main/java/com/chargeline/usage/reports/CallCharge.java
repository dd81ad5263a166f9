package com.chargeline.usage.reports;

import java.math.BigDecimal;
import java.time.Instant;

/** One current rated call as the call-charges report shows it. */
public record CallCharge(String callLogId, Parties parties, Attribution attribution, Instant endTime, int durationSeconds,
                         Money money) {

    /** Who called whom, as recorded and as billed. */
    public record Parties(String callerNumber, String callerBillingNumber, String calleeNumber, String calleeBillingNumber,
                          String callType, String serviceType) {
    }

    /** Whose call it was. */
    public record Attribution(String callingPartyName, String costCenter, String employeeId, String department,
                              String billingNumber, String forwardNumberBilling) {
    }

    /** How it was charged; {@code scale} is the deck's precision. */
    public record Money(String chargeMode, BigDecimal rate, String currency, BigDecimal totalCharge, int scale) {
    }

    public ReportPosition position() {
        return new ReportPosition(endTime, callLogId);
    }
}
