package com.chargeline.usage.reports;

import com.chargeline.common.money.Money;
import java.time.Instant;

/** One current rated call as the call-charges report shows it. */
public record CallCharge(String callLogId, Parties parties, Attribution attribution, Instant endTime, int durationSeconds,
                         Charge charge) {

    /** Who called whom, as recorded and as billed. */
    public record Parties(String callerNumber, String callerBillingNumber, String calleeNumber, String calleeBillingNumber,
                          String callType, String serviceType) {
    }

    /** Whose call it was. */
    public record Attribution(String callingPartyName, String costCenter, String employeeId, String department,
                              String billingNumber, String forwardNumberBilling) {
    }

    /**
     * How it was charged, as the report shows it: the rate (per minute, or per segment for a message) and the
     * charge, both at the deck's precision by the per-record rule; {@code chargeMode} is empty for messages.
     */
    public record Charge(String chargeMode, Money rate, Money totalCharge) {
    }

    public ReportPosition position() {
        return new ReportPosition(endTime, callLogId);
    }
}
