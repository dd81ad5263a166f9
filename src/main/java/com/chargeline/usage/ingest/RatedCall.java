package com.chargeline.usage.ingest;

import com.chargeline.common.money.Money;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One rating of a stored call, as read back: who called whom, when, to whom it is attributed, how
 * it was rated, and the explanation (JSON text). A call re-rated N times has N of these.
 */
public record RatedCall(String callLogId, int ratingNo, Parties parties, Timing timing, Attribution attribution,
                        Rating rating, String explanationJson) {

    /** The numbers; the billing numbers are what Zoom's report shows. */
    public record Parties(String direction, String callerNumber, String callerBillingNumber, String calleeNumber,
                          String calleeBillingNumber, String extensionNumber) {
    }

    /** When: {@code startTime}/{@code answerTime} may be unknown (null). */
    public record Timing(Instant endTime, Instant startTime, Instant answerTime, int durationSeconds) {
    }

    /** The directory's (or the record's own) reporting fields. */
    public record Attribution(String callingPartyName, String costCenter, String employeeId, String department,
                              String billingAccountId, String billingNumber, String forwardNumberBilling) {
    }

    /** The outcome: {@code rate} per minute, {@code totalCharge} exact at the deck's precision (its scale). */
    public record Rating(String callType, String serviceType, String result, String chargeMode, BigDecimal rate,
                         Money totalCharge, String status, String ratingError, Instant ratedAt) {
    }
}
